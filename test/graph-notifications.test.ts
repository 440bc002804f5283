// Change notifications end to end with the dev tenant: the sync subscribes (Graph's validation handshake
// answered by Tandem's server), new Inbox mail makes a notification that queues a sync of that pairing,
// forged ones are refused, and the subscription is renewed before it expires and recreated when removed.
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import { connectGraph, type GraphConnection } from '../src/graph/connect.ts';
import { SUBSCRIPTION_LIFETIME_MS, subscriptionStateSchema } from '../src/graph/inbox-subscription.ts';
import { syncPairing, type SyncContext } from '../src/jobs/sync.ts';
import { SYNC_SCOPES } from '../src/store/sync-state.ts';

const SUBSCRIPTION_SCOPE = SYNC_SCOPES.subscription;
import { silentLogger } from '../src/log.ts';
import { graphNotificationRoutes } from '../src/graph/notification-routes.ts';
import { createPairing, type Pairing } from '../src/store/pairings.ts';
import { readSyncState } from '../src/store/sync-state.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { openTestDatabase, type TestDatabase } from './support/databases.ts';
import { devSeed, inbound, OWNER, START, TENANT_ID, VA } from './support/dev-tenant-seed.ts';

const HOUR = 60 * 60 * 1000;

describe('Graph change notifications', () => {
  let db: TestDatabase;
  let tenant: DevTenant;
  let connection: GraphConnection;
  let server: ServerType;
  let pairing: Pairing;
  let ctx: SyncContext;
  const synced: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    tenant = await startDevTenant({ seed: devSeed([], START + 30 * 24 * HOUR), roles: 'headers' });
    tenant.clock.advanceTo(START + HOUR);
    connection = connectGraph({ auth: tenant.authConfig, graphBaseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, mode: 'headers', backfillDays: 30, clock: tenant.clock, logger: silentLogger });
    const routes = graphNotificationRoutes({ db, log: silentLogger, syncSoon: async (pairingId) => void synced.push(pairingId) });
    server = serve({ fetch: routes.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    await ensureTenant(db, { id: TENANT_ID, name: 'Contoso', verifiedDomains: [] });
    pairing = await createPairing(db, { tenantId: TENANT_ID, mailbox: OWNER.mail, owner: { address: OWNER.mail }, va: { address: VA.mail } });
    ctx = {
      db,
      mailbox: connection.mailbox,
      log: silentLogger,
      notifications: { notificationUrl: `http://127.0.0.1:${port}/notifications`, lifecycleNotificationUrl: `http://127.0.0.1:${port}/lifecycle` },
    };
  });
  afterAll(async () => {
    server.close();
    await connection.close();
    await tenant.close();
    await db.dispose();
  });

  const state = async () => subscriptionStateSchema.parse((await readSyncState(db, pairing.id, SUBSCRIPTION_SCOPE))?.position);

  it('subscribes after a sync, and new Inbox mail queues a sync of that pairing', async () => {
    await syncPairing(ctx, pairing.id);
    const subscribed = await state();
    expect(tenant.subscriptions.subscriptions.get(subscribed.id)).toMatchObject({ clientState: subscribed.clientState });
    expect(subscribed.expiresAt).toBe(tenant.clock.now() + SUBSCRIPTION_LIFETIME_MS);

    tenant.store.deliver(OWNER.id, inbound(90));
    await tenant.subscriptions.settle();
    expect(synced).toEqual([pairing.id]);
    expect(tenant.subscriptions.sent.at(-1)?.status).toBe(202);
  });

  it('refuses a notification whose client state does not match, and anything that is not a notification', async () => {
    const { id } = await state();
    const routes = graphNotificationRoutes({ db, log: silentLogger, syncSoon: async (pairingId) => void synced.push(`forged ${pairingId}`) });
    const forged = await routes.request('/notifications', { method: 'POST', body: JSON.stringify({ value: [{ subscriptionId: id, clientState: 'guess' }] }), headers: { 'content-type': 'application/json' } });
    expect(forged.status).toBe(202);
    expect(synced.filter((entry) => entry.startsWith('forged'))).toEqual([]);
    const junk = await routes.request('/notifications', { method: 'POST', body: 'not json' });
    expect(junk.status).toBe(400);
    expect(await (await routes.request('/notifications?validationToken=abc%20def', { method: 'POST' })).text()).toBe('abc def');
  });

  it('renews a day before expiry with the same id, and recreates a subscription Graph removed', async () => {
    const before = await state();
    tenant.clock.advanceTo(START + HOUR + SUBSCRIPTION_LIFETIME_MS - 12 * HOUR);
    await syncPairing(ctx, pairing.id);
    const renewed = await state();
    expect(renewed.id).toBe(before.id);
    expect(renewed.expiresAt).toBe(tenant.clock.now() + SUBSCRIPTION_LIFETIME_MS);

    tenant.subscriptions.lifecycle(renewed.id, 'subscriptionRemoved');
    await tenant.subscriptions.settle();
    await syncPairing(ctx, pairing.id);
    const recreated = await state();
    expect(recreated.id).not.toBe(renewed.id);
    expect(tenant.subscriptions.subscriptions.has(recreated.id)).toBe(true);
  });
});
