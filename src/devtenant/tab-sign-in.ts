// Standalone sign-in for the tab (outside Teams): the dev identity issues the seeded owners and VAs the same
// SSO token Teams would (audience `api://<host>/<client-id>`, scope access_as_user), picked from a list, so
// the API validates them with exactly the code that validates Teams' tokens.
import { Hono } from 'hono';
import { z } from 'zod';
import { TAB_SCOPE } from '../auth/tab-validator.ts';
import type { Logger } from '../log.ts';
import type { Queryable } from '../store/database.ts';
import { listPairings, type Pairing, type Person } from '../store/pairings.ts';
import { startDevIdentity, type DevIdentity, type DevTenantUser } from './identity.ts';
import { stableGuid } from './identity-tokens.ts';

/** The tab's app registration in the dev tenant (a fixed id, so tokens survive a restart of the browser). */
export const DEV_TAB_CLIENT_ID = '5f7c2a0e-7a4b-4c2e-9d1a-7a6b3c2d1e0f';

export interface StandaloneSignIn {
  readonly identity: DevIdentity;
  readonly tenantId: string;
  /** `api://<host>/<client-id>`. */
  readonly audience: string;
  readonly issuer: string;
  readonly jwksUri: string;
  /** GET /users (the picker's list), POST /token `{ upn }`. */
  readonly routes: Hono;
  close(): Promise<void>;
}

/** Used when the store holds no pairing yet: the picker then says there is no one to sign in as. */
const EMPTY_TENANT = 'dev';

function userOf(person: Person, role: 'owner' | 'va', pairing: Pairing): DevTenantUser & { mailbox: string } {
  // "adele.vance@…" → "Adele Vance": the dev tenant knows addresses, not names.
  const name = person.address.slice(0, person.address.indexOf('@')).split(/[._-]/).map((part) => (part.length <= 2 ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1))).join(' ');
  return {
    oid: person.userId ?? stableGuid(`user/${person.address}`),
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
  const byUpn = new Map<string, DevTenantUser & { mailbox: string }>();
  for (const pairing of pairings.filter((p) => p.tenantId === tenantId)) {
    for (const user of [userOf(pairing.owner, 'owner', pairing), userOf(pairing.va, 'va', pairing)]) {
      if (!byUpn.has(user.userPrincipalName)) byUpn.set(user.userPrincipalName, user);
    }
  }
  const users = [...byUpn.values()];
  const identity = await startDevIdentity(
    { tenantId, apps: [{ clientId: DEV_TAB_CLIENT_ID, clientSecret: 'dev-tab-secret', displayName: 'Tandem tab (dev)', graphAppRoles: [], graphDelegatedScopes: [] }], users },
    { logger: options.logger },
  );
  const audience = `api://${options.host}/${DEV_TAB_CLIENT_ID}`;
  const tokenBody = z.strictObject({ upn: z.string().min(1) });
  const routes = new Hono()
    .get('/users', (c) => c.json({ users: users.map((user) => ({ upn: user.userPrincipalName, name: user.displayName, role: user.role, mailbox: user.mailbox })) }))
    .post('/token', async (c) => {
      const parsed = tokenBody.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success || !byUpn.has(parsed.data.upn.toLowerCase())) {
        return c.json({ error: { code: 'invalid_request', message: 'upn: must be one of the seeded users' } }, 400);
      }
      return c.json({ token: await identity.userToken(parsed.data.upn, audience, [TAB_SCOPE]) });
    });
  const discovery = identity.openIdConfiguration();
  return { identity, tenantId, audience, issuer: discovery.issuer, jwksUri: discovery.jwks_uri, routes, close: () => identity.close() };
}
