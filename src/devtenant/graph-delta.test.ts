import { afterEach, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import { defaultMessageId } from './mailbox-store.ts';
import { deliverAt, devSeed, inbound, OWNER, START } from '../../test/support/dev-tenant-seed.ts';
import { devTenantCaller, devTenantMaterial, type DevTenantCaller } from '../../test/support/dev-tenant-client.ts';

const HOUR = 3_600_000;
const IMMUTABLE = 'IdType="ImmutableId"';
type DeltaPage = { '@odata.context': string; '@odata.nextLink'?: string; '@odata.deltaLink'?: string; value: Array<Record<string, unknown>> };

/** Follows nextLinks to the end of a round; returns every item and the deltaLink. */
async function round(graph: DevTenantCaller, first: string, prefer = `${IMMUTABLE}, odata.maxpagesize=3`) {
  const items: Array<Record<string, unknown>> = [];
  let pages = 0;
  for (let link = first; ; pages++) {
    const response = await graph.get(link, { Prefer: prefer });
    expect(response.status).toBe(200);
    const page = (await response.json()) as DeltaPage;
    expect(page['@odata.context']).toMatch(/\/\$metadata#Collection\(message\)$/);
    items.push(...page.value);
    if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'], pages: pages + 1 };
    const next = page['@odata.nextLink'];
    if (!next) throw new Error('a delta page without nextLink or deltaLink');
    link = next;
  }
}

describe('dev Graph message delta per folder', () => {
  let tenant: DevTenant | undefined;
  let graph: DevTenantCaller | undefined;
  afterEach(async () => {
    await graph?.close();
    await tenant?.close();
  });

  it('lists the folder, then only what was added, changed or left, with @removed for moves and deletes', async () => {
    const kept = inbound(10);
    const archived = inbound(20);
    const deleted = inbound(30);
    const categorized = inbound(40);
    const filed = inbound(50);
    const late = inbound(5 * 60);
    const seed = devSeed([
      ...[kept, archived, deleted, categorized, filed].map((message) => deliverAt(message)),
      { at: START + 2 * HOUR, kind: 'move', mailbox: OWNER.id, messageId: archived.id, folder: 'archive' },
      { at: START + 3 * HOUR, kind: 'delete', mailbox: OWNER.id, messageId: deleted.id },
      { at: START + 3 * HOUR, kind: 'categorize', mailbox: OWNER.id, messageId: categorized.id, categories: ['No reply needed'] },
      { at: START + 4 * HOUR, kind: 'move', mailbox: OWNER.id, messageId: filed.id, folder: 'deleteditems' },
      deliverAt(late),
    ]);
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed });
    graph = devTenantCaller(tenant);
    tenant.clock.advanceTo(START + HOUR);

    const initial = await round(graph, `/users/${OWNER.userPrincipalName}/mailFolders/inbox/messages/delta?$select=subject,categories,parentFolderId`);
    expect(initial.pages).toBe(2);
    expect(initial.items.map((item) => item['id'])).toEqual([filed.id, categorized.id, deleted.id, archived.id, kept.id]);
    expect(initial.items[0]).toEqual({
      '@odata.type': '#microsoft.graph.message',
      '@odata.etag': expect.stringMatching(/^W\/"/),
      id: filed.id,
      subject: filed.subject,
      categories: [],
      parentFolderId: `${OWNER.id}-inbox`,
    });
    expect(initial.deltaLink).toMatch(/messages\/delta\?\$deltatoken=[A-Za-z0-9_-]+$/);

    const idle = await round(graph, initial.deltaLink);
    expect(idle.items).toEqual([]);

    tenant.clock.advanceTo(START + 6 * HOUR);
    const changes = await round(graph, idle.deltaLink);
    const byId = new Map(changes.items.map((item) => [item['id'], item]));
    expect(byId.size).toBe(5);
    for (const gone of [archived, deleted, filed]) expect(byId.get(gone.id)).toEqual({ '@odata.type': '#microsoft.graph.message', id: gone.id, '@removed': { reason: 'deleted' } });
    expect(byId.get(categorized.id)).toMatchObject({ categories: ['No reply needed'], subject: categorized.subject });
    expect(byId.get(late.id)).toMatchObject({ subject: late.subject, parentFolderId: `${OWNER.id}-inbox` });
    expect(byId.has(kept.id)).toBe(false);

    // The archive's own delta sees the message arrive there.
    const archive = await round(graph, `/users/${OWNER.id}/mailFolders/archive/messages/delta?$select=subject`);
    expect(archive.items.map((item) => item['id'])).toEqual([archived.id]);
  });

  it('reports a moved message under the default id it had in the folder when the client asked for default ids', async () => {
    const message = inbound(10);
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed([deliverAt(message)]) });
    graph = devTenantCaller(tenant);
    tenant.clock.advanceTo(START + HOUR);
    const initial = await round(graph, `/users/${OWNER.id}/mailFolders/inbox/messages/delta?$select=subject`, 'odata.maxpagesize=10');
    const inboxId = defaultMessageId(message.id, 'inbox', 0);
    expect(initial.items.map((item) => item['id'])).toEqual([inboxId]);
    tenant.store.move(OWNER.id, message.id, 'archive');
    const after = await round(graph, initial.deltaLink, 'odata.maxpagesize=10');
    expect(after.items).toEqual([{ '@odata.type': '#microsoft.graph.message', id: inboxId, '@removed': { reason: 'deleted' } }]);

    // Out and back between two syncs: the id the client holds is removed and the new one added.
    const back = await round(graph, after.deltaLink, 'odata.maxpagesize=10');
    expect(back.items).toEqual([]);
    tenant.store.move(OWNER.id, message.id, 'inbox');
    const returned = await round(graph, back.deltaLink, 'odata.maxpagesize=10');
    tenant.store.move(OWNER.id, message.id, 'clients');
    tenant.store.move(OWNER.id, message.id, 'inbox');
    const roundTrip = await round(graph, returned.deltaLink, 'odata.maxpagesize=10');
    const returnedId = defaultMessageId(message.id, 'inbox', 2);
    expect(returned.items).toEqual([expect.objectContaining({ id: returnedId, subject: message.subject })]);
    expect(roundTrip.items).toEqual([
      { '@odata.type': '#microsoft.graph.message', id: returnedId, '@removed': { reason: 'deleted' } },
      expect.objectContaining({ id: defaultMessageId(message.id, 'inbox', 4), subject: message.subject }),
    ]);
  });

  it('answers 410 SyncStateNotFound for an expired or unknown token, and a fresh round works after', async () => {
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed([deliverAt(inbound(10))]) });
    graph = devTenantCaller(tenant);
    tenant.clock.advanceTo(START + HOUR);
    const first = await round(graph, `/users/${OWNER.id}/mailFolders/inbox/messages/delta?$select=subject`);
    tenant.expireDeltaTokens();
    const expired = await graph.get(first.deltaLink, { Prefer: IMMUTABLE });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: { code: 'SyncStateNotFound', message: expect.any(String), innerError: expect.any(Object) } });
    const forged = await graph.get(`/users/${OWNER.id}/mailFolders/inbox/messages/delta?$deltatoken=not-a-token`);
    expect(forged.status).toBe(410);
    const again = await round(graph, `/users/${OWNER.id}/mailFolders/inbox/messages/delta?$select=subject`);
    expect(again.items).toHaveLength(1);
  });

  it('takes only the filter and order message delta supports, and keeps Mail.ReadBasic.All away from bodies', async () => {
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed([deliverAt(inbound(10)), deliverAt(inbound(20))]) });
    graph = devTenantCaller(tenant);
    tenant.clock.advanceTo(START + HOUR);
    const since = new Date(START + 15 * 60_000).toISOString();
    const filtered = await round(graph, `/users/${OWNER.id}/mailFolders/inbox/messages/delta?$select=subject&$filter=receivedDateTime ge ${since}&$orderby=receivedDateTime desc`);
    expect(filtered.items).toHaveLength(1);
    const byTop = await round(graph, `/users/${OWNER.id}/mailFolders/inbox/messages/delta?$select=subject&$top=1`, IMMUTABLE);
    expect(byTop).toMatchObject({ pages: 2, items: [expect.anything(), expect.anything()] });
    expect((await graph.get(`/users/${OWNER.id}/mailFolders/inbox/messages/delta?$filter=lastModifiedDateTime ge ${since}`)).status).toBe(400);
    expect((await graph.get(`/users/${OWNER.id}/mailFolders/inbox/messages/delta?$orderby=receivedDateTime asc`)).status).toBe(400);
    expect((await graph.get(`/users/${OWNER.id}/mailFolders/inbox/messages/delta?$select=subject,bodyPreview`)).status).toBe(403);
    const unselected = await round(graph, `/users/${OWNER.id}/mailFolders/inbox/messages/delta`);
    expect(unselected.items.every((item) => !('body' in item) && !('bodyPreview' in item) && 'subject' in item)).toBe(true);
  });
});
