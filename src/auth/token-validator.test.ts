// The validator's steps on Entra-shaped tokens (claims from Microsoft's reference, test/support/entra-claims.ts):
// a remembered token is never accepted past its expiry, a refusal names its step, and a registration accepts
// exactly the token version Entra issues for it — v2.0 (aud = client id) or v1.0 (aud = App ID URI or client id).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { tokenValidator } from './token-validator.ts';
import { ACCESS_TOKEN_ACCEPTED_VERSION, acceptedTokens, appIdUri, TAB_SCOPE, type TabRegistration } from './tab-validator.ts';
import { silentLogger } from '../log.ts';
import { entraAccessTokenClaims, entraHeader } from '../../test/support/entra-claims.ts';

const TENANT = '8eaef023-2b34-4da1-9baa-8bc8c9d6a490';
const CLIENT_ID = '6e74172b-be56-4843-9ff4-e66a39bb12e3';
const REGISTRATION: TabRegistration = { tenantId: TENANT, clientId: CLIENT_ID, appIdUri: appIdUri('tandem.test', CLIENT_ID) };
const USER = { oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474', upn: 'Owner@Contoso.example', name: 'Olivia Owner' };

async function setup(registration: TabRegistration = REGISTRATION) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] });
  let clock = Date.parse('2026-11-25T12:00:00Z');
  const validate = tokenValidator({
    keys,
    tenantId: TENANT,
    accepted: acceptedTokens('https://login.microsoftonline.com', registration),
    knownTenant: async (tid) => tid === TENANT,
    scope: TAB_SCOPE,
    now: () => clock,
    log: silentLogger,
  });
  const sign = (options: { version?: 1 | 2; lifetime?: number; claims?: JWTPayload } = {}) => {
    const version = options.version ?? 2;
    const payload = entraAccessTokenClaims(registration, USER, { version, now: Math.floor(clock / 1000), lifetimeSeconds: options.lifetime ?? 3600 });
    return new SignJWT({ ...payload, ...options.claims }).setProtectedHeader(entraHeader(version, 'k')).sign(privateKey);
  };
  return { validate, sign, advance: (ms: number) => (clock += ms) };
}

describe('tokenValidator', () => {
  it('marks a user holding the Tandem.Admin app role as an admin, and no one else', async () => {
    const { validate, sign } = await setup();
    expect(await validate(`Bearer ${await sign({ claims: { roles: ['Tandem.Admin'] } })}`)).toMatchObject({ ok: true, user: { admin: true } });
    expect(await validate(`Bearer ${await sign({ claims: { roles: ['Tandem.Reader'] } })}`)).toMatchObject({ ok: true, user: { admin: false } });
    expect(await validate(`Bearer ${await sign({ claims: { roles: 'Tandem.Admin' } })}`)).toMatchObject({ ok: true, user: { admin: false } });
  });

  it('accepts a valid v2.0 token with the user by oid (sign-in name for display, lower-cased), and refuses it once expired even though it was remembered', async () => {
    const { validate, sign, advance } = await setup();
    const token = await sign({ lifetime: 30 });
    expect(await validate(`Bearer ${token}`)).toEqual({ ok: true, user: { oid: USER.oid, tid: TENANT, upn: 'owner@contoso.example', name: 'Olivia Owner', admin: false } });
    advance(31_000);
    // Remembered or not, a token past its expiry and the 5-minute clock tolerance is refused.
    advance(5 * 60_000);
    expect(await validate(`Bearer ${token}`)).toMatchObject({ ok: false, step: 'claims', reason: 'token expired' });
  });

  it('names the step that refused', async () => {
    const { validate, sign } = await setup();
    expect(await validate(undefined)).toMatchObject({ ok: false, step: 'header' });
    expect(await validate('Basic abc')).toMatchObject({ ok: false, step: 'header' });
    expect(await validate('Bearer a.b.c')).toMatchObject({ ok: false, step: 'decode' });
    expect(await validate(`Bearer ${await sign({ claims: { tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' } })}`)).toMatchObject({ ok: false, step: 'tenant' });
    expect(await validate(`Bearer ${await sign({ version: 1 })}`)).toMatchObject({ ok: false, step: 'version' });
    expect(await validate(`Bearer ${await sign({ claims: { scp: 'User.Read' } })}`)).toMatchObject({ ok: false, step: 'scope' });
  });

  // https://learn.microsoft.com/entra/identity-platform/access-tokens ("Token formats"): accessTokenAcceptedVersion
  // null or 1 → v1.0 tokens, whose aud is the App ID URI or the client id (access-token-claims-reference, aud).
  it('for a registration with accessTokenAcceptedVersion 1: accepts v1.0 tokens for the App ID URI or the client id, refuses v2.0 and a v1.0 token with the v2.0 issuer', async () => {
    const { validate, sign } = await setup({ ...REGISTRATION, accessTokenVersion: 1 });
    expect(await validate(`Bearer ${await sign({ version: 1 })}`)).toMatchObject({ ok: true, user: { oid: USER.oid, upn: 'owner@contoso.example' } });
    expect(await validate(`Bearer ${await sign({ version: 1, claims: { aud: CLIENT_ID } })}`)).toMatchObject({ ok: true });
    expect(await validate(`Bearer ${await sign({ version: 1, claims: { aud: 'api://elsewhere/other' } })}`)).toMatchObject({ ok: false, step: 'claims' });
    expect(await validate(`Bearer ${await sign({ version: 1, claims: { iss: `https://login.microsoftonline.com/${TENANT}/v2.0` } })}`)).toMatchObject({ ok: false, step: 'claims' });
    expect(await validate(`Bearer ${await sign({ version: 2 })}`)).toMatchObject({ ok: false, step: 'version' });
  });
});

describe('the registration the validator assumes is manifest/aad.manifest.json', () => {
  it('accepts the token version the Entra app asks for, with the App ID URI it declares', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../manifest/aad.manifest.json', import.meta.url), 'utf8')) as { accessTokenAcceptedVersion: number | null; identifierUris: string[]; signInAudience: string };
    expect(ACCESS_TOKEN_ACCEPTED_VERSION).toBe(manifest.accessTokenAcceptedVersion ?? 1);
    expect(manifest.identifierUris).toEqual([appIdUri('${{TAB_DOMAIN}}', '${{AAD_APP_CLIENT_ID}}')]);
    // Single tenant: the tenant pinning and the pane's tenant authority follow from it.
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });
});
