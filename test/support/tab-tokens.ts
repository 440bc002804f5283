// Tokens for the tab API's tests and benchmark: an issuer key of our own, Entra-shaped SSO tokens with any
// claim changed (expired, other audience, other tenant), and the API's real validator trusting that key.
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { tokenValidator, type TokenValidator } from '../../src/auth/token-validator.ts';
import { TAB_SCOPE } from '../../src/auth/tab-validator.ts';
import type { Logger } from '../../src/log.ts';
import type { Queryable } from '../../src/store/database.ts';
import { getTenant } from '../../src/store/tenants.ts';

export const TEST_AUDIENCE = 'api://tandem.test/00000000-0000-4000-a000-000000000001';
export const issuerFor = (tid: string) => `https://login.test/${tid}/v2.0`;

export interface TestIssuer {
  sign(claims: JWTPayload & { tid: string; oid: string }, options?: { expiresInSeconds?: number }): Promise<string>;
  validator(db: Queryable, log: Logger): TokenValidator;
}

export async function testIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  return {
    async sign(claims, options = {}) {
      const iat = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuerFor(claims.tid), aud: TEST_AUDIENCE, scp: TAB_SCOPE, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
        .setIssuedAt(iat)
        .setExpirationTime(iat + (options.expiresInSeconds ?? 3600))
        .sign(privateKey);
    },
    validator: (db, log) =>
      tokenValidator({ keys, issuerFor, audience: TEST_AUDIENCE, scope: TAB_SCOPE, knownTenant: async (tid) => (await getTenant(db, tid)) !== null, log }),
  };
}

/** A logger that keeps what it was told, to assert on refusal reasons. */
export function recordingLogger(): Logger & { lines: { level: string; event: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level, event, fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
