// The dev Graph's message reads over the store: the mailbox-wide and per-folder lists with `$select`,
// `$filter`, `$orderby`, `$top` and opaque `$skiptoken` paging, and one message by id (a default id goes
// stale when the message moves, an immutable one does not).
import type { Context, Hono } from 'hono';
import { messageJson } from './graph-message-json.ts';
import { CONTENT_PROPERTIES, DEFAULT_PAGE_SIZE, isFailure, matchesFilter, MAX_PAGE_SIZE, orderComparator, parseMessageQuery, type MessageQuery } from './graph-query.ts';
import { ACCESS_DENIED, graphError, hasRole, immutableIds, ITEM_NOT_FOUND, preferences, ROLES, USER_NOT_FOUND, type GraphEnv } from './graph-response.ts';
import type { MailboxStore, StoredMessage, StoreMailbox } from './mailbox-store.ts';

const encodeSkip = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decodeSkip(token: string): number | undefined {
  try {
    const offset: unknown = (JSON.parse(Buffer.from(token, 'base64url').toString()) as { o?: unknown }).o;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Page size: `$top`, else `Prefer: odata.maxpagesize`, else Graph's 10 (at most 1,000). */
export function pageSize(c: Context, top: number | undefined): number {
  if (top !== undefined) return top;
  const preferred = Number(preferences(c).get('odata.maxpagesize'));
  if (!Number.isInteger(preferred) || preferred < 1) return DEFAULT_PAGE_SIZE;
  const size = Math.min(preferred, MAX_PAGE_SIZE);
  c.header('Preference-Applied', `odata.maxpagesize=${size}`, { append: true });
  return size;
}

/** The `$select` the token allows: Mail.ReadBasic.All may not ask for bodies, previews or headers. */
export function contentAllowed(c: Context<GraphEnv>, query: Pick<MessageQuery, 'select'>): { allowed: boolean; refused: boolean } {
  const allowed = hasRole(c, ROLES.mailContent);
  return { allowed, refused: !allowed && (query.select ?? []).some((name) => CONTENT_PROPERTIES.has(name)) };
}

/** What filters and orders read of a message. */
export const filterValues = (stored: StoredMessage) => ({
  id: stored.message.id,
  receivedDateTime: stored.message.receivedDateTime,
  sentDateTime: stored.message.sentDateTime,
  lastModifiedDateTime: stored.lastModified,
  internetMessageId: stored.message.internetMessageId,
  conversationId: stored.message.conversationId,
});

export function registerMessageRoutes(app: Hono<GraphEnv>, store: MailboxStore, baseUrl: string): void {
  const list = (c: Context<GraphEnv>, folderRef: string | undefined) => {
    if (!hasRole(c, ROLES.mailRead)) return graphError(c, ACCESS_DENIED);
    const mailbox = store.mailbox(c.req.param('user') ?? '');
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const folder = folderRef === undefined ? undefined : store.folder(mailbox, folderRef);
    if (folderRef !== undefined && !folder) return graphError(c, ITEM_NOT_FOUND);
    const url = new URL(c.req.url);
    const query = parseMessageQuery(url.searchParams, { extra: ['$skiptoken'] });
    if (isFailure(query)) return graphError(c, query);
    const content = contentAllowed(c, query);
    if (content.refused) return graphError(c, ACCESS_DENIED);
    const skipToken = url.searchParams.get('$skiptoken');
    const offset = skipToken === null ? 0 : decodeSkip(skipToken);
    if (offset === undefined) return graphError(c, { status: 400, code: 'BadRequest', message: 'The $skiptoken is not valid.' });
    const size = pageSize(c, query.top);
    const immutable = immutableIds(c);

    store.beforeList(mailbox);
    const order = orderComparator(query.orderBy);
    const matching = [...mailbox.messages.values()]
      .filter((stored) => (folder === undefined || stored.folder === folder.key) && matchesFilter(filterValues(stored), query.filter))
      .sort((a, b) => order(filterValues(a), filterValues(b)));
    const page = matching.slice(offset, offset + size);
    store.served(mailbox, page.map((stored) => stored.message.id));
    const next = new URLSearchParams(url.searchParams);
    next.set('$skiptoken', encodeSkip(offset + size));
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const selectSuffix = query.select ? `(${query.select.join(',')})` : '';
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user') ?? '')}')/${folder ? `mailFolders('${folder.id}')/` : ''}messages${selectSuffix}`,
      value: page.map((stored) => messageJson(stored, { mailboxId: mailbox.user.id, ...(query.select ? { select: query.select } : {}), immutableIds: immutable, contentAllowed: content.allowed, alwaysTyped: false })),
      ...(offset + size < matching.length ? { '@odata.nextLink': `${baseUrl}${path}?${next}` } : {}),
    });
  };

  app.get('/v1.0/users/:user/messages', (c) => list(c, undefined));
  app.get('/v1.0/users/:user/mailFolders/:folder/messages', (c) => list(c, c.req.param('folder')));

  app.get('/v1.0/users/:user/messages/:id', (c) => {
    if (!hasRole(c, ROLES.mailRead)) return graphError(c, ACCESS_DENIED);
    const mailbox: StoreMailbox | undefined = store.mailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const query = parseMessageQuery(new URL(c.req.url).searchParams, { extra: [] });
    if (isFailure(query)) return graphError(c, query);
    const content = contentAllowed(c, query);
    if (content.refused) return graphError(c, ACCESS_DENIED);
    const stored = store.message(mailbox, c.req.param('id'));
    if (!stored) return graphError(c, ITEM_NOT_FOUND);
    const json = messageJson(stored, { mailboxId: mailbox.user.id, ...(query.select ? { select: query.select } : {}), immutableIds: immutableIds(c), contentAllowed: content.allowed, alwaysTyped: false });
    return c.json({ '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/messages/$entity`, ...json });
  });
}
