// A remembered token is never accepted past its expiry, and a refusal names the step that refused.
import { describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { tokenValidator } from './token-validator.ts';
import { silentLogger } from '../log.ts';

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] });
  let clock = Date.parse('2026-11-25T12:00:00Z');
  const validate = tokenValidator({
    keys,
    issuerFor: (tid) => `https://issuer.test/${tid}/v2.0`,
    audience: 'api://tandem.test/app',
    knownTenant: async (tid) => tid === 't1',
    scope: 'access_as_user',
    now: () => clock,
    log: silentLogger,
  });
  const sign = (expiresIn: number, claims: Record<string, unknown> = {}) =>
    new SignJWT({ tid: 't1', oid: 'user-1', upn: 'Owner@Contoso.example', scp: 'access_as_user', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer('https://issuer.test/t1/v2.0')
      .setAudience('api://tandem.test/app')
      .setIssuedAt(Math.floor(clock / 1000))
      .setExpirationTime(Math.floor(clock / 1000) + expiresIn)
      .sign(privateKey);
  return { validate, sign, advance: (ms: number) => (clock += ms) };
}

describe('tokenValidator', () => {
  it('marks a user holding the Tandem.Admin app role as an admin, and no one else', async () => {
    const { validate, sign } = await setup();
    expect(await validate(`Bearer ${await sign(60, { roles: ['Tandem.Admin'] })}`)).toMatchObject({ ok: true, user: { admin: true } });
    expect(await validate(`Bearer ${await sign(60, { roles: ['Tandem.Reader'] })}`)).toMatchObject({ ok: true, user: { admin: false } });
    expect(await validate(`Bearer ${await sign(60, { roles: 'Tandem.Admin' })}`)).toMatchObject({ ok: true, user: { admin: false } });
  });

  it('accepts a valid token with the user lower-cased, and refuses it once expired even though it was remembered', async () => {
    const { validate, sign, advance } = await setup();
    const token = await sign(30);
    expect(await validate(`Bearer ${token}`)).toEqual({ ok: true, user: { oid: 'user-1', tid: 't1', upn: 'owner@contoso.example', name: 'Owner@Contoso.example', admin: false } });
    advance(31_000);
    // Remembered or not, a token past its expiry and the 5-minute clock tolerance is refused.
    advance(5 * 60_000);
    expect(await validate(`Bearer ${token}`)).toMatchObject({ ok: false, step: 'claims', reason: 'token expired' });
  });

  it('names the step that refused', async () => {
    const { validate } = await setup();
    expect(await validate(undefined)).toMatchObject({ ok: false, step: 'header' });
    expect(await validate('Basic abc')).toMatchObject({ ok: false, step: 'header' });
    expect(await validate('Bearer a.b.c')).toMatchObject({ ok: false, step: 'decode' });
  });
});
