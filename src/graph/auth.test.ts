import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { ServerError } from '@azure/msal-node';
import { startDevIdentity, type DevIdentity, type DevIdentityConfig } from '../devtenant/identity.ts';
import { generateClientCertificate } from '../devtenant/tls.ts';
import { loadConfig } from '../config.ts';
import { httpsNetworkClient, identityAgent } from './https-network-client.ts';
import { AuthConfigError, parseAppAuthConfig } from './auth-config.ts';
import { createAppAuth } from './auth.ts';

const TENANT = '7c1f3e2a-55b4-4d6e-9a0b-3c2d1e0f9a8b';
const APP = { clientId: 'a4d1c0de-1111-4222-8333-944455556666', clientSecret: 'dev~secret', displayName: 'Tandem (dev)' };

const tenant: DevIdentityConfig = {
  tenantId: TENANT,
  apps: [{ ...APP, graphAppRoles: ['Mail.Read', 'MailboxSettings.Read'], graphDelegatedScopes: ['Mail.Read', 'User.Read'] }],
  users: [
    { oid: '0b9e5f11-0000-4000-8000-000000000001', userPrincipalName: 'owner@contoso.test', displayName: 'Olivia Owner', role: 'owner' },
    { oid: '0b9e5f11-0000-4000-8000-000000000002', userPrincipalName: 'va@contoso.test', displayName: 'Victor VA', role: 'va' },
  ],
};

describe('app authentication against the dev tenant', () => {
  let identity: DevIdentity;
  let certificateFile: string;
  let unregisteredFile: string;
  const authConfig = () => identity.appAuthConfig(APP);

  beforeAll(async () => {
    const [registered, unregistered] = await Promise.all([generateClientCertificate(), generateClientCertificate('someone else')]);
    const dir = await mkdtemp(join(tmpdir(), 'tandem-cert-'));
    certificateFile = join(dir, 'tandem.pem');
    unregisteredFile = join(dir, 'other.pem');
    await writeFile(certificateFile, registered.pem);
    await writeFile(unregisteredFile, unregistered.pem);
    identity = await startDevIdentity({ ...tenant, apps: [{ ...tenant.apps[0]!, certificates: [registered.cert] }] });
  });
  afterAll(() => identity.close());

  it('serves Entra-shaped discovery over TLS trusted only through our agent', async () => {
    const response = await fetch(`${identity.authority}/v2.0/.well-known/openid-configuration`).catch((error: unknown) => error);
    expect(response).toBeInstanceOf(Error); // the global fetch does not trust the dev CA
    const document = identity.openIdConfiguration();
    expect(document.issuer).toBe(`${identity.origin}/${TENANT}/v2.0`);
    expect(document.token_endpoint).toBe(`${identity.origin}/${TENANT}/oauth2/v2.0/token`);
    expect(document.jwks_uri).toBe(`${identity.origin}/${TENANT}/discovery/v2.0/keys`);
  });

  it('issues an app token that verifies against the served JWKS, then serves it from the cache', async () => {
    const auth = createAppAuth(authConfig());
    const before = identity.stats.tokenRequests;
    const first = await auth.appToken();
    expect(first.fromCache).toBe(false);
    expect(identity.stats.discoveryRequests).toBe(0); // msal took the metadata from config, asked nothing

    const document = identity.openIdConfiguration();
    const { payload, protectedHeader } = await jwtVerify(first.accessToken, await servedJwks(identity), {
      issuer: document.issuer,
      audience: 'https://graph.microsoft.com',
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ tid: TENANT, azp: APP.clientId, appid: APP.clientId, idtyp: 'app', roles: ['Mail.Read', 'MailboxSettings.Read'] });
    expect(payload['scp']).toBeUndefined();

    const second = await auth.appToken();
    expect(second.fromCache).toBe(true);
    expect(second.accessToken).toBe(first.accessToken);
    expect(identity.stats.tokenRequests - before).toBe(1);
  });

  it("gives msal's invalid_client error for a wrong secret", async () => {
    const auth = createAppAuth({ ...authConfig(), clientSecret: 'not-the-secret' });
    const error = await auth.appToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ errorCode: 'invalid_client' });
    expect((error as ServerError).errorMessage).toContain('AADSTS7000215');
  });

  it('exchanges a seeded user token on behalf of the user for a delegated Graph token, cached per assertion', async () => {
    const auth = createAppAuth(authConfig());
    const userToken = await identity.userToken('va@contoso.test', APP.clientId);
    const before = identity.stats.tokenRequests;
    const token = await auth.onBehalfOf(userToken, ['Mail.Read']);
    const claims = decodeJwt(token.accessToken);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', oid: tenant.users[1]!.oid, scp: 'Mail.Read', upn: 'va@contoso.test', azp: APP.clientId });
    expect(claims['roles']).toBeUndefined();

    const again = await auth.onBehalfOf(userToken, ['Mail.Read']);
    expect(again.fromCache).toBe(true);
    expect(identity.stats.tokenRequests - before).toBe(1);
  });

  it('refuses on-behalf-of for a token addressed to another app, and a permission not consented', async () => {
    const auth = createAppAuth(authConfig());
    const foreign = await identity.userToken('owner@contoso.test', 'some-other-app');
    await expect(auth.onBehalfOf(foreign, ['Mail.Read'])).rejects.toMatchObject({ errorCode: 'invalid_grant' });
    const userToken = await identity.userToken('owner@contoso.test', APP.clientId);
    await expect(auth.onBehalfOf(userToken, ['Mail.Send'])).rejects.toMatchObject({ errorCode: 'invalid_grant' });
  });

  // https://learn.microsoft.com/entra/identity-platform/certificate-credentials: a client assertion (PS256, x5t#S256,
  // aud = token endpoint, iss = sub = client id) replaces the secret; msal-node builds it from thumbprintSha256 +
  // privateKey (https://learn.microsoft.com/entra/msal/javascript/node/certificate-credentials).
  it('signs the app in with a certificate from TANDEM_CLIENT_CERTIFICATE_PATH instead of a secret, end to end', async () => {
    const config = loadConfig({ TANDEM_TENANT_ID: TENANT, TANDEM_CLIENT_ID: APP.clientId, TANDEM_CLIENT_CERTIFICATE_PATH: certificateFile, MicrosoftAppId: 'bot', MicrosoftAppPassword: 'bot secret' });
    if (config.graph.kind !== 'tenant' || config.graph.credential.kind !== 'certificate') throw new Error('expected a certificate credential');
    const { thumbprintSha256, privateKey } = config.graph.credential;
    const auth = createAppAuth(identity.appAuthConfig({ clientId: APP.clientId, clientCertificate: { thumbprintSha256, privateKey } }));
    const token = await auth.appToken();
    // azpacr/appidacr 2: the client authenticated with a certificate (access-token-claims-reference).
    expect(decodeJwt(token.accessToken)).toMatchObject({ azp: APP.clientId, azpacr: '2', appidacr: '2', roles: ['Mail.Read', 'MailboxSettings.Read'] });
    const obo = await auth.onBehalfOf(await identity.userToken('owner@contoso.test', APP.clientId), ['Mail.Read']);
    expect(decodeJwt(obo.accessToken)).toMatchObject({ oid: tenant.users[0]!.oid, scp: 'Mail.Read' });
  });

  it('is refused with a certificate the app registration does not hold (AADSTS700027)', async () => {
    const config = loadConfig({ TANDEM_TENANT_ID: TENANT, TANDEM_CLIENT_ID: APP.clientId, TANDEM_CLIENT_CERTIFICATE_PATH: unregisteredFile, MicrosoftAppId: 'bot', MicrosoftAppPassword: 'bot secret' });
    if (config.graph.kind !== 'tenant' || config.graph.credential.kind !== 'certificate') throw new Error('expected a certificate credential');
    const { thumbprintSha256, privateKey } = config.graph.credential;
    const error = await createAppAuth(identity.appAuthConfig({ clientId: APP.clientId, clientCertificate: { thumbprintSha256, privateKey } })).appToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ errorCode: 'invalid_client' });
    expect((error as ServerError).errorMessage).toContain('AADSTS700027');
  });

  it('names the missing setting', () => {
    const { clientSecret: _omitted, ...withoutSecret } = authConfig();
    expect(() => parseAppAuthConfig(withoutSecret)).toThrow(AuthConfigError);
    expect(() => parseAppAuthConfig(withoutSecret)).toThrow(/clientSecret or clientCertificate is missing/);
    expect(() => parseAppAuthConfig({ ...authConfig(), clientCertificate: { thumbprintSha256: 'a'.repeat(64), privateKey: '-----BEGIN PRIVATE KEY-----' } })).toThrow(/both set/);
    expect(() => parseAppAuthConfig({ ...withoutSecret, clientCertificate: { thumbprintSha256: 'sha1', privateKey: 'key' } })).toThrow(/thumbprintSha256 must be a SHA-256 thumbprint/);
    expect(() => parseAppAuthConfig({ clientSecret: 's' })).toThrow(/tenantId is missing; clientId is missing/);
    expect(() => createAppAuth({ ...authConfig(), authorityHost: 'http://127.0.0.1:1' })).toThrow(/authorityHost must be an https:\/\/ URL/);
  });
});

/** The served JWKS, fetched through an agent that trusts the dev CA (jose's remote set uses the global fetch, which rightly does not). */
async function servedJwks(identity: DevIdentity) {
  const client = httpsNetworkClient(identityAgent(identity.ca));
  const response = await client.sendGetRequestAsync<JSONWebKeySet>(identity.openIdConfiguration().jwks_uri);
  expect(response.status).toBe(200);
  return createLocalJWKSet(response.body);
}
