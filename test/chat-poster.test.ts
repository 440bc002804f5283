// The production chat poster (the wiring's teamsChatPoster: botbuilder's CloudAdapter with the SDK getting the
// bot's tokens, and Graph's chat messages for findPosted) against the faithful Teams stand-in with auth on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../bot/chat-poster.ts';
import { startBotConnector, type BotConnector, type BotConnectorOptions } from '../src/devtenant/bot-connector.ts';
import { startTeamsStandIn, type TeamsStandIn } from '../src/devtenant/teams-stand-in.ts';
import { createAppAuth } from '../src/graph/auth.ts';
import { graphChatHistory } from '../src/graph/chat-history.ts';
import { createGraphClient, type GraphClient } from '../src/graph/graph-client.ts';
import { deliverOnce, type DeliveryChannel } from '../src/jobs/deliver-once.ts';
import type { Logger } from '../src/log.ts';
import { createPairing } from '../src/store/pairings.ts';
import { listPostedItems } from '../src/store/posted-items.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { useTestDatabase } from './support/databases.ts';
import { ChatGoneError, type ChatPoster, type ConversationRef } from '../src/ports/chat.ts';
import { teamsChatPoster } from '../src/wiring/chat.ts';

const STATUS_TABLE = 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-codes-from-bot-conversational-apis';
const AUTH_PAGE = 'https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication';
const PROACTIVE = 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages';

const scorecard = (week: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Scorecard for week ${week}`, wrap: true }] });

describe('the production chat poster against the faithful Teams stand-in', () => {
  let teams: TeamsStandIn;
  let graph: GraphClient;
  let poster: ChatPoster;
  const warnings: Array<{ event: string; fields: unknown }> = [];
  const log: Logger = { info: () => {}, warn: (event, fields) => void warnings.push({ event, fields }), error: () => {} };
  const extra: BotConnector[] = [];
  let chat = 0;

  /** A chat with the Tandem app installed, reached through `connector` (the stand-in's own by default). */
  const newChat = (connector: BotConnector = teams.connector): ConversationRef & { conversation: { id: string } } => {
    const id = `19:poster-${++chat}@thread.v2`;
    teams.addChat(id);
    return { serviceUrl: connector.url, conversation: { id } };
  };
  const messagesIn = (conversation: ConversationRef) => teams.chats.get(conversation.conversation.id)!.messages;
  const keysIn = (conversation: ConversationRef) => messagesIn(conversation).map((message) => JSON.stringify(message.attachments.map((attachment) => attachment.content)));

  /** Another connector over the same chats, identity and bot, behaving as `options` say. */
  async function connectorWith(options: Omit<BotConnectorOptions, 'chats' | 'identity' | 'bots'>): Promise<BotConnector> {
    const openId = teams.identity.openIdConfiguration();
    const connector = await startBotConnector({ ...options, chats: teams.chats, identity: { issuer: openId.issuer, jwksUri: openId.jwks_uri, ca: teams.identity.ca }, bots: [{ appId: teams.bot.appId, name: 'Tandem' }] });
    extra.push(connector);
    return connector;
  }

  beforeAll(async () => {
    teams = await startTeamsStandIn();
    graph = createGraphClient({ auth: createAppAuth(teams.graphApp), baseUrl: teams.graphApp.graphBaseUrl, trustedCaPem: teams.graphApp.trustedCaPem });
    poster = teamsChatPoster(teams.bot, graphChatHistory(graph), log);
  });
  afterAll(async () => {
    for (const connector of extra) await connector.close();
    await graph?.close();
    await teams?.close();
  });

  it(`posts through CloudAdapter.continueConversationAsync with a bearer token the SDK fetched once and cached (${PROACTIVE}; ${AUTH_PAGE})`, async () => {
    const before = teams.identity.stats.tokenRequests;
    const conversations = Array.from({ length: 5 }, () => newChat());
    const ids: Array<string | null> = [];
    for (const conversation of conversations) ids.push(await poster.post(conversation, scorecard('2026-W47'), `tandem:p${conversation.conversation.id}:scorecard:2026-W47`));
    for (const [i, conversation] of conversations.entries()) {
      const [message] = messagesIn(conversation);
      expect(ids[i]).toBe(message!.id);
      // The card went alone (no text, so Teams answers 201 with an id) and carries the key inside it.
      expect(message!.text).toBeNull();
      expect(keysIn(conversation)[0]).toContain(`tandem:p${conversation.conversation.id}:scorecard:2026-W47`);
    }
    expect(teams.identity.stats.tokenRequests - before).toBeLessThanOrEqual(1);
    expect(teams.connector.stats.refused.get('Unauthorized') ?? 0).toBe(0);
  });

  it('finds what it posted through Graph (newest first, past the first page of 50), and nothing for a key never posted', async () => {
    const conversation = newChat();
    const first = await poster.post(conversation, scorecard('2026-W46'), 'tandem:find:scorecard:2026-W46');
    // Fifty-five later messages push it to Graph's second page.
    teams.chats.post(conversation.conversation.id, { id: teams.bot.appId, displayName: 'Tandem' }, Array.from({ length: 55 }, (_, i) => ({ text: `chatter ${i}`, attachments: [] })));
    expect(await poster.findPosted(conversation, 'tandem:find:scorecard:2026-W46')).toBe(first);
    expect(await poster.findPosted(conversation, 'tandem:find:scorecard:2026-W45')).toBeNull();
  });

  it('takes an empty 202 as delivered without an id, and findPosted then names the message (microsoft/botframework-sdk#6155)', async () => {
    const connector = await connectorWith({ acceptedWithoutId: { rate: 1, seed: 3 } });
    const conversation = newChat(connector);
    expect(await poster.post(conversation, scorecard('2026-W47'), 'tandem:accepted:scorecard:2026-W47')).toBeNull();
    expect(messagesIn(conversation)).toHaveLength(1);
    expect(await poster.findPosted(conversation, 'tandem:accepted:scorecard:2026-W47')).toBe(messagesIn(conversation)[0]!.id);
  });

  it(`waits out 429 + Retry-After and delivers each card once (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit)`, async () => {
    const connector = await connectorWith({ limits: [{ count: 2, perMs: 1_000 }] });
    const conversation = newChat(connector);
    const keys = Array.from({ length: 5 }, (_, i) => `tandem:burst:reminder:2026-W4${i}`);
    const ids = await Promise.all(keys.map((key) => poster.post(conversation, scorecard(key), key)));
    expect(new Set(ids).size).toBe(5);
    expect(connector.stats.throttled).toBeGreaterThan(0);
    expect(messagesIn(conversation)).toHaveLength(5);
    for (const key of keys) expect(keysIn(conversation).filter((content) => content.includes(key))).toHaveLength(1);
  }, 30_000);

  it(`retries the transient 412, 502, 503 and 504 the status table says to retry, and delivers once (${STATUS_TABLE})`, async () => {
    const connector = await connectorWith({ faults: { rate: 0.5, seed: 3 } });
    const conversations = Array.from({ length: 6 }, () => newChat(connector));
    await Promise.all(conversations.map((conversation, i) => poster.post(conversation, scorecard(`${i}`), `tandem:flaky-${i}:scorecard:2026-W47`)));
    expect(connector.stats.transient).toBeGreaterThan(0);
    for (const conversation of conversations) expect(messagesIn(conversation)).toHaveLength(1);
  }, 60_000);

  it('stops with ChatGoneError once the bot was removed from the chat (403 BotNotInConversationRoster: "App needs to be reinstalled")', async () => {
    const conversation = newChat();
    teams.chats.uninstall(conversation.conversation.id, teams.teamsApp);
    const error = await poster.post(conversation, scorecard('2026-W47'), 'tandem:removed:scorecard:2026-W47').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChatGoneError);
    expect(error).toMatchObject({ status: 403 });
    // Graph no longer shows the chat to the app either (its consent went with it): "not found", never a stop.
    expect(await poster.findPosted(conversation, 'tandem:removed:scorecard:2026-W47')).toBeNull();
    expect(warnings.some((warning) => warning.event === 'chat_history_unavailable')).toBe(true);
  });

  it('does not retry what the table says not to: 413 MessageSizeTooBig is one refusal', async () => {
    const conversation = newChat();
    const refused = teams.connector.stats.refused.get('MessageSizeTooBig') ?? 0;
    const huge = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(60_000) }] };
    const error = await poster.post(conversation, huge, 'tandem:huge:review:2026-W47').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ status: 413, code: 'MessageSizeTooBig' });
    expect((teams.connector.stats.refused.get('MessageSizeTooBig') ?? 0) - refused).toBe(1);
  });

  it('finds nothing, without stopping anything, where Graph answers 404 (a chat it does not know)', async () => {
    const unknown = { serviceUrl: teams.connector.url, conversation: { id: '19:not-in-graph@thread.v2' } };
    expect(await poster.findPosted(unknown, 'tandem:x:scorecard:2026-W47')).toBeNull();
  });

  describe('exactly once across a crash between "posted" and "recorded"', () => {
    const db = useTestDatabase('pglite');

    it('the retry finds the card through Graph, though the connector named no id (202), and records it: one card', async () => {
      const connector = await connectorWith({ acceptedWithoutId: { rate: 1, seed: 1 } });
      const conversation = newChat(connector);
      await ensureTenant(db(), { id: 'contoso', name: 'Contoso', verifiedDomains: ['contoso.com'] });
      const pairing = await createPairing(db(), { tenantId: 'contoso', mailbox: 'owner@contoso.com', owner: { address: 'owner@contoso.com' }, va: { address: 'va@contoso.com' }, conversationRef: conversation });
      const due = { pairingId: pairing.id, kind: 'scorecard' as const, period: '2026-W47', dueAt: Date.parse('2026-11-23T09:00:00Z'), late: false };
      const key = `tandem:${pairing.id}:scorecard:2026-W47`;
      // The first attempt's card reaches the chat, then the sender dies before it records anything.
      const crashing: DeliveryChannel = {
        send: async () => {
          await poster.post(conversation, scorecard('2026-W47'), key);
          throw new Error('killed between posted and recorded');
        },
        find: () => poster.findPosted(conversation, key),
      };
      await expect(deliverOnce(db(), due, crashing)).rejects.toThrow('killed');
      const retry: DeliveryChannel = { send: () => poster.post(conversation, scorecard('2026-W47'), key), find: () => poster.findPosted(conversation, key) };
      expect(await deliverOnce(db(), due, retry)).toBe('reconciled');
      expect(await deliverOnce(db(), due, retry)).toBe('skipped');
      expect(messagesIn(conversation)).toHaveLength(1);
      const [item] = await listPostedItems(db(), [pairing.id]);
      expect(item).toMatchObject({ state: 'sent', externalId: messagesIn(conversation)[0]!.id });
    });
  });

  it('without credentials (local mode) posts carry no token, which the faithful connector refuses with 401', async () => {
    const local = teamsChatPoster(null, graphChatHistory(graph), log);
    const conversation = newChat();
    const error = await local.post(conversation, scorecard('2026-W47'), 'tandem:local:scorecard:2026-W47').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401 });
    expect(messagesIn(conversation)).toHaveLength(0);
  });
});
