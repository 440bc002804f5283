// Tokens for the tab API's and the pane's tests and benchmarks: an issuer key of our own standing in for
// Entra's, access tokens whose claims are Entra's (entra-claims.ts, from Microsoft's reference) with any claim
// changed, and the API's real validator trusting that key for one tenant and Tandem's registration.
import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { acceptedTokens, appIdUri, TAB_SCOPE } from '../../src/auth/tab-validator.ts';
import { tokenValidator, type TokenValidator } from '../../src/auth/token-validator.ts';
import type { Logger } from '../../src/log.ts';
import type { Queryable } from '../../src/store/database.ts';
import { getTenant } from '../../src/store/tenants.ts';
import { entraAccessTokenClaims, entraHeader } from './entra-claims.ts';

export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com';
export const TEST_HOST = 'tandem.test';
/** Tandem's app registration in the tests' tenant. */
export const TEST_CLIENT_ID = '00000000-0000-4000-a000-000000000001';
export const TEST_APP_ID_URI = appIdUri(TEST_HOST, TEST_CLIENT_ID);
const KID = 'test-key';

export interface SignOptions {
  /** Seconds from now to `exp`; negative for an expired token. */
  readonly expiresInSeconds?: number;
  /** The token version Entra would issue (default 2, as manifest/aad.manifest.json asks). */
  readonly version?: 1 | 2;
  /** Header fields to change (alg, kid …). */
  readonly header?: Record<string, unknown>;
}

export type TestClaims = JWTPayload & { tid: string; oid: string; upn?: string; name?: string };

export interface TestIssuer {
  /** An access token for Tandem's API as Entra issues it for (tid, oid, upn, name); any other claim overrides. */
  sign(claims: TestClaims, options?: SignOptions): Promise<string>;
  /** The same claims and header, unsigned and serialised as given (for alg: none and HMAC forgeries). */
  payload(claims: TestClaims, options?: SignOptions): { header: Record<string, unknown>; payload: JWTPayload };
  /** The public key as PEM (what a forger knows). */
  publicKeyPem(): Promise<string>;
  /** The API's validator pinned to `tenantId`, for Tandem's test registration, trusting this issuer's key. */
  validator(db: Queryable, log: Logger, tenantId: string): TokenValidator;
}

function build(claims: TestClaims, options: SignOptions) {
  const { tid, oid, upn, name, ...overrides } = claims;
  const now = Math.floor(Date.now() / 1000);
  const version = options.version ?? 2;
  const base = entraAccessTokenClaims(
    { tenantId: tid ?? 'no-tenant', clientId: TEST_CLIENT_ID, appIdUri: TEST_APP_ID_URI },
    { oid: oid ?? 'no-user', upn: upn ?? `${oid}@users.example`, name: name ?? upn ?? oid },
    { version, now },
  );
  const payload: JWTPayload = { ...base, ...(options.expiresInSeconds === undefined ? {} : { exp: now + options.expiresInSeconds }), ...overrides };
  // A claim set to undefined is left out, as Entra leaves out a claim it has no value for.
  if (tid === undefined) delete payload['tid'];
  if (oid === undefined) delete payload['oid'];
  return { header: { ...entraHeader(version, KID), ...options.header }, payload };
}

export async function testIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  return {
    async sign(claims, options = {}) {
      const { header, payload } = build(claims, options);
      return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(privateKey as CryptoKey);
    },
    payload: (claims, options = {}) => build(claims, options),
    publicKeyPem: () => exportSPKI(publicKey),
    validator: (db, log, tenantId) =>
      tokenValidator({
        keys,
        tenantId,
        accepted: acceptedTokens(ENTRA_AUTHORITY, { tenantId, clientId: TEST_CLIENT_ID, appIdUri: TEST_APP_ID_URI }),
        knownTenant: async (tid) => (await getTenant(db, tid)) !== null,
        scope: TAB_SCOPE,
        log,
      }),
  };
}

/** A logger that keeps what it was told, to assert on refusal reasons. */
export function recordingLogger(): Logger & { lines: { level: string; event: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level, event, fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
