// How the dev Graph checks a bearer token from the dev identity, in small steps that each say why they
// refused: header → decode → key (the identity's JWKS) → signature and claims → the app's roles.
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { httpsNetworkClient, identityAgent } from '../graph/https-network-client.ts';
import type { Logger } from '../log.ts';

export interface TokenCheckConfig {
  /** The dev identity's issuer (`<origin>/<tenant>/v2.0`) and JWKS URL, from its discovery document. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** The CA to trust when fetching the JWKS. */
  readonly identityCa: string;
  /** Accepted `aud` values: Graph's resource and the dev Graph's base URL. */
  readonly audiences: readonly string[];
}

/** Tokens remembered as verified; clients hold one for an hour, so this is never reached but by a misbehaving test. */
const MAX_VERIFIED_TOKENS = 1_000;

export type GraphTokenClaims = JWTPayload & { roles: string[] };
export type TokenCheck = { readonly ok: true; readonly claims: GraphTokenClaims } | { readonly ok: false; readonly message: string };

export function tokenChecker(config: TokenCheckConfig, logger: Logger) {
  const client = httpsNetworkClient(identityAgent(config.identityCa));
  let keys: ReturnType<typeof createLocalJWKSet> | undefined;
  const loadKeys = async () => {
    const response = await client.sendGetRequestAsync<JSONWebKeySet>(config.jwksUri);
    if (response.status !== 200) throw new Error(`dev identity JWKS answered ${response.status}`);
    keys = createLocalJWKSet(response.body);
    return keys;
  };

  const refuse = (step: string, message: string): TokenCheck => {
    logger.warn('devtenant.graph.token_refused', { step, reason: message });
    return { ok: false, message };
  };

  /**
   * Tokens whose signature and claims checked out, until they expire: a client sends the same token with every
   * request (and a $batch once per inner request), and an RSA check each time made the stand-in, not the app
   * under test, the busiest process of a many-mailbox run.
   */
  const verified = new Map<string, GraphTokenClaims>();

  return async function check(authorization: string | undefined): Promise<TokenCheck> {
    // header
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (!token) return refuse('header', 'Access token is empty.');
    const known = verified.get(token);
    if (known !== undefined && typeof known.exp === 'number' && Date.now() < known.exp * 1000) return { ok: true, claims: known };
    verified.delete(token);
    // decode
    try {
      decodeJwt(token);
    } catch (error) {
      if (!(error instanceof errors.JWTInvalid)) throw error;
      return refuse('decode', 'IDX14100: JWT is not well formed.');
    }
    // key, signature, claims
    try {
      const jwks = keys ?? (await loadKeys());
      const verify = (set: typeof jwks) => jwtVerify(token, set, { issuer: config.issuer, audience: [...config.audiences], algorithms: ['RS256'] });
      let result;
      try {
        result = await verify(jwks);
      } catch (error) {
        // The identity restarted with a new key: fetch the set once more.
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
        result = await verify(await loadKeys());
      }
      const roles = result.payload['roles'];
      const claims: GraphTokenClaims = { ...result.payload, roles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [] };
      if (verified.size >= MAX_VERIFIED_TOKENS) verified.clear();
      verified.set(token, claims);
      return { ok: true, claims };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return refuse('claims', 'Lifetime validation failed, the token is expired.');
      if (error instanceof errors.JWTClaimValidationFailed) return refuse('claims', `Access token validation failure. Invalid ${error.claim === 'aud' ? 'audience' : error.claim}.`);
      if (error instanceof errors.JOSEError) return refuse('signature', 'Access token validation failure.');
      throw error;
    }
  };
}
