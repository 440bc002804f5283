// Validates a bearer token from Teams SSO or the Outlook pane (Entra ID, or standalone the dev identity) in
// small named steps — header → decode → tenant → version → key → signature and claims → scope → user — each
// logging why it refused. What is accepted is exactly what Entra issues for Tandem's app registration, per
// https://learn.microsoft.com/entra/identity-platform/access-tokens ("Validate tokens") and the claims in
// https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference.
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Logger } from '../log.ts';

/**
 * One token version the registration accepts: its `ver` claim, the exact issuer (tenant pinned) and the
 * audiences. Entra issues v2.0 tokens with `aud` = the API's client id; v1.0 tokens with `aud` = the App ID URI
 * or the client id, as the client asked (access-token-claims-reference, `aud`).
 */
export interface AcceptedToken {
  readonly ver: '1.0' | '2.0';
  readonly issuer: string;
  readonly audiences: readonly string[];
}

export interface TokenValidatorConfig {
  /** The key set of the issuer (Entra's JWKS for the tenant, or the dev identity's). */
  readonly keys: JWTVerifyGetKey;
  /** The one tenant Tandem serves (TANDEM_TENANT_ID): a token whose `tid` is another is refused. */
  readonly tenantId: string;
  /** The token versions the app registration makes Entra issue (accessTokenAcceptedVersion). */
  readonly accepted: readonly AcceptedToken[];
  /** Whether the store knows the tenant (chat set-up records it). */
  readonly knownTenant: (tid: string) => Promise<boolean>;
  /** The delegated scope the tab and the pane ask for. */
  readonly scope: string;
  /** Epoch ms; tests age tokens with it. */
  readonly now?: () => number;
  readonly log: Logger;
}

export interface AuthenticatedUser {
  /** Entra object id: with `tid`, the only thing that says who the caller is. */
  readonly oid: string;
  readonly tid: string;
  /**
   * Lower-cased sign-in name for display only (`preferred_username`, else `upn`/`unique_name`): Entra documents
   * it as mutable, so it never decides access (access-token-claims-reference, `preferred_username`).
   */
  readonly upn: string;
  readonly name: string;
  /** Holds the app role `Tandem.Admin` (assigned in Entra): may offboard any pairing of the tenant. */
  readonly admin: boolean;
}

/** The app role an Entra admin assigns to the people who may end any pairing of their tenant. */
export const ADMIN_APP_ROLE = 'Tandem.Admin';

export type TokenStep = 'header' | 'decode' | 'tenant' | 'version' | 'key' | 'signature' | 'claims' | 'scope' | 'user';
/** A refusal at `scope` is a valid token without Tandem's permission: 403 insufficient_scope (RFC 6750 §3.1); any other is 401. */
export type TokenResult = { readonly ok: true; readonly user: AuthenticatedUser } | { readonly ok: false; readonly step: TokenStep; readonly reason: string };

const CLOCK_TOLERANCE_SECONDS = 300;
/**
 * A token that passed is remembered this long (never past its expiry), so a tab's burst of calls costs one
 * verification; short enough that a tenant Tandem stops serving is refused again within a minute.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

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

    // The tenant is pinned: read before verifying (cheap refusal), and checked again as a verified claim below.
    const tid = unverified['tid'];
    if (typeof tid !== 'string' || tid === '') return refuse('tenant', 'no tid claim');
    if (tid !== config.tenantId) return refuse('tenant', `tenant ${tid} is not the configured tenant`);
    if (!(await config.knownTenant(tid))) return refuse('tenant', `tenant ${tid} is not served`);

    // The `ver` claim picks the issuer and audiences; a version the registration does not accept is refused.
    const accepted = config.accepted.find((candidate) => candidate.ver === unverified['ver']);
    if (accepted === undefined) return refuse('version', `token version ${String(unverified['ver'])} is not accepted (accepted: ${config.accepted.map((a) => a.ver).join(', ')})`);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, config.keys, {
        // Entra signs access tokens with RS256; `none`, HMAC and anything else are refused before a key is used.
        algorithms: ['RS256'],
        issuer: accepted.issuer,
        audience: [...accepted.audiences],
        requiredClaims: ['exp', 'iat', 'tid', 'oid', 'ver'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) return refuse('key', 'signing key not in the issuer key set');
      if (error instanceof errors.JOSEAlgNotAllowed) return refuse('signature', 'algorithm not allowed (RS256 only)');
      if (error instanceof errors.JWTExpired) return refuse('claims', 'token expired');
      if (error instanceof errors.JWTClaimValidationFailed) return refuse('claims', `claim ${error.claim} rejected: ${error.reason}`);
      if (error instanceof errors.JOSEError) return refuse('signature', `signature not valid (${error.code})`);
      throw error;
    }
    if (payload['tid'] !== config.tenantId || payload['ver'] !== accepted.ver) return refuse('claims', 'tid or ver changed');

    // A delegated token for Tandem's scope; an app-only token (roles, no scp) never names a user.
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(config.scope)) return refuse('scope', `scope ${config.scope} missing`);
    const oid = text(payload['oid']);
    if (oid === undefined) return refuse('user', 'no oid in the token');
    const signInName = text(payload['preferred_username']) ?? text(payload['upn']) ?? text(payload['unique_name']) ?? '';
    const name = text(payload['name']) ?? signInName;
    const admin = Array.isArray(payload['roles']) && payload['roles'].includes(ADMIN_APP_ROLE);
    return remember(token, { oid, tid, upn: signInName.toLowerCase(), name, admin }, payload.exp!);
  };
}

export type TokenValidator = ReturnType<typeof tokenValidator>;
