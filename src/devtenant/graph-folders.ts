// The dev Graph's mail folder reads over the store: `mailFolders` (top level, paged, hidden ones only on
// request), one folder by id or well-known name, and `childFolders`, with counts derived from the messages
// in each folder now.
import type { Context, Hono } from 'hono';
import { ACCESS_DENIED, graphError, hasRole, selectProperties, ITEM_NOT_FOUND, ROLES, USER_NOT_FOUND, type GraphEnv } from './graph-response.ts';
import { folderId, type MailboxStore, type StoreFolder, type StoreMailbox } from './mailbox-store.ts';

/** Graph's page size for folder lists when `$top` is absent. */
const FOLDER_PAGE_SIZE = 10;
const BYTES_PER_ITEM = 24_576;
const FOLDER_QUERY_OPTIONS: ReadonlySet<string> = new Set(['$top', '$skip', '$select']);

export function folderJson(store: MailboxStore, mailbox: StoreMailbox, folder: StoreFolder): Record<string, unknown> {
  const counts = store.counts(mailbox, folder);
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folderId(mailbox.user.id, folder.parentKey ?? 'msgfolderroot'),
    childFolderCount: counts.children,
    unreadItemCount: counts.unread,
    totalItemCount: counts.total,
    sizeInBytes: counts.total * BYTES_PER_ITEM,
    isHidden: folder.hidden,
  };
}


export function registerFolderRoutes(app: Hono<GraphEnv>, store: MailboxStore, baseUrl: string): void {
  /** The mailbox a request addresses and, with `:folder`, the folder; or the refusal. */
  const resolve = (c: Context<GraphEnv>) => {
    if (!hasRole(c, ROLES.mailRead)) return { refusal: graphError(c, ACCESS_DENIED) };
    const unsupported = [...new URL(c.req.url).searchParams.keys()].find((name) => name.startsWith('$') && !FOLDER_QUERY_OPTIONS.has(name));
    if (unsupported) return { refusal: graphError(c, { status: 400, code: 'BadRequest', message: `Query option '${unsupported}' is not supported on this resource.` }) };
    const mailbox = store.mailbox(c.req.param('user') ?? '');
    if (!mailbox) return { refusal: graphError(c, USER_NOT_FOUND) };
    const ref = c.req.param('folder');
    const folder = ref === undefined ? undefined : store.folder(mailbox, ref);
    if (ref !== undefined && !folder) return { refusal: graphError(c, ITEM_NOT_FOUND) };
    return { mailbox, folder };
  };

  const list = (c: Context<GraphEnv>, mailbox: StoreMailbox, parentKey: string | undefined, context: string) => {
    const includeHidden = c.req.query('includeHiddenFolders') === 'true';
    const top = Number(c.req.query('$top') ?? FOLDER_PAGE_SIZE);
    const skip = Number(c.req.query('$skip') ?? 0);
    if (!Number.isInteger(top) || top < 1 || !Number.isInteger(skip) || skip < 0) return graphError(c, { status: 400, code: 'BadRequest', message: 'Invalid $top or $skip value.' });
    const folders = [...mailbox.folders.values()].filter((folder) => folder.parentKey === parentKey && (includeHidden || !folder.hidden));
    const page = folders.slice(skip, skip + top).map((folder) => selectProperties(folderJson(store, mailbox, folder), c.req.query('$select')));
    const next = new URL(c.req.url);
    next.searchParams.set('$skip', String(skip + top));
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user') ?? '')}')/${context}`,
      value: page,
      ...(skip + top < folders.length ? { '@odata.nextLink': `${baseUrl}${next.pathname.replace(/^\/v1\.0/, '')}?${next.searchParams}` } : {}),
    });
  };

  app.get('/v1.0/users/:user/mailFolders', (c) => {
    const { refusal, mailbox } = resolve(c);
    return refusal ?? list(c, mailbox, undefined, 'mailFolders');
  });

  app.get('/v1.0/users/:user/mailFolders/:folder/childFolders', (c) => {
    const { refusal, mailbox, folder } = resolve(c);
    return refusal ?? list(c, mailbox, folder?.key, `mailFolders('${folder?.id}')/childFolders`);
  });

  app.get('/v1.0/users/:user/mailFolders/:folder', (c) => {
    const { refusal, mailbox, folder } = resolve(c);
    if (refusal) return refusal;
    if (!folder) throw new Error('a route with :folder resolves a folder or refuses');
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/mailFolders/$entity`,
      ...selectProperties(folderJson(store, mailbox, folder), c.req.query('$select')),
    });
  });
}
