// Tandem's own Graph mailbox sync against the dev tenant: the endpoints and shapes it relies on, end to end
// (backfill past one page, a sweep catching moves, categories and new mail, never a body asked for).
import { afterEach, describe, expect, it } from 'vitest';
import { createAppAuth } from '../graph/auth.ts';
import { createGraphClient, type GraphClient } from '../graph/graph-client.ts';
import { graphMailboxSource } from '../graph/mailbox-sync.ts';
import type { MessageMeta } from '../kpi/message.ts';
import { silentLogger } from '../log.ts';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import { devTenantMaterial } from '../../test/support/dev-tenant-client.ts';
import { deliverAt, devSeed, inbound, OWNER, START, VA } from '../../test/support/dev-tenant-seed.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let tenant: DevTenant | undefined;
let client: GraphClient | undefined;
afterEach(async () => {
  await client?.close();
  await tenant?.close();
});

async function syncAll(source: ReturnType<typeof graphMailboxSource>, position: unknown) {
  const messages: MessageMeta[] = [];
  for (;;) {
    const step = await source.sync({ mailbox: OWNER.userPrincipalName, va: VA.userPrincipalName, position });
    messages.push(...step.messages);
    position = step.position;
    if (!step.more) return { messages, position };
  }
}

describe.each(['basic', 'headers'] as const)('Tandem mailbox sync against the dev tenant (%s)', (mode) => {
  it('backfills every message, then a sweep sees moves, categories and new mail; no body is ever asked for', async () => {
    const seeded = Array.from({ length: 1_234 }, (_, index) => inbound(index * 10, index % 5 === 0 ? { folder: 'clients' } : {}));
    const late = inbound(20 * 24 * 60);
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed([...seeded, late].map((message) => deliverAt(message)), START + 30 * DAY), roles: mode });
    tenant.clock.advanceTo(START + 10 * DAY);
    const auth = createAppAuth(tenant.authConfig);
    client = createGraphClient({ auth, baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca });
    const source = graphMailboxSource({ graph: client, mode, clock: tenant.clock, logger: silentLogger });

    const backfill = await syncAll(source, null);
    expect(new Set(backfill.messages.map((message) => message.id))).toEqual(new Set(seeded.map((message) => message.id)));
    expect(backfill.messages.find((message) => message.id === seeded[0]!.id)?.folder).toBe('other');
    expect(backfill.messages.find((message) => message.id === seeded[1]!.id)).toMatchObject({ folder: 'inbox', from: 'carla@fabrikam.test', to: [OWNER.mail] });

    tenant.clock.advanceTo(START + 21 * DAY);
    tenant.store.move(OWNER.id, seeded[1]!.id, 'archive');
    tenant.store.categorize(OWNER.id, seeded[2]!.id, ['No reply needed']);
    const sweep = await syncAll(source, backfill.position);
    const byId = new Map(sweep.messages.map((message) => [message.id, message]));
    expect(byId.get(seeded[1]!.id)?.folder).toBe('archive');
    expect(byId.get(seeded[2]!.id)?.categories).toEqual(['No reply needed']);
    expect(byId.get(late.id)?.folder).toBe('inbox');

    const requests = tenant.graphStats.requests;
    expect(requests.filter((request) => /body|preview/i.test(request.query))).toEqual([]);
    expect(requests.some((request) => request.query.includes('internetMessageHeaders'))).toBe(mode === 'headers');
    expect(tenant.graphStats.faults).toBe(0);
  });
});
