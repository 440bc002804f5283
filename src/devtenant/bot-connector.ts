// A local stand-in for the Bot Framework connector as Teams runs it, for the one call Tandem makes to it on its
// own: send to conversation (POST {serviceUrl}/v3/conversations/{id}/activities; a reply to an activity is taken
// the same way, as in a group chat). It answers as the documented
// service does, each behaviour with its source:
// - no valid Bot Framework bearer token: 401 with the connector's body; a token of a bot that is not registered:
//   401 BotNotRegistered (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication,
//   https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-codes-from-bot-conversational-apis);
// - a conversation it does not know: 404 ConversationNotFound; a bot not in the chat's roster (removed): 403
//   BotNotInConversationRoster (the same status-code table);
// - a message over 100 KB (UTF-16): 413 MessageSizeTooBig (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages);
// - Teams' per-bot per-conversation limits and the per-app per-tenant 50 RPS: 429 Throttled with Retry-After
//   (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit);
// - seeded transient refusals of exactly the statuses the table says to retry: 412, 502, 503, 504;
// - 201 { id } for one message; 202 with no body when Teams splits the activity (text plus a card, several cards
//   in list layout: https://github.com/OfficeDev/BotBuilder-MicrosoftTeams/issues/125 and the note under "Send a
//   message" on conversation-messages), and optionally for a share of single cards (microsoft/botframework-sdk#6155);
// - no way to list a conversation's activities: what was posted is seen through Graph (the ChatStore).
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { silentLogger, type Logger } from '../log.ts';
import type { ChatStore, PostedPart } from './chat-store.ts';
import { tokenChecker } from './graph-token-check.ts';
import { BOT_FRAMEWORK_RESOURCE } from './identity.ts';
import { seededRandom } from './seeded-random.ts';

/** Teams' documented per-bot, per-conversation limits for "Send to conversation": at most `count` in any `perMs`. */
export const TEAMS_CONVERSATION_LIMITS: ReadonlyArray<{ count: number; perMs: number }> = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
  { count: 1_800, perMs: 3_600_000 },
];
/** "The global limit per app per tenant is 50 Requests Per Second (RPS)" (older versions of the page said 30). */
export const TEAMS_TENANT_RPS = 50;
/** "The bot message size limit is 100 KB", counted as UTF-16. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 100 * 1024;
/** The statuses Teams' retry guidance lists besides 429 (and 403 InvalidBotApiHost, a GCC matter). */
export const TRANSIENT_STATUSES = [412, 502, 503, 504] as const;
export type TransientStatus = (typeof TRANSIENT_STATUSES)[number];

export interface BotRegistration {
  /** The bot's Entra app id (MicrosoftAppId): the `appid` of its Bot Framework tokens. */
  readonly appId: string;
  readonly name: string;
}

export interface BotConnectorOptions {
  readonly chats: ChatStore;
  /** The dev identity's issuer, JWKS and CA: where Bot Framework tokens come from. */
  readonly identity: { readonly issuer: string; readonly jwksUri: string; readonly ca: string };
  /** Registered bots (an Azure Bot with the Teams channel). */
  readonly bots: readonly BotRegistration[];
  /** Added to every answer, like a real network round trip. */
  readonly latencyMs?: number;
  readonly limits?: ReadonlyArray<{ count: number; perMs: number }>;
  /** Per app and tenant, per second (TEAMS_TENANT_RPS unless given); null: not enforced. */
  readonly tenantRequestsPerSecond?: number | null;
  /** A seeded share of posts refused with a transient status before anything is stored. */
  readonly faults?: { readonly rate: number; readonly seed: number; readonly statuses?: readonly TransientStatus[] };
  /** A seeded share of single-message posts answered 202 without a body although stored. */
  readonly acceptedWithoutId?: { readonly rate: number; readonly seed: number };
  readonly logger?: Logger;
}

export interface BotConnectorStats {
  /** Messages stored (a split post counts each part). */
  posts: number;
  created: number;
  acceptedWithoutId: number;
  throttled: number;
  transient: number;
  /** Refusals by error code (`Unauthorized` for a missing or bad token). */
  readonly refused: Map<string, number>;
}

export interface BotConnector {
  /** `http://127.0.0.1:<port>`: the serviceUrl of the stand-in's conversations. */
  readonly url: string;
  readonly stats: BotConnectorStats;
  close(): Promise<void>;
}

const attachmentSchema = z.looseObject({ contentType: z.string(), content: z.unknown().optional() });
const activitySchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  attachmentLayout: z.enum(['list', 'carousel']).optional(),
});

/** The connector's ErrorResponse: `{ error: { code, message } }`. */
const errorBody = (code: string, message: string) => ({ error: { code, message } });
const TRANSIENT_ERRORS: Record<TransientStatus, { code: string; message: string }> = {
  412: { code: 'PreconditionFailed', message: 'Precondition failed, please try again.' },
  502: { code: 'ServiceError', message: 'Service dependency issue.' },
  503: { code: 'ServiceUnavailable', message: 'Service is unavailable.' },
  504: { code: 'GatewayTimeout', message: 'Gateway Timeout.' },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The messages a post becomes in Teams: text apart from cards, list-layout cards one by one, a carousel together. */
export function splitActivity(activity: z.infer<typeof activitySchema>): PostedPart[] {
  const cards = activity.attachments ?? [];
  const text = activity.text !== undefined && activity.text !== '' ? activity.text : null;
  const cardParts: PostedPart[] =
    cards.length === 0 ? [] : activity.attachmentLayout === 'carousel' ? [{ text: null, attachments: cards }] : cards.map((card) => ({ text: null, attachments: [card] }));
  if (text === null) return cardParts.length > 0 ? cardParts : [{ text: '', attachments: [] }];
  return cardParts.length === 0 ? [{ text, attachments: [] }] : [{ text, attachments: [] }, ...cardParts];
}

export async function startBotConnector(options: BotConnectorOptions): Promise<BotConnector> {
  const limits = options.limits ?? TEAMS_CONVERSATION_LIMITS;
  const tenantRps = options.tenantRequestsPerSecond === undefined ? TEAMS_TENANT_RPS : options.tenantRequestsPerSecond;
  const logger = options.logger ?? silentLogger;
  const checkToken = tokenChecker({ issuer: options.identity.issuer, jwksUri: options.identity.jwksUri, identityCa: options.identity.ca, audiences: [BOT_FRAMEWORK_RESOURCE] }, logger);
  const faultRandom = seededRandom(options.faults?.seed ?? 0);
  const acceptRandom = seededRandom(options.acceptedWithoutId?.seed ?? 0);
  const faultStatuses = options.faults?.statuses ?? TRANSIENT_STATUSES;
  const sentAt = new Map<string, number[]>();
  const tenantSentAt = new Map<string, number[]>();
  const stats: BotConnectorStats = { posts: 0, created: 0, acceptedWithoutId: 0, throttled: 0, transient: 0, refused: new Map() };
  const keep = limits.reduce((max, limit) => Math.max(max, limit.count), 0);
  const app = new Hono();

  const refuse = (c: Context, status: 400 | 401 | 403 | 404 | 413, code: string, message: string) => {
    stats.refused.set(code, (stats.refused.get(code) ?? 0) + 1);
    return c.json(errorBody(code, message), status);
  };

  /** Milliseconds until `times` allows one more within every limit, or 0. */
  function waitMs(times: readonly number[], windows: ReadonlyArray<{ count: number; perMs: number }>, now: number): number {
    let wait = 0;
    for (const { count, perMs } of windows) {
      const inWindow = times.filter((time) => time > now - perMs);
      if (inWindow.length >= count) wait = Math.max(wait, inWindow[inWindow.length - count]! + perMs - now);
    }
    return wait;
  }

  app.use(async (_, next) => {
    if (options.latencyMs) await sleep(options.latencyMs);
    await next();
  });

  const sendToConversation = async (c: Context) => {
    // Authentication first: the connector reads nothing for a caller it cannot identify.
    const check = await checkToken(c.req.header('authorization'));
    if (!check.ok) {
      stats.refused.set('Unauthorized', (stats.refused.get('Unauthorized') ?? 0) + 1);
      // The connector's (ASP.NET) body for a missing or invalid token, as bots see it (MicrosoftDocs/bot-docs#1548).
      return c.json({ message: 'Authorization has been denied for this request.' }, 401);
    }
    const appId = String(check.claims['appid'] ?? check.claims['azp'] ?? '');
    const bot = options.bots.find((candidate) => candidate.appId === appId);
    if (bot === undefined) return refuse(c, 401, 'BotNotRegistered', 'No registration found for this bot.');

    const conversationId = c.req.param('conversationId') ?? '';
    const chat = options.chats.get(conversationId);
    if (chat === undefined) return refuse(c, 404, 'ConversationNotFound', 'Conversation not found.');
    if (!chat.bots.has(bot.appId)) return refuse(c, 403, 'BotNotInConversationRoster', "The bot isn't part of the conversation roster.");

    const raw = await c.req.text();
    if (raw.length * 2 > TEAMS_MESSAGE_LIMIT_BYTES) return refuse(c, 413, 'MessageSizeTooBig', 'Message size too large.');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refuse(c, 400, 'BadArgument', 'The request body is not JSON.');
    }
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success || parsed.data.type !== 'message') return refuse(c, 400, 'BadArgument', 'Only message activities can be sent to a conversation.');
    const parts = splitActivity(parsed.data);

    const now = Date.now();
    const conversationKey = `${bot.appId}|${conversationId}`;
    const tenantKey = `${bot.appId}|${chat.tenantId}`;
    const times = sentAt.get(conversationKey) ?? [];
    const tenantTimes = tenantSentAt.get(tenantKey) ?? [];
    const wait = Math.max(waitMs(times, limits, now), tenantRps === null ? 0 : waitMs(tenantTimes, [{ count: tenantRps, perMs: 1_000 }], now));
    if (wait > 0) {
      stats.throttled++;
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return c.json(errorBody('Throttled', 'Too many requests.'), 429);
    }
    if (options.faults !== undefined && faultRandom() < options.faults.rate) {
      const status = faultStatuses[Math.floor(faultRandom() * faultStatuses.length)]!;
      stats.transient++;
      const { code, message } = TRANSIENT_ERRORS[status];
      return c.json(errorBody(code, message), status);
    }

    // Every message a post becomes counts against the limits ("message splitting … results in higher than expected RPS").
    for (let i = 0; i < parts.length; i++) {
      times.push(now);
      tenantTimes.push(now);
    }
    sentAt.set(conversationKey, times.slice(-keep));
    tenantSentAt.set(tenantKey, tenantTimes.filter((time) => time > now - 1_000));
    const ids = options.chats.post(conversationId, { id: bot.appId, displayName: bot.name }, parts);
    stats.posts += ids.length;
    if (ids.length > 1 || (options.acceptedWithoutId !== undefined && acceptRandom() < options.acceptedWithoutId.rate)) {
      stats.acceptedWithoutId++;
      return c.body(null, 202);
    }
    stats.created++;
    return c.json({ id: ids[0] }, 201);
  };
  // "Send to conversation", and "Reply to activity", which in a group chat is one more message at its end.
  app.post('/v3/conversations/:conversationId/activities', sendToConversation);
  app.post('/v3/conversations/:conversationId/activities/:activityId', sendToConversation);

  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bot connector did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    close: () =>
      new Promise((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
