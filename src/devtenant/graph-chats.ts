// The dev Graph's Teams chat messages: `GET /chats/{chat-id}/messages`, as "List messages in a chat" documents it
// (https://learn.microsoft.com/en-us/graph/api/chat-list-messages): newest first by lastModifiedDateTime (the
// default) or createdDateTime, `$top` at most 50, `@odata.nextLink` paging, the documented `$filter` forms, and
// application access through Chat.Read.All / Chat.ReadWrite.All or the chat's resource-specific consent
// ChatMessage.Read.Chat. Messages come from the ChatStore the bot connector stand-in writes.
import type { Context, Hono } from 'hono';
import type { ChatStore, DevChatMessage } from './chat-store.ts';
import { graphError, type GraphEnv } from './graph-response.ts';

/** "Maximum allowed $top value is 50." */
export const CHAT_MESSAGES_MAX_TOP = 50;
/** Without `$top` Graph pages by a size it does not document; the stand-in uses 20. */
const DEFAULT_TOP = 20;
/** Least privileged first: the RSC permission, then the tenant-wide application permissions. */
const RSC_PERMISSION = 'ChatMessage.Read.Chat';
const TENANT_WIDE = ['Chat.Read.All', 'Chat.ReadWrite.All'];

type OrderProperty = 'lastModifiedDateTime' | 'createdDateTime';

/** A chatMessage as Graph lists one a bot posted (https://learn.microsoft.com/en-us/graph/api/chatmessage-get). */
export function chatMessageJson(message: DevChatMessage): Record<string, unknown> {
  const cards = message.attachments.map((attachment) => `<attachment id="${attachment.id}"></attachment>`).join('');
  return {
    id: message.id,
    replyToId: null,
    etag: message.id,
    messageType: 'message',
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId: message.chatId,
    importance: 'normal',
    locale: 'en-us',
    webUrl: null,
    channelIdentity: null,
    policyViolation: null,
    eventDetail: null,
    from: { application: { id: message.from.id, displayName: message.from.displayName, applicationIdentityType: 'bot' }, device: null, user: null },
    body: message.attachments.length > 0 ? { contentType: 'html', content: cards } : { contentType: 'text', content: message.text ?? '' },
    attachments: message.attachments,
    mentions: [],
    reactions: [],
    messageHistory: [],
  };
}

/** Case-insensitive query option (`$orderBy` and `$orderby` are the same option). */
function option(c: Context, name: string): string | undefined {
  for (const [key, value] of new URL(c.req.url).searchParams) if (key.toLowerCase() === name) return value;
  return undefined;
}

interface PageToken {
  readonly at: number;
  readonly id: string;
}

const encodeToken = (token: PageToken) => Buffer.from(JSON.stringify(token)).toString('base64url');
function decodeToken(value: string): PageToken | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'at' in parsed && 'id' in parsed && typeof parsed.at === 'number' && typeof parsed.id === 'string') return { at: parsed.at, id: parsed.id };
  } catch {
    // answered as a bad token below
  }
  return null;
}

/** The `$filter` clauses the docs allow for the ordered property (gt and lt; createdDateTime only lt), or why not. */
function parseFilter(filter: string, property: OrderProperty): { ok: true; test: (at: number) => boolean } | { ok: false; message: string } {
  const clauses = filter.split(/\s+and\s+/i).map((clause) => /^\s*(\w+)\s+(gt|lt)\s+(\S+)\s*$/i.exec(clause));
  // "You can only filter results if the request URL contains the $orderBy and $filter query parameters configured for
  // the same property; otherwise, the $filter query option is ignored."
  if (clauses.some((match) => match === null || match[1] !== property)) return { ok: true, test: () => true };
  const tests: Array<(at: number) => boolean> = [];
  for (const match of clauses) {
    const [, , operator, value] = match!;
    const instant = Date.parse(value!);
    if (Number.isNaN(instant)) return { ok: false, message: `Invalid date in $filter: '${value}'.` };
    if (operator!.toLowerCase() === 'gt' && property === 'createdDateTime') return { ok: false, message: 'The createdDateTime property supports only the lt operator in $filter.' };
    tests.push(operator!.toLowerCase() === 'gt' ? (at) => at > instant : (at) => at < instant);
  }
  return { ok: true, test: (at) => tests.every((test) => test(at)) };
}

export function registerChatRoutes(app: Hono<GraphEnv>, chats: ChatStore, baseUrl: string): void {
  app.get('/v1.0/chats/:chat/messages', (c) => {
    const chatId = c.req.param('chat');
    const chat = chats.get(chatId);
    if (chat === undefined) return graphError(c, { status: 404, code: 'NotFound', message: `Chat '${chatId}' was not found.` });
    const roles = c.get('roles');
    const rsc = [...(chat.grants.get(c.get('appId')) ?? [])];
    if (!roles.some((role) => TENANT_WIDE.includes(role)) && !rsc.includes(RSC_PERMISSION)) {
      // Graph's wording for a missing application permission on Teams APIs (microsoftgraph/microsoft-graph-docs-contrib#3379).
      return graphError(c, {
        status: 403,
        code: 'Forbidden',
        message: `Missing role permissions on the request. API requires one of '${[RSC_PERMISSION, ...TENANT_WIDE].join(', ')}'. Roles on the request '${roles.join(', ')}'. Resource specific consent grants on the request '${rsc.join(', ')}'.`,
      });
    }

    const topValue = option(c, '$top');
    const top = topValue === undefined ? DEFAULT_TOP : Number(topValue);
    if (!Number.isInteger(top) || top < 1 || top > CHAT_MESSAGES_MAX_TOP) {
      return graphError(c, { status: 400, code: 'BadRequest', message: `Invalid page size specified: '${topValue}'. Must be between 1 and ${CHAT_MESSAGES_MAX_TOP} inclusive.` });
    }
    // "Currently supports the lastModifiedDateTime (default) and createdDateTime properties in descending order."
    const orderBy = (option(c, '$orderby') ?? 'lastModifiedDateTime desc').trim();
    const order = /^(lastModifiedDateTime|createdDateTime)(\s+desc)?$/.exec(orderBy);
    if (order === null) return graphError(c, { status: 400, code: 'BadRequest', message: `The $orderby value '${orderBy}' is not supported: only lastModifiedDateTime or createdDateTime, descending.` });
    const property = order[1] as OrderProperty;
    const filterValue = option(c, '$filter');
    const filter = filterValue === undefined ? { ok: true as const, test: () => true } : parseFilter(filterValue, property);
    if (!filter.ok) return graphError(c, { status: 400, code: 'BadRequest', message: filter.message });
    const skipValue = option(c, '$skiptoken');
    const after = skipValue === undefined ? null : decodeToken(skipValue);
    if (skipValue !== undefined && after === null) return graphError(c, { status: 400, code: 'BadRequest', message: 'The $skiptoken is not valid.' });

    const at = (message: DevChatMessage) => Date.parse(message[property]);
    // Newest first; ties by id, so a page boundary never skips or repeats a message.
    const ordered = chat.messages
      .filter((message) => filter.test(at(message)))
      .sort((a, b) => at(b) - at(a) || Number(b.id) - Number(a.id))
      .filter((message) => after === null || at(message) < after.at || (at(message) === after.at && Number(message.id) < Number(after.id)));
    const page = ordered.slice(0, top);
    const last = page[page.length - 1];
    const next = new URL(`${baseUrl}/chats/${encodeURIComponent(chatId)}/messages`);
    for (const [key, value] of new URL(c.req.url).searchParams) if (key.toLowerCase() !== '$skiptoken') next.searchParams.set(key, value);
    if (last !== undefined) next.searchParams.set('$skiptoken', encodeToken({ at: at(last), id: last.id }));
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#chats('${encodeURIComponent(chatId)}')/messages`,
      '@odata.count': page.length,
      ...(ordered.length > top ? { '@odata.nextLink': next.toString() } : {}),
      value: page.map(chatMessageJson),
    });
  });
}
