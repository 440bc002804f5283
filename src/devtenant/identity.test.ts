import { createHash, createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsNetworkClient, identityAgent } from '../graph/https-network-client.ts';
import { CLIENT_ASSERTION_TYPE } from './client-assertion.ts';
import { startDevIdentity, type DevIdentity } from './identity.ts';
import { generateClientCertificate } from './tls.ts';

const TENANT = 'f00dcafe-0000-4000-8000-00000000000a';
const APP = { clientId: 'c11e0000-0000-4000-8000-000000000001', clientSecret: 's3cret', displayName: 'Tandem (dev)' };

describe('dev identity token endpoint, on the wire', () => {
  let identity: DevIdentity;
  let clock = Date.parse('2026-11-23T09:00:00Z');
  const post = (form: Record<string, string>) =>
    httpsNetworkClient(identityAgent(identity.ca)).sendPostRequestAsync<Record<string, unknown>>(identity.openIdConfiguration().token_endpoint, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'client-request-id': 'corr-1' },
      body: new URLSearchParams(form).toString(),
    });
  const credentials = (extra: Record<string, string> = {}) => ({ grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://graph.microsoft.com/.default', ...extra });

  let certificate: Awaited<ReturnType<typeof generateClientCertificate>>;
  /** A client assertion as https://learn.microsoft.com/entra/identity-platform/certificate-credentials describes it. */
  const assertion = async (change: { claims?: Record<string, unknown>; header?: Record<string, unknown>; nowSeconds?: number } = {}) => {
    const now = change.nowSeconds ?? Math.floor(clock / 1000);
    const x5tS256 = createHash('sha256').update(new X509Certificate(certificate.cert).raw).digest('base64url');
    return new SignJWT({ aud: identity.openIdConfiguration().token_endpoint, iss: APP.clientId, sub: APP.clientId, jti: randomUUID(), nbf: now, iat: now, exp: now + 600, ...change.claims })
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': x5tS256, ...change.header })
      .sign(createPrivateKey(certificate.key));
  };
  const withAssertion = async (change?: Parameters<typeof assertion>[0], type = CLIENT_ASSERTION_TYPE) => ({
    grant_type: 'client_credentials',
    client_id: APP.clientId,
    client_assertion_type: type,
    client_assertion: await assertion(change),
    scope: 'https://graph.microsoft.com/.default',
  });

  beforeAll(async () => {
    certificate = await generateClientCertificate();
    identity = await startDevIdentity({
      tenantId: TENANT,
      now: () => clock,
      graphBaseUrl: 'https://127.0.0.1:9999/graph',
      apps: [{ ...APP, certificates: [certificate.cert], graphAppRoles: ['Mail.Read'], graphDelegatedScopes: ['Mail.Read'] }],
      users: [{ oid: 'u1', userPrincipalName: 'owner@contoso.test', displayName: 'Owner', role: 'owner' }],
    });
  });
  afterAll(() => identity.close());

  it('answers a token request in Entra shape, also for the dev Graph resource', async () => {
    const ok = await post(credentials({ scope: 'https://127.0.0.1:9999/graph/.default' }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: expect.any(String) });
  });

  // https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
  // (step 1: client credentials with scope https://api.botframework.com/.default; the token's aud names it, appid the bot)
  it('issues a Bot Connector token: client credentials for https://api.botframework.com/.default, aud and appid set, no Graph roles', async () => {
    const ok = await post(credentials({ scope: 'https://api.botframework.com/.default' }));
    expect(ok.status).toBe(200);
    const claims = decodeJwt(String(ok.body['access_token']));
    expect(claims).toMatchObject({ aud: 'https://api.botframework.com', appid: APP.clientId, idtyp: 'app' });
    expect(claims['roles']).toBeUndefined();
  });

  it.each([
    ['a wrong secret', credentials({ client_secret: 'nope' }), 401, 'invalid_client', 7000215],
    ['no secret', { grant_type: 'client_credentials', client_id: APP.clientId, scope: 'https://graph.microsoft.com/.default' }, 401, 'invalid_client', 7000218],
    ['an unknown app', credentials({ client_id: 'who' }), 400, 'unauthorized_client', 700016],
    ['a scope without /.default', credentials({ scope: 'https://graph.microsoft.com/Mail.Read' }), 400, 'invalid_scope', 1002012],
    ['another resource', credentials({ scope: 'https://example.com/.default' }), 400, 'invalid_scope', 1002012],
    ['an OBO assertion it did not sign', { ...credentials(), grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', requested_token_use: 'on_behalf_of', assertion: 'e30.e30.x' }, 400, 'invalid_grant', 50013],
    ['an unknown grant', credentials({ grant_type: 'password' }), 400, 'unsupported_grant_type', 70003],
  ])('refuses %s', async (_, form, status, error, code) => {
    const response = await post(form);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error, error_codes: [code], correlation_id: 'corr-1', trace_id: expect.any(String), timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/) });
    expect(response.body['error_description']).toMatch(new RegExp(`^AADSTS${code}: `));
  });

  it('takes a client assertion signed by a registered certificate instead of the secret (private_key_jwt)', async () => {
    const ok = await post(await withAssertion());
    expect(ok.status).toBe(200);
    const [, payload] = String(ok.body['access_token']).split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({ azpacr: '2', appidacr: '2' });
  });

  it.each([
    ['another audience', { claims: { aud: 'https://login.microsoftonline.com/other/oauth2/v2.0/token' } }, CLIENT_ASSERTION_TYPE, 401, 50027],
    ['another issuer', { claims: { iss: 'someone-else', sub: 'someone-else' } }, CLIENT_ASSERTION_TYPE, 401, 50027],
    ['an expired assertion', { nowSeconds: Math.floor(Date.parse('2026-11-23T07:00:00Z') / 1000) }, CLIENT_ASSERTION_TYPE, 401, 700024],
    ['a certificate the app does not hold', { header: { 'x5t#S256': 'bm90LXJlZ2lzdGVyZWQ' } }, CLIENT_ASSERTION_TYPE, 401, 700027],
    ['another assertion type', {}, 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer', 400, 50027],
  ])('refuses a client assertion with %s', async (_, change, type, status, code) => {
    const response = await post(await withAssertion(change, type));
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error_codes: [code] });
  });

  it('exchanges a fresh user token on behalf of the user and refuses it once expired', async () => {
    const assertion = await identity.userToken('owner@contoso.test', APP.clientId);
    const obo = { ...credentials(), grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', requested_token_use: 'on_behalf_of', assertion, scope: 'https://graph.microsoft.com/Mail.Read openid profile offline_access', client_info: '1' };
    const ok = await post(obo);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ scope: 'https://graph.microsoft.com/Mail.Read', id_token: expect.any(String), client_info: expect.any(String) });
    clock += 2 * 3600 * 1000;
    const expired = await post(obo);
    expect(expired).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [500133] } });
  });

  it('publishes its signing key and refuses another tenant', async () => {
    const client = httpsNetworkClient(identityAgent(identity.ca));
    const keys = await client.sendGetRequestAsync<{ keys: Array<Record<string, unknown>> }>(identity.openIdConfiguration().jwks_uri);
    expect(keys.body.keys).toEqual([expect.objectContaining({ kty: 'RSA', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' })]);
    const other = await client.sendGetRequestAsync<Record<string, unknown>>(`${identity.origin}/other/v2.0/.well-known/openid-configuration`);
    expect(other).toMatchObject({ status: 400, body: { error: 'invalid_tenant' } });
  });
});
