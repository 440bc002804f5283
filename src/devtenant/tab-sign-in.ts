// Standalone sign-in for the tab (outside Teams): the dev identity issues the store's owners and VAs the same
// SSO token Entra would issue Teams for the tab's registration (v2.0: `aud` = the client id, scope
// access_as_user; see identity-tokens.ts), picked from a list, so the API validates them with exactly the code
// that validates Teams' tokens. A person is signed in by their Entra object id: one whose id is not stored
// (a pairing made from addresses only) is not offered, as the tab could not match them either.
import { Hono } from 'hono';
import { z } from 'zod';
import { TAB_SCOPE } from '../auth/tab-validator.ts';
import type { Logger } from '../log.ts';
import type { Queryable } from '../store/database.ts';
import { listPairings, type Pairing, type Person } from '../store/pairings.ts';
import { appIdUri, ACCESS_TOKEN_ACCEPTED_VERSION, type TabRegistration } from '../auth/tab-validator.ts';
import { startDevIdentity, type DevIdentity, type DevTenantUser } from './identity.ts';

/** The tab's app registration in the dev tenant (a fixed id, so tokens survive a restart of the browser). */
export const DEV_TAB_CLIENT_ID = '5f7c2a0e-7a4b-4c2e-9d1a-7a6b3c2d1e0f';

export interface StandaloneSignIn {
  readonly identity: DevIdentity;
  readonly tenantId: string;
  /** The tab's app registration in the dev tenant, as the API's validator takes it. */
  readonly registration: TabRegistration & { readonly accessTokenVersion: 1 | 2 };
  /** The dev identity's origin: the authority host its tokens name. */
  readonly authorityHost: string;
  /** GET /users (the picker's list), POST /token `{ oid }`. */
  readonly routes: Hono;
  close(): Promise<void>;
}

/** Used when the store holds no pairing yet: the picker then says there is no one to sign in as. */
const EMPTY_TENANT = 'dev';

function userOf(person: Person & { userId: string }, role: 'owner' | 'va', pairing: Pairing): DevTenantUser & { mailbox: string } {
  // "adele.vance@…" → "Adele Vance": the dev tenant knows addresses, not names.
  const name = person.address.slice(0, person.address.indexOf('@')).split(/[._-]/).map((part) => (part.length <= 2 ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1))).join(' ');
  return {
    oid: person.userId,
    userPrincipalName: person.address,
    displayName: name,
    role,
    mailbox: pairing.mailbox,
  };
}

/** Starts a dev identity for the first pairing's tenant, with that tenant's owners and VAs as its users. */
export async function startStandaloneSignIn(db: Queryable, options: { host: string; logger: Logger }): Promise<StandaloneSignIn> {
  const pairings = await listPairings(db);
  const tenantId = pairings[0]?.tenantId ?? EMPTY_TENANT;
  const byOid = new Map<string, DevTenantUser & { mailbox: string }>();
  for (const pairing of pairings.filter((p) => p.tenantId === tenantId)) {
    for (const [person, role] of [[pairing.owner, 'owner'], [pairing.va, 'va']] as const) {
      if (person.userId === null || byOid.has(person.userId)) continue;
      byOid.set(person.userId, userOf({ ...person, userId: person.userId }, role, pairing));
    }
  }
  const users = [...byOid.values()];
  const identity = await startDevIdentity(
    { tenantId, apps: [{ clientId: DEV_TAB_CLIENT_ID, clientSecret: 'dev-tab-secret', displayName: 'Tandem tab (dev)', graphAppRoles: [], graphDelegatedScopes: [] }], users },
    { logger: options.logger },
  );
  const registration = { tenantId, clientId: DEV_TAB_CLIENT_ID, appIdUri: appIdUri(options.host, DEV_TAB_CLIENT_ID), accessTokenVersion: ACCESS_TOKEN_ACCEPTED_VERSION };
  const tokenBody = z.strictObject({ oid: z.string().min(1) });
  const routes = new Hono()
    .get('/users', (c) => c.json({ users: users.map((user) => ({ oid: user.oid, upn: user.userPrincipalName, name: user.displayName, role: user.role, mailbox: user.mailbox })) }))
    .post('/token', async (c) => {
      const parsed = tokenBody.safeParse(await c.req.json().catch(() => null));
      const user = parsed.success ? byOid.get(parsed.data.oid) : undefined;
      if (user === undefined) return c.json({ error: { code: 'invalid_request', message: 'oid: must be one of the listed users' } }, 400);
      return c.json({ token: await identity.userToken(user.userPrincipalName, registration, [TAB_SCOPE]) });
    });
  return { identity, tenantId, registration, authorityHost: identity.origin, routes, close: () => identity.close() };
}
