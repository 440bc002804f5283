// The bot's one contact with botbuilder: a CloudAdapter behind the hono route POST /api/messages. It checks
// the request (JSON, Bot Framework token when an app id is configured, activity shape), runs the turn's
// plain-data handler and turns its result into replies, card updates and invoke responses. Moving to the Teams
// SDK replaces this file only.
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsInfo,
  type Activity as BotActivity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { Hono } from 'hono';
import { t } from '../src/i18n/messages.ts';
import { canonicalLocale } from '../src/i18n/locales.ts';
import { activitySchema, chatTenant, envelopeSchema, type Activity } from './activity.ts';
import type { Card } from './cards/card-parts.ts';
import { noticeCard } from './cards/notice-card.ts';
import type { ChatMember } from './cards/welcome-card.ts';
import { handleTurn } from './turn.ts';
import { userIdOf, type BotDependencies, type BotResult, type Turn } from './turn-context.ts';

export interface BotCredentials {
  /** The bot's Entra app id; with it, every request must carry a valid Bot Framework token. */
  readonly appId: string;
  readonly appPassword: string | undefined;
  /** Single-tenant bots name their tenant; multi-tenant ones leave it out. */
  readonly appTenantId: string | undefined;
}

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';
const ERROR_TYPE = 'application/vnd.microsoft.error';
/** Group chats hold at most 250 people: three pages of 100 are plenty. */
const MAX_ROSTER_PAGES = 3;

/** CloudAdapter's turn entry is protected; this exposes it to the route without changing what it does. */
class TandemAdapter extends CloudAdapter {
  run(authHeader: string, activity: Partial<BotActivity>, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity as BotActivity, logic);
  }
}

function authentication(credentials: BotCredentials | null): ConfigurationBotFrameworkAuthentication {
  if (credentials === null) return new ConfigurationBotFrameworkAuthentication({});
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppTenantId: credentials.appTenantId,
    MicrosoftAppType: credentials.appTenantId === undefined ? 'MultiTenant' : 'SingleTenant',
  });
}


const attachmentOf = (card: Card) => CardFactory.adaptiveCard(card);

async function members(context: TurnContext): Promise<ChatMember[]> {
  const list: ChatMember[] = [];
  let continuationToken: string | undefined;
  let pages = 0;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
    for (const member of page.members) {
      list.push({ id: member.aadObjectId ?? member.id, name: member.name ?? member.id, email: member.email ?? member.userPrincipalName ?? null });
    }
    // An empty token also means the last page; the page cap guards against a connector that never ends.
    continuationToken = page.continuationToken === undefined || page.continuationToken === '' ? undefined : page.continuationToken;
  } while (continuationToken !== undefined && ++pages < MAX_ROSTER_PAGES);
  // The bot is a member of its chats too; it cannot be the owner or the VA.
  return list.filter((member) => member.id !== context.activity.recipient.id);
}

/** Sends what a handler returned; for invokes, also the invoke response. */
async function deliver(context: TurnContext, activity: Activity, result: BotResult, locale: string): Promise<void> {
  const invoke = activity.type === 'invoke';
  for (const card of result.post) await context.sendActivity({ type: ActivityTypes.Message, attachments: [attachmentOf(card)] });
  // What everyone in the conversation gets: a message turn has no answer for one person, so its `replace` too.
  const forAll = result.replaceForAll ?? (invoke ? undefined : result.replace);
  if (forAll !== undefined && activity.replyToId !== undefined) {
    await context.updateActivity({ id: activity.replyToId, type: ActivityTypes.Message, attachments: [attachmentOf(forAll)] });
  } else if (forAll !== undefined && !invoke) {
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [attachmentOf(forAll)] });
  }
  if (result.refuse !== undefined && !invoke) await context.sendActivity({ type: ActivityTypes.Message, attachments: [attachmentOf(noticeCard(result.refuse.message))] });
  if (!invoke) return;
  const body =
    result.refuse !== undefined
      ? { statusCode: result.refuse.status, type: ERROR_TYPE, value: { code: 'BadRequest', message: result.refuse.message } }
      : result.replace !== undefined
        ? { statusCode: 200, type: CARD_TYPE, value: result.replace }
        : { statusCode: 200, type: MESSAGE_TYPE, value: t(locale, 'bot.done') };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: result.refuse?.status ?? 200, body } });
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'activity'}: ${issue.message}`)
    .join('; ');
}

/** The route for POST /api/messages. */
export function botRoute(deps: BotDependencies, credentials: BotCredentials | null): Hono {
  const adapter = new TandemAdapter(authentication(credentials));
  const route = new Hono();
  route.post('/', async (c) => {
    const authHeader = c.req.header('authorization') ?? '';
    // A configured bot refuses tokenless requests before reading them.
    if (credentials !== null && !/^Bearer \S+$/.test(authHeader)) return c.json({ error: { code: 'unauthenticated', message: 'A Bot Framework token is required.' } }, 401);
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body === undefined) return c.json({ error: { code: 'invalid_request', message: 'The body must be a JSON activity.' } }, 400);
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) return c.json({ error: { code: 'invalid_request', message: describeIssues(envelope.error.issues) } }, 400);
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) return c.json({ error: { code: 'invalid_request', message: describeIssues(parsed.error.issues) } }, 400);
    const activity = parsed.data;
    // A malformed locale falls back to English rather than break number formatting.
    const locale = canonicalLocale(activity.locale) ?? 'en';
    try {
      const response = await adapter.run(authHeader, body as Partial<BotActivity>, async (context) => {
        const userId = userIdOf(activity.from);
        const turn: Turn = { activity, deps, tools: { members: () => members(context) }, now: deps.clock.now(), locale, userId, actor: { tenantId: chatTenant(activity), userId } };
        await deliver(context, activity, await handleTurn(turn), locale);
      });
      if (response === undefined) return c.body(null, 200);
      return c.json(response.body ?? null, response.status as 200);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        deps.log.warn('bot_token_refused', { message: error.message });
        return c.json({ error: { code: 'unauthenticated', message: 'The Bot Framework token was not accepted.' } }, 401);
      }
      const id = randomUUID();
      deps.log.error('bot_turn_failed', { id, type: activity.type, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
      return c.json({ error: { code: 'internal', message: `Something went wrong (reference ${id}).` } }, 500);
    }
  });
  return route;
}
