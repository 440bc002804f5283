// Standalone sign-in: the dev identity issues the seeded owner and VA an SSO-shaped token, and the API's
// validator — the same steps as for Teams, with the key set fetched over HTTPS from the identity's JWKS —
// accepts it, while a token for another audience or an unknown user is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../src/api/api-app.ts';
import { tabTokenValidator } from '../src/auth/tab-validator.ts';
import { startStandaloneSignIn, type StandaloneSignIn } from '../src/devtenant/tab-sign-in.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { newTestPairing } from './support/pairings.ts';
import { recordingLogger } from './support/tab-tokens.ts';
import { services } from './support/services.ts';

describe.each(testEngines())('standalone sign-in on %s', (engine) => {
  const db = useTestDatabase(engine);
  const log = recordingLogger();
  let signIn: StandaloneSignIn;
  let pairing: Pairing;
  let api: ReturnType<typeof createApiApp>;

  beforeAll(async () => {
    pairing = await newTestPairing(db());
    signIn = await startStandaloneSignIn(db(), { host: 'localhost:3978', logger: log });
    const validateToken = tabTokenValidator(db(), { kind: 'devtenant', issuer: signIn.issuer, jwksUri: signIn.jwksUri, ca: signIn.identity.ca, audience: signIn.audience }, log);
    api = createApiApp({ ...services(db()), db: db(), validateToken, clock: { now: () => Date.now() }, log, signIn: signIn.routes });
  });
  afterAll(() => signIn?.close());

  const tokenFor = async (upn: string) => api.request('/sign-in/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn }) });

  it('lists the pairing\'s owner and VA to pick from', async () => {
    const { users } = await (await api.request('/sign-in/users')).json();
    expect(users).toEqual([
      { upn: pairing.owner.address, name: 'Owner', role: 'owner', mailbox: pairing.mailbox },
      { upn: pairing.va.address, name: expect.stringMatching(/^VA /), role: 'va', mailbox: pairing.mailbox },
    ]);
  });

  it('signs the picked user in with a token the API accepts, and refuses anyone else', async () => {
    const { token } = await (await tokenFor(pairing.va.address)).json();
    const me = await api.request('/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).pairings).toEqual([expect.objectContaining({ id: pairing.id, role: 'va' })]);
    expect((await tokenFor('stranger@elsewhere.example')).status).toBe(400);
  });

  it('refuses a dev-tenant token minted for another app (audience), as for Teams', async () => {
    const foreign = await signIn.identity.userToken(pairing.owner.address, 'api://localhost:3978/another-app', ['access_as_user']);
    log.lines.length = 0;
    expect((await api.request('/me', { headers: { authorization: `Bearer ${foreign}` } })).status).toBe(401);
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'api_token_refused', fields: expect.objectContaining({ step: 'claims', reason: expect.stringContaining('aud') }) }));
  });
});
