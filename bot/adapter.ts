// The bot's one contact with botbuilder: a CloudAdapter behind the hono route POST /api/messages, and one that
// posts on the bot's own initiative (continueConversationAsync with a stored conversation reference). The route
// checks the request (JSON, Bot Framework token when an app id is configured, activity shape), runs the turn's
// plain-data handler and turns its result into replies, card updates and invoke responses. Proactive posts get
// their Bot Framework token from the SDK (ConfigurationBotFrameworkAuthentication and its credentials factory)
// and come back as an id, no id (202) or a ConnectorRefusal. botbuilder is archived upstream (its successor is
// the Microsoft 365 Agents SDK): moving replaces this file only.
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsInfo,
  type Activity as BotActivity,
  TurnContext,
  type ConversationReference,
  type InvokeResponse,
} from 'botbuilder';
import { AuthenticationError, MsalServiceClientCredentialsFactory, type ConnectorClient } from 'botframework-connector';
import { Hono } from 'hono';
import { t } from '../src/i18n/messages.ts';
import { canonicalLocale } from '../src/i18n/locales.ts';
import type { ConversationRef } from '../src/ports/chat.ts';
import { activitySchema, chatTenant, envelopeSchema, type Activity } from './activity.ts';
import type { Card } from './cards/card-parts.ts';
import { noticeCard } from './cards/notice-card.ts';
import type { ChatMember } from './cards/welcome-card.ts';
import { ConnectorRefusal } from './connector-refusal.ts';
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

/** Where client-credential tokens come from: msal-node's ConfidentialClientApplication or anything shaped like it. */
export interface ClientCredentialTokenSource {
  acquireTokenByClientCredential(request: { scopes: string[]; skipCache?: boolean }): Promise<{ accessToken: string; expiresOn: Date | null } | null>;
}

/**
 * ConfigurationBotFrameworkAuthentication's endpoint settings, for a cloud other than public Azure or a stand-in
 * (constructor of https://learn.microsoft.com/en-us/javascript/api/botbuilder-core/configurationbotframeworkauthentication).
 */
export type BotFrameworkEndpoints = Readonly<
  Record<'ToChannelFromBotLoginUrl' | 'ToChannelFromBotOAuthScope' | 'ToBotFromChannelTokenIssuer' | 'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromEmulatorOpenIdMetadataUrl' | 'OAuthUrl' | 'CallerId', string>
>;

/** What posting on the bot's own initiative needs: its app id, its token source and, elsewhere than public Azure, the endpoints. */
export interface ProactiveCredentials {
  readonly appId: string;
  readonly tokenClient: ClientCredentialTokenSource;
  readonly endpoints?: BotFrameworkEndpoints;
}

/** A message activity the bot sends on its own. */
export interface ProactiveActivity {
  readonly type: 'message';
  readonly text?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content: unknown }>;
}

export interface ProactiveSender {
  /** Sends into the referenced conversation; resolves to the message id, or null when the connector named none (202). */
  send(reference: ConversationRef, activity: ProactiveActivity): Promise<string | null>;
}

/**
 * The SDK's authentication for proactive posts: without credentials none (local stand-ins without tokens, the
 * Agents Playground); with them, botframework-connector's MsalServiceClientCredentialsFactory over our msal client,
 * so the SDK decides when it needs a token, asks for `<ToChannelFromBotOAuthScope>/.default` and caches it.
 */
function proactiveAuthentication(credentials: ProactiveCredentials | null): ConfigurationBotFrameworkAuthentication {
  if (credentials === null) return new ConfigurationBotFrameworkAuthentication({});
  const tokenClient = sharedInFlight(credentials.tokenClient);
  const factory = new MsalServiceClientCredentialsFactory(credentials.appId, tokenClient as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]);
  return new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: credentials.appId, ...credentials.endpoints }, factory);
}

/**
 * The SDK caches a token once it has one, but posts that start together before that each ask (it passes
 * skipCache): they share the one request in flight for the same scopes.
 */
function sharedInFlight(source: ClientCredentialTokenSource): ClientCredentialTokenSource {
  const inFlight = new Map<string, ReturnType<ClientCredentialTokenSource['acquireTokenByClientCredential']>>();
  return {
    acquireTokenByClientCredential(request) {
      const key = request.scopes.join(' ');
      let pending = inFlight.get(key);
      if (pending === undefined) {
        pending = source.acquireTokenByClientCredential(request).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      // Each caller gets its own copy: the SDK moves expiresOn five minutes earlier on the object it receives.
      return pending.then((result) => (result === null ? null : { ...result, expiresOn: result.expiresOn === null ? null : new Date(result.expiresOn) }));
    },
  };
}

/** The parts of the SDK's HTTP error (a core-rest-pipeline RestError) that say what the connector answered. */
function refusalOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('statusCode' in error) || typeof error.statusCode !== 'number') return error;
  const response = 'response' in error ? (error.response as { headers?: { get(name: string): string | undefined } } | undefined) : undefined;
  const retryAfter = Number(response?.headers?.get('retry-after'));
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorRefusal(error.statusCode, code, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : null, `connector answered ${error.statusCode}${code === null ? '' : ` ${code}`}: ${message}`);
}

/** Posts through CloudAdapter.continueConversationAsync with the stored conversation reference. */
export function proactiveSender(credentials: ProactiveCredentials | null): ProactiveSender {
  const adapter = new CloudAdapter(proactiveAuthentication(credentials));
  return {
    async send(reference, activity) {
      let id: string | null = null;
      try {
        await adapter.continueConversationAsync(credentials?.appId ?? '', reference as Partial<ConversationReference>, async (context) => {
          // The turn's ConnectorClient carries the SDK's credentials. "Send to conversation" adds a message at the end
          // of the chat; context.sendActivity would instead "reply" to the continuation's made-up activity id.
          const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          const { activityId: _continuation, ...target } = TurnContext.getConversationReference(context.activity);
          const outgoing = TurnContext.applyConversationReference({ ...activity, attachments: activity.attachments?.map((attachment) => ({ ...attachment })) }, target);
          const response = await client.conversations.sendToConversation(target.conversation!.id, outgoing as BotActivity);
          // A 202 carries no body: the SDK hands back a response without an id.
          id = typeof response.id === 'string' && response.id !== '' ? response.id : null;
        });
      } catch (error) {
        throw refusalOf(error);
      }
      return id;
    },
  };
}

const attachmentOf = (card: Card) => CardFactory.adaptiveCard(card);

async function members(context: TurnContext): Promise<ChatMember[]> {
  const list: ChatMember[] = [];
  let continuationToken: string | undefined;
  let pages = 0;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
    for (const member of page.members) {
      list.push({ id: member.aadObjectId ?? member.id, mri: member.id, name: member.name ?? member.id, email: member.email ?? member.userPrincipalName ?? null });
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
  const auth = authentication(credentials);
  const adapter = new TandemAdapter(auth);
  const route = new Hono();
  const refused = { error: { code: 'unauthenticated', message: 'The Bot Framework token was not accepted.' } };
  route.post('/', async (c) => {
    const authHeader = c.req.header('authorization') ?? '';
    // A configured bot refuses tokenless requests before reading them.
    if (credentials !== null && !/^Bearer \S+$/.test(authHeader)) return c.json({ error: { code: 'unauthenticated', message: 'A Bot Framework token is required.' } }, 401);
    if (credentials !== null) {
      // The token's signature, issuer, audience and lifetime are checked before the body is read; the turn checks
      // it again against the activity (its serviceUrl claim), as CloudAdapter does for every turn.
      try {
        await auth.authenticateChannelRequest(authHeader);
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        deps.log.warn('bot_token_refused', { message: error.message });
        return c.json(refused, 401);
      }
    }
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
