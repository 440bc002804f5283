import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import { deliverAt, devSeed, inbound, OWNER, START } from '../../test/support/dev-tenant-seed.ts';
import { devTenantCaller, devTenantMaterial, type DevTenantCaller } from '../../test/support/dev-tenant-client.ts';

const MESSAGES = 1_500;
const messages = Array.from({ length: MESSAGES }, (_, index) => inbound(index + 1, index % 3 === 0 ? { folder: 'clients', isRead: true } : {}));
const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
type Page = { '@odata.context': string; '@odata.nextLink'?: string; value: Array<Record<string, unknown>> };

describe('dev Graph message lists (basic permissions)', () => {
  let tenant: DevTenant;
  let graph: DevTenantCaller;
  beforeAll(async () => {
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(messages.map((message) => deliverAt(message))) });
    tenant.clock.advanceTo(START + 2 * MESSAGES * 60_000);
    graph = devTenantCaller(tenant);
  });
  afterAll(async () => {
    await graph.close();
    await tenant.close();
  });

  it('pages through more than 1,000 messages with opaque nextLinks, newest first by default', async () => {
    const ids: string[] = [];
    let link: string | undefined = `/users/${OWNER.userPrincipalName}/messages?$select=id,receivedDateTime&$top=1000`;
    let pages = 0;
    while (link) {
      const response = await graph.get(link, IMMUTABLE);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      expect(page['@odata.context']).toBe(`${tenant.graphBaseUrl}/$metadata#users('${encodeURIComponent(OWNER.userPrincipalName)}')/messages(id,receivedDateTime)`);
      ids.push(...page.value.map((message) => message['id'] as string));
      if (page['@odata.nextLink']) expect(page['@odata.nextLink']).toMatch(/[$%24]skiptoken=[A-Za-z0-9_-]+/);
      link = page['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(2);
    expect(ids).toEqual(messages.map((message) => message.id).reverse());
  });

  it('answers 10 by default and honours Prefer: odata.maxpagesize', async () => {
    const plain = (await (await graph.get(`/users/${OWNER.id}/mailFolders/inbox/messages?$select=subject`)).json()) as Page;
    expect(plain.value).toHaveLength(10);
    const preferred = await graph.get(`/users/${OWNER.id}/mailFolders/inbox/messages?$select=subject`, { Prefer: 'odata.maxpagesize=25' });
    expect(preferred.headers.get('preference-applied')).toBe('odata.maxpagesize=25');
    expect(((await preferred.json()) as Page).value).toHaveLength(25);
  });

  it('filters on dates joined with and, orders by them, and lists one folder', async () => {
    const from = new Date(START + 100 * 60_000).toISOString();
    const to = new Date(START + 110 * 60_000).toISOString();
    const response = await graph.get(`/users/${OWNER.id}/messages?$filter=receivedDateTime ge ${from} and receivedDateTime lt ${to}&$orderby=receivedDateTime asc&$select=receivedDateTime`, IMMUTABLE);
    const page = (await response.json()) as Page;
    expect(page.value.map((message) => message['receivedDateTime'])).toEqual(Array.from({ length: 10 }, (_, index) => new Date(START + (100 + index) * 60_000).toISOString().replace('.000', '')));
    const sweep = await graph.get(`/users/${OWNER.id}/mailFolders/clients/messages?$filter=lastModifiedDateTime ge ${from} and receivedDateTime ge ${from}&$orderby=lastModifiedDateTime asc&$top=1000&$select=id,parentFolderId`);
    const swept = (await sweep.json()) as Page;
    expect(swept.value.length).toBe(messages.filter((message, index) => message.folder === 'clients' && index + 1 >= 100).length);
    expect(new Set(swept.value.map((message) => message['parentFolderId']))).toEqual(new Set([`${OWNER.id}-clients`]));
  });

  it('filters on internetMessageId and conversationId equality, with and inside a literal', async () => {
    const target = messages[42]!;
    const filter = encodeURIComponent(`internetMessageId eq '${target.internetMessageId}' and conversationId eq '${target.conversationId}'`);
    const page = (await (await graph.get(`/users/${OWNER.id}/messages?$filter=${filter}&$select=internetMessageId`, IMMUTABLE)).json()) as Page;
    expect(page.value.map((message) => message['id'])).toEqual([target.id]);
    const none = (await (await graph.get(`/users/${OWNER.id}/messages?$filter=${encodeURIComponent("internetMessageId eq '<x and y''s@z>'")}`)).json()) as Page;
    expect(none.value).toEqual([]);
  });

  it('refuses an $orderby that does not lead the $filter with InefficientFilter, and other bad queries with Graph errors', async () => {
    const from = new Date(START).toISOString();
    const inefficient = await graph.get(`/users/${OWNER.id}/messages?$filter=receivedDateTime ge ${from}&$orderby=lastModifiedDateTime asc`);
    expect(inefficient.status).toBe(400);
    expect(await inefficient.json()).toMatchObject({ error: { code: 'InefficientFilter', message: 'The restriction or sort order is too complex for this operation.', innerError: { 'request-id': expect.any(String) } } });
    const reversed = await graph.get(`/users/${OWNER.id}/messages?$filter=receivedDateTime ge ${from} and lastModifiedDateTime ge ${from}&$orderby=lastModifiedDateTime desc`);
    expect(((await reversed.json()) as { error: { code: string } }).error.code).toBe('InefficientFilter');
    for (const [query, code] of [
      ['$search="hello"', 'BadRequest'],
      ['$filter=subject eq \'x\'', 'BadRequest'],
      ['$filter=receivedDateTime ge yesterday', 'BadRequest'],
      ['$select=id,nonsense', 'RequestBroker--ParseUri'],
      ['$top=1001', 'BadRequest'],
      ['$orderby=subject asc', 'ErrorInvalidProperty'],
    ] as const) {
      const response = await graph.get(`/users/${OWNER.id}/messages?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code, query).toBe(code);
    }
  });

  it('never returns a body, preview or headers under Mail.ReadBasic.All, and refuses to when asked', async () => {
    const everything = (await (await graph.get(`/users/${OWNER.id}/messages?$top=5`)).json()) as Page;
    for (const message of everything.value) {
      expect(message).toHaveProperty('subject');
      expect(message).not.toHaveProperty('body');
      expect(message).not.toHaveProperty('bodyPreview');
      expect(message).not.toHaveProperty('internetMessageHeaders');
    }
    for (const property of ['body', 'bodyPreview', 'uniqueBody', 'internetMessageHeaders']) {
      const response = await graph.get(`/users/${OWNER.id}/messages?$select=id,${property}`);
      expect(response.status, property).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'ErrorAccessDenied' } });
    }
    const asked = tenant.graphStats.requests.filter((request) => /body|preview/i.test(request.query));
    expect(asked.map((request) => request.query)).toEqual(['$select=id,body', '$select=id,bodyPreview', '$select=id,uniqueBody']);
  });

  it('returns only the selected properties plus id and @odata.etag, from and recipients in Graph shape', async () => {
    const page = (await (await graph.get(`/users/${OWNER.id}/mailFolders/inbox/messages?$select=from,toRecipients,categories,isRead&$top=1`, IMMUTABLE)).json()) as Page;
    expect(Object.keys(page.value[0]!).sort()).toEqual(['@odata.etag', 'categories', 'from', 'id', 'isRead', 'toRecipients']);
    expect(page.value[0]).toMatchObject({ from: { emailAddress: { name: 'Carla Client', address: 'carla@fabrikam.test' } }, toRecipients: [{ emailAddress: { address: OWNER.mail } }], '@odata.etag': expect.stringMatching(/^W\/"/) });
  });

  it('addresses a mailbox by id or by userPrincipalName in any case', async () => {
    for (const user of [OWNER.id, OWNER.id.toUpperCase(), OWNER.userPrincipalName.toUpperCase()]) {
      const response = await graph.get(`/users/${user}/mailFolders/inbox?$select=totalItemCount`);
      expect(response.status, user).toBe(200);
    }
  });

  it('answers 404 for an unknown mailbox or folder and 401 without a token', async () => {
    expect((await graph.get('/users/nobody@contoso.test/messages')).status).toBe(404);
    expect(await (await graph.get(`/users/${OWNER.id}/mailFolders/nope/messages`)).json()).toMatchObject({ error: { code: 'ErrorItemNotFound' } });
    expect((await graph.bare(`/users/${OWNER.id}/messages`)).status).toBe(401);
  });
});

describe('dev Graph ids, folders and headers (Mail.Read)', () => {
  let tenant: DevTenant;
  let graph: DevTenantCaller;
  const meeting = inbound(5, { meetingMessageType: 'meetingRequest', subject: 'Sync' });
  const plain = inbound(6, { internetMessageHeaders: [{ name: 'List-Unsubscribe', value: '<mailto:u@news.test>' }] });
  beforeAll(async () => {
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed([deliverAt(meeting), deliverAt(plain)]), roles: 'headers' });
    tenant.clock.advanceTo(START + 60 * 60_000);
    graph = devTenantCaller(tenant);
  });
  afterAll(async () => {
    await graph.close();
    await tenant.close();
  });

  it('keeps an immutable id across a move, while the default id changes and the old one goes stale', async () => {
    const list = async (headers: Record<string, string> = {}) => {
      const response = await graph.get(`/users/${OWNER.id}/messages?$select=subject,parentFolderId`, headers);
      return { response, page: (await response.json()) as Page };
    };
    const before = await list();
    const beforeImmutable = await list(IMMUTABLE);
    expect(before.response.headers.get('preference-applied')).toBeNull();
    expect(beforeImmutable.response.headers.get('preference-applied')).toBe('IdType="ImmutableId"');
    const defaultId = before.page.value.find((message) => message['subject'] === 'Sync')!['id'] as string;
    expect(beforeImmutable.page.value.map((message) => message['id'])).toContain(meeting.id);

    tenant.store.move(OWNER.id, meeting.id, 'archive');
    const after = await list();
    const afterImmutable = await list(IMMUTABLE);
    const moved = after.page.value.find((message) => message['subject'] === 'Sync')!;
    expect(moved['id']).not.toBe(defaultId);
    expect(moved['parentFolderId']).toBe(`${OWNER.id}-archive`);
    expect(afterImmutable.page.value.map((message) => message['id'])).toContain(meeting.id);
    expect((await graph.get(`/users/${OWNER.id}/messages/${defaultId}`)).status).toBe(404);
    expect(await (await graph.get(`/users/${OWNER.id}/messages/${meeting.id}?$select=subject`, IMMUTABLE)).json()).toMatchObject({ id: meeting.id, subject: 'Sync' });
  });

  it('types meeting messages as eventMessage and returns headers only when selected', async () => {
    const page = (await (await graph.get(`/users/${OWNER.id}/messages?$select=subject,internetMessageHeaders`, IMMUTABLE)).json()) as Page;
    const byId = new Map(page.value.map((message) => [message['id'], message]));
    expect(byId.get(meeting.id)).toMatchObject({ '@odata.type': '#microsoft.graph.eventMessage', meetingMessageType: 'meetingRequest' });
    expect(byId.get(plain.id)).not.toHaveProperty('@odata.type');
    expect(byId.get(plain.id)).toMatchObject({ internetMessageHeaders: [{ name: 'List-Unsubscribe', value: '<mailto:u@news.test>' }] });
    const unselected = (await (await graph.get(`/users/${OWNER.id}/messages`)).json()) as Page;
    expect(unselected.value.every((message) => !('internetMessageHeaders' in message))).toBe(true);
  });

  it('lists top-level folders (hidden only on request), child folders and counts derived from the messages', async () => {
    const top = (await (await graph.get(`/users/${OWNER.id}/mailFolders?$top=50`)).json()) as Page;
    const names = top.value.map((folder) => folder['displayName']);
    expect(names).toEqual(expect.arrayContaining(['Inbox', 'Archive', 'Deleted Items', 'Sent Items']));
    expect(names).not.toContain('Scratch');
    expect(names).not.toContain('Clients');
    const hidden = (await (await graph.get(`/users/${OWNER.id}/mailFolders?$top=50&includeHiddenFolders=true`)).json()) as Page;
    expect(hidden.value.find((folder) => folder['displayName'] === 'Scratch')).toMatchObject({ isHidden: true });

    expect(top.value).toHaveLength(8);
    const firstPage = (await (await graph.get(`/users/${OWNER.id}/mailFolders?$top=5`)).json()) as Page;
    expect(firstPage.value).toHaveLength(5);
    const secondPage = (await (await graph.get(firstPage['@odata.nextLink']!)).json()) as Page;
    expect(firstPage.value.length + secondPage.value.length).toBe(top.value.length);

    const inbox = (await (await graph.get(`/users/${OWNER.id}/mailFolders/inbox`)).json()) as Record<string, unknown>;
    expect(inbox).toMatchObject({ id: `${OWNER.id}-inbox`, displayName: 'Inbox', totalItemCount: 1, unreadItemCount: 1, childFolderCount: 1 });
    const children = (await (await graph.get(`/users/${OWNER.id}/mailFolders/${inbox['id'] as string}/childFolders`)).json()) as Page;
    expect(children.value).toEqual([expect.objectContaining({ displayName: 'Clients', parentFolderId: `${OWNER.id}-inbox`, childFolderCount: 1 })]);
    const archive = (await (await graph.get(`/users/${OWNER.id}/mailFolders/ARCHIVE?$select=totalItemCount`)).json()) as Record<string, unknown>;
    expect(archive).toMatchObject({ id: `${OWNER.id}-archive`, totalItemCount: 1 });
    expect(archive).not.toHaveProperty('displayName');
    const unsupported = await graph.get(`/users/${OWNER.id}/mailFolders?$filter=displayName eq 'Inbox'`);
    expect(unsupported.status).toBe(400);
    expect(await unsupported.json()).toMatchObject({ error: { code: 'BadRequest' } });
  });

  it('refuses a token without any Mail role with 403 ErrorAccessDenied', async () => {
    const noMail = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(), roles: ['MailboxSettings.Read'] });
    const caller = devTenantCaller(noMail);
    try {
      const response = await caller.get(`/users/${OWNER.id}/messages`);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
      expect((await caller.get(`/users/${OWNER.id}/mailFolders`)).status).toBe(403);
      expect((await caller.get('/organization?$select=verifiedDomains')).status).toBe(403);
      expect((await caller.get(`/users/${OWNER.id}/mailboxSettings`)).status).toBe(200);
    } finally {
      await caller.close();
      await noMail.close();
    }
  });
});
