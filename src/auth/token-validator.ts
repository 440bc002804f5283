// Validates a bearer token from Teams SSO (or, standalone, from the dev tenant) in small named steps —
// header → decode → tenant → key → signature and claims → user — each logging why it refused.
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Logger } from '../log.ts';

export interface TokenValidatorConfig {
  /** The key set of the issuer (Entra's JWKS, or the dev identity's). */
  readonly keys: JWTVerifyGetKey;
  /** The issuer expected for a token of tenant `tid` (Entra: `https://login.microsoftonline.com/<tid>/v2.0`). */
  readonly issuerFor: (tid: string) => string;
  /** `api://<host>/<client-id>`: the tab's application ID URI. */
  readonly audience: string;
  /** Whether Tandem serves this tenant at all. */
  readonly knownTenant: (tid: string) => Promise<boolean>;
  /** The delegated scope Teams' SSO token carries. */
  readonly scope: string;
  /** Epoch ms; tests age tokens with it. */
  readonly now?: () => number;
  readonly log: Logger;
}

export interface AuthenticatedUser {
  /** Entra object id. */
  readonly oid: string;
  readonly tid: string;
  /** Lower-cased sign-in name (UPN), matched against pairing addresses when no object id is stored. */
  readonly upn: string;
  readonly name: string;
  /** Holds the app role `Tandem.Admin` (assigned in Entra): may offboard any pairing of the tenant. */
  readonly admin: boolean;
}

/** The app role an Entra admin assigns to the people who may end any pairing of their tenant. */
export const ADMIN_APP_ROLE = 'Tandem.Admin';

export type TokenStep = 'header' | 'decode' | 'tenant' | 'key' | 'signature' | 'claims' | 'user';
export type TokenResult = { readonly ok: true; readonly user: AuthenticatedUser } | { readonly ok: false; readonly step: TokenStep; readonly reason: string };

const CLOCK_TOLERANCE_SECONDS = 300;
/**
 * A token that passed is remembered this long (never past its expiry), so a tab's burst of calls costs one
 * verification; short enough that a tenant Tandem stops serving is refused again within a minute.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

export function tokenValidator(config: TokenValidatorConfig) {
  const refuse = (step: TokenStep, reason: string): TokenResult => {
    config.log.warn('api_token_refused', { step, reason });
    return { ok: false, step, reason };
  };

  const now = config.now ?? Date.now;
  const verified = new Map<string, { user: AuthenticatedUser; until: number }>();
  const remember = (token: string, user: AuthenticatedUser, exp: number): TokenResult => {
    verified.set(token, { user, until: Math.min(exp * 1000, now() + VERIFIED_TTL_MS) });
    if (verified.size > VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    return { ok: true, user };
  };

  return async function validate(authorization: string | undefined): Promise<TokenResult> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return refuse('header', 'no bearer token');
    const known = verified.get(token);
    if (known !== undefined && known.until > now()) return { ok: true, user: known.user };

    let unverified: JWTPayload;
    try {
      decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch (error) {
      if (!(error instanceof errors.JOSEError) && !(error instanceof TypeError)) throw error;
      return refuse('decode', 'not a well-formed JWT');
    }

    // The tenant picks the issuer, so it is read before verifying and checked again as a verified claim below.
    const tid = unverified['tid'];
    if (typeof tid !== 'string' || tid === '') return refuse('tenant', 'no tid claim');
    if (!(await config.knownTenant(tid))) return refuse('tenant', `tenant ${tid} is not served`);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, config.keys, {
        algorithms: ['RS256'],
        issuer: config.issuerFor(tid),
        audience: config.audience,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) return refuse('key', 'signing key not in the issuer key set');
      if (error instanceof errors.JWTExpired) return refuse('claims', 'token expired');
      if (error instanceof errors.JWTClaimValidationFailed) return refuse('claims', `claim ${error.claim} rejected: ${error.reason}`);
      if (error instanceof errors.JOSEError) return refuse('signature', `signature not valid (${error.code})`);
      throw error;
    }

    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(config.scope)) return refuse('user', `scope ${config.scope} missing`);
    const upn = payload['upn'] ?? payload['preferred_username'];
    if (typeof upn !== 'string' || typeof payload['oid'] !== 'string') return refuse('user', 'no user in the token');
    const name = typeof payload['name'] === 'string' ? payload['name'] : upn;
    const admin = Array.isArray(payload['roles']) && payload['roles'].includes(ADMIN_APP_ROLE);
    return remember(token, { oid: payload['oid'], tid, upn: upn.toLowerCase(), name, admin }, payload.exp!);
  };
}

export type TokenValidator = ReturnType<typeof tokenValidator>;
