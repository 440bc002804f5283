// Tandem's own Graph mailbox sync against the dev tenant: the endpoints and shapes it relies on, end to end
// (backfill past one page, a sweep catching moves, categories and new mail, never a body asked for).
import { afterEach, describe, expect, it } from 'vitest';
import { createAppAuth } from '../graph/auth.ts';
import { createGraphClient, type GraphClient } from '../graph/graph-client.ts';
import { graphMailboxSource } from '../graph/mailbox-sync.ts';
import { IMMUTABLE_ID_PREFERENCE } from '../graph/message-select.ts';
import type { MessageMeta } from '../kpi/message.ts';
import { silentLogger } from '../log.ts';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import { TEAMS_CHAT_FOLDER, withTeamsChatItems } from './seed/teams-chat-items.ts';
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

  it('leaves out the Teams chat items Graph lists among the messages (hidden folder, empty subject), and keeps mail in custom folders', async () => {
    const mail = Array.from({ length: 300 }, (_, index) => inbound(index * 60, index % 3 === 0 ? { folder: 'clients-2026' } : {}));
    const seed = withTeamsChatItems(devSeed(mail.map((message) => deliverAt(message))), { perDay: 40, seed: 3 });
    const chats = seed.events.flatMap((event) => (event.kind === 'deliver' && event.message.folder === TEAMS_CHAT_FOLDER.key ? [event.message] : []));
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed, roles: mode });
    tenant.clock.advanceTo(START + 7 * DAY);
    client = createGraphClient({ auth: createAppAuth(tenant.authConfig), baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca });
    const source = graphMailboxSource({ graph: client, mode, clock: tenant.clock, logger: silentLogger, pageSize: 100 });

    const backfill = await syncAll(source, null);
    tenant.clock.advanceTo(START + 14 * DAY);
    const sweep = await syncAll(source, backfill.position);
    const read = [...backfill.messages, ...sweep.messages];
    // Graph does list them with the mail, with nothing but the folder to tell them apart.
    const listed = (await client.get(`/users/${OWNER.id}/messages?$select=id,subject,parentFolderId&$top=1000`, { headers: { Prefer: IMMUTABLE_ID_PREFERENCE } })) as { value: Array<{ id: string; subject: string }> };
    const chatIds = new Set(chats.map((chat) => chat.id));
    expect(listed.value.filter((message) => chatIds.has(message.id)).length).toBeGreaterThan(100);
    expect(listed.value.filter((message) => chatIds.has(message.id)).every((message) => message.subject === '')).toBe(true);

    expect(read.filter((message) => chatIds.has(message.id))).toEqual([]);
    expect(new Set(read.map((message) => message.id))).toEqual(new Set(mail.map((message) => message.id)));
    expect(read.find((message) => message.id === mail[0]!.id)?.folder).toBe('other');
  });

  it('loses nothing when mail changes while a sweep sorted by lastModifiedDateTime is being paged', async () => {
    const mail = Array.from({ length: 400 }, (_, index) => inbound(index * 10));
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(mail.map((message) => deliverAt(message))), roles: mode, exchange: { modifyBetweenPages: { seed: 7, count: 3 } } });
    tenant.clock.advanceTo(START + 5 * DAY);
    client = createGraphClient({ auth: createAppAuth(tenant.authConfig), baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca });
    const source = graphMailboxSource({ graph: client, mode, clock: tenant.clock, logger: silentLogger, pageSize: 40 });
    const backfill = await syncAll(source, null);
    expect(new Set(backfill.messages.map((message) => message.id)).size).toBe(mail.length);

    // Every message is categorized a minute apart, so the sweep has 400 changes over 10 pages to read.
    for (const [index, message] of mail.entries()) {
      tenant.clock.advanceTo(START + 6 * DAY + index * MINUTE);
      tenant.store.categorize(OWNER.id, message.id, ['No reply needed']);
    }
    tenant.clock.advanceTo(START + 7 * DAY);
    const sweep = await syncAll(source, backfill.position);
    const categorized = new Set(sweep.messages.filter((message) => message.categories.includes('No reply needed')).map((message) => message.id));
    expect(mail.filter((message) => !categorized.has(message.id)).map((message) => message.id)).toEqual([]);
  });
});
