// Standalone sign-in: the dev identity issues the store's owners and VAs the token Entra would issue Teams for
// the tab's registration (v2.0, aud = the client id), and the API's validator — the same code as for Teams,
// the key set fetched over HTTPS from the tenant's JWKS — accepts it, while a token for another API, another
// version or an unknown user is refused. People are picked by object id; one without a stored id is not offered.
import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../src/api/api-app.ts';
import { tabTokenValidator } from '../src/auth/tab-validator.ts';
import { startStandaloneSignIn, type StandaloneSignIn } from '../src/devtenant/tab-sign-in.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { newTestPairing, pairingInTenant } from './support/pairings.ts';
import { recordingLogger } from './support/tab-tokens.ts';
import { services } from './support/services.ts';

describe.each(testEngines())('standalone sign-in on %s', (engine) => {
  const db = useTestDatabase(engine);
  const log = recordingLogger();
  let signIn: StandaloneSignIn;
  let pairing: Pairing;
  let api: ReturnType<typeof createApiApp>;

  let addressesOnly: Pairing;

  beforeAll(async () => {
    pairing = await newTestPairing(db());
    // Made from addresses only (no chat set-up yet): its people have no object id, so no one can sign in as them.
    addressesOnly = await pairingInTenant(db(), pairing.tenantId, { owner: { address: 'late.owner@contoso.example' }, va: { address: 'late.va@contoso.example' } });
    signIn = await startStandaloneSignIn(db(), { host: 'localhost:3978', logger: log });
    const validateToken = tabTokenValidator(db(), { authorityHost: signIn.authorityHost, registration: signIn.registration, ca: signIn.identity.ca }, log);
    api = createApiApp({ ...services(db()), db: db(), validateToken, clock: { now: () => Date.now() }, log, signIn: signIn.routes });
  });
  afterAll(() => signIn?.close());

  const tokenFor = async (oid: string) => api.request('/sign-in/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ oid }) });

  it('lists the pairing\'s owner and VA to pick from, by object id, and not people without one', async () => {
    const { users } = await (await api.request('/sign-in/users')).json();
    expect(users).toEqual([
      { oid: pairing.owner.userId, upn: pairing.owner.address, name: 'Owner', role: 'owner', mailbox: pairing.mailbox },
      { oid: pairing.va.userId, upn: pairing.va.address, name: expect.stringMatching(/^VA /), role: 'va', mailbox: pairing.mailbox },
    ]);
    expect(JSON.stringify(users)).not.toContain(addressesOnly.owner.address);
  });

  it('signs the picked user in with the token Entra would issue for the registration, which the API accepts; anyone else is refused', async () => {
    const { token } = await (await tokenFor(pairing.va.userId!)).json();
    // v2.0, as aad.manifest.json's accessTokenAcceptedVersion 2 makes Entra issue (learn.microsoft.com/entra/identity-platform/access-tokens).
    expect(decodeJwt(token)).toMatchObject({ ver: '2.0', aud: signIn.registration.clientId, iss: `${signIn.authorityHost}/${pairing.tenantId}/v2.0`, tid: pairing.tenantId, oid: pairing.va.userId, scp: 'access_as_user', preferred_username: pairing.va.address });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
    const me = await api.request('/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).pairings).toEqual([expect.objectContaining({ id: pairing.id, role: 'va' })]);
    expect((await tokenFor(randomUUID())).status).toBe(400);
  });

  it('refuses a dev-tenant token minted for another app (audience), and a v1.0 token for this one, as for Teams', async () => {
    const foreign = await signIn.identity.userToken(pairing.owner.address, randomUUID(), ['access_as_user']);
    log.lines.length = 0;
    expect((await api.request('/me', { headers: { authorization: `Bearer ${foreign}` } })).status).toBe(401);
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'api_token_refused', fields: expect.objectContaining({ step: 'claims', reason: expect.stringContaining('aud') }) }));
    const v1 = await signIn.identity.userToken(pairing.owner.address, { ...signIn.registration, accessTokenVersion: 1 });
    expect(decodeJwt(v1)).toMatchObject({ ver: '1.0', aud: signIn.registration.appIdUri, iss: `https://sts.windows.net/${pairing.tenantId}/`, unique_name: pairing.owner.address });
    expect((await api.request('/me', { headers: { authorization: `Bearer ${v1}` } })).status).toBe(401);
  });
});
