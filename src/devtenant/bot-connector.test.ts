// The bot connector stand-in on the wire, one documented behaviour per test (the page that states it in the name
// or beside it), with real Bot Framework tokens from the dev identity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsNetworkClient, identityAgent } from '../graph/https-network-client.ts';
import { startBotConnector, TEAMS_MESSAGE_LIMIT_BYTES, TEAMS_TENANT_RPS, TRANSIENT_STATUSES, type BotConnector } from './bot-connector.ts';
import { generateSigningKey } from './identity-tokens.ts';
import { startTeamsStandIn, type TeamsStandIn } from './teams-stand-in.ts';

const AUTH_PAGE = 'https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication';
const STATUS_TABLE = 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-codes-from-bot-conversational-apis';
const SPLIT_NOTE = 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages (note under "Send a message")';
const SPLIT_ISSUE = 'https://github.com/OfficeDev/BotBuilder-MicrosoftTeams/issues/125';
const RATE_LIMIT = 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit';
const SIZE_LIMIT = 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages';

const card = (marker: string) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: marker }] } });

describe('the bot connector stand-in', () => {
  let teams: TeamsStandIn;
  let token: string;
  let chat = 0;
  const newChat = () => {
    const id = `19:chat-${++chat}@thread.v2`;
    teams.addChat(id);
    return id;
  };

  async function tokenFor(clientId: string, clientSecret: string, scope = 'https://api.botframework.com/.default'): Promise<string> {
    const answer = await httpsNetworkClient(identityAgent(teams.identity.ca)).sendPostRequestAsync<{ access_token: string }>(teams.identity.openIdConfiguration().token_endpoint, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }).toString(),
    });
    return answer.body.access_token;
  }

  const post = (conversationId: string, body: unknown, options: { token?: string | null; url?: string } = {}) =>
    fetch(`${options.url ?? teams.connector.url}/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.token === null ? {} : { authorization: `Bearer ${options.token ?? token}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    teams = await startTeamsStandIn();
    token = await tokenFor(teams.bot.appId, teams.bot.appPassword);
  });
  afterAll(() => teams?.close());

  describe(`authentication (${AUTH_PAGE})`, () => {
    it('refuses a post without a bearer token: 401 with the connector\'s own body (MicrosoftDocs/bot-docs#1548)', async () => {
      const chatId = newChat();
      const response = await post(chatId, { type: 'message', attachments: [card('x')] }, { token: null });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Authorization has been denied for this request.' });
      expect(teams.chats.get(chatId)!.messages).toHaveLength(0);
    });

    it('refuses a token for another resource (a Graph token) and a token signed with another key', async () => {
      const chatId = newChat();
      const graphToken = await tokenFor(teams.graphApp.clientId, teams.graphApp.clientSecret!, 'https://graph.microsoft.com/.default');
      expect((await post(chatId, { type: 'message', attachments: [card('x')] }, { token: graphToken })).status).toBe(401);
      const [header, payload] = token.split('.');
      const other = await generateSigningKey();
      const { SignJWT, decodeJwt } = await import('jose');
      const forged = await new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'RS256', kid: other.kid }).sign(other.privateKey);
      expect((await post(chatId, { type: 'message', attachments: [card('x')] }, { token: forged })).status).toBe(401);
      expect((await post(chatId, { type: 'message', attachments: [card('x')] }, { token: `${header}.${payload}.bad` })).status).toBe(401);
      expect(teams.chats.get(chatId)!.messages).toHaveLength(0);
    });

    it(`refuses a valid token of an app with no bot registration: 401 BotNotRegistered (${STATUS_TABLE})`, async () => {
      const appToken = await tokenFor(teams.graphApp.clientId, teams.graphApp.clientSecret!);
      const response = await post(newChat(), { type: 'message', attachments: [card('x')] }, { token: appToken });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'BotNotRegistered', message: 'No registration found for this bot.' } });
    });
  });

  describe(`answers (${STATUS_TABLE})`, () => {
    it('answers 201 with the message id for a card alone; the chat holds it, its content a JSON string', async () => {
      const chatId = newChat();
      const response = await post(chatId, { type: 'message', attachments: [card('alone')] });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      const [message] = teams.chats.get(chatId)!.messages;
      expect(message).toMatchObject({ id, from: { id: teams.bot.appId, displayName: 'Tandem' } });
      expect(JSON.parse(message!.attachments[0]!.content!)).toEqual(card('alone').content);
    });

    it(`answers 202 with no body when Teams splits the activity: text plus a card, or several cards in list layout (${SPLIT_NOTE}; ${SPLIT_ISSUE})`, async () => {
      const chatId = newChat();
      const textAndCard = await post(chatId, { type: 'message', text: 'hello', attachments: [card('one')] });
      expect(textAndCard.status).toBe(202);
      expect(await textAndCard.text()).toBe('');
      const twoCards = await post(chatId, { type: 'message', attachments: [card('two'), card('three')] });
      expect(twoCards.status).toBe(202);
      // Four messages: the text, its card, and one per card of the list.
      expect(teams.chats.get(chatId)!.messages.map((message) => message.attachments.length)).toEqual([0, 1, 1, 1]);
      const carousel = await post(chatId, { type: 'message', attachmentLayout: 'carousel', attachments: [card('four'), card('five')] });
      expect(carousel.status).toBe(201);
    });

    it('answers 202 without an id to a share of single cards when told to, as bots have seen (microsoft/botframework-sdk#6155), yet stores them', async () => {
      const teams202 = await startBotConnector({ chats: teams.chats, identity: { issuer: teams.identity.openIdConfiguration().issuer, jwksUri: teams.identity.openIdConfiguration().jwks_uri, ca: teams.identity.ca }, bots: [{ appId: teams.bot.appId, name: 'Tandem' }], acceptedWithoutId: { rate: 1, seed: 1 } });
      try {
        const chatId = newChat();
        const response = await post(chatId, { type: 'message', attachments: [card('no id')] }, { url: teams202.url });
        expect(response.status).toBe(202);
        expect(teams.chats.get(chatId)!.messages).toHaveLength(1);
      } finally {
        await teams202.close();
      }
    });

    it('answers 404 ConversationNotFound for a conversation it does not know', async () => {
      const response = await post('19:nowhere@thread.v2', { type: 'message', attachments: [card('x')] });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    });

    it('answers 403 BotNotInConversationRoster once the app was removed from the chat', async () => {
      const chatId = newChat();
      expect((await post(chatId, { type: 'message', attachments: [card('before')] })).status).toBe(201);
      teams.chats.uninstall(chatId, teams.teamsApp);
      const response = await post(chatId, { type: 'message', attachments: [card('after')] });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'BotNotInConversationRoster', message: "The bot isn't part of the conversation roster." } });
      expect(teams.chats.get(chatId)!.messages).toHaveLength(1);
    });

    it(`answers 413 MessageSizeTooBig over 100 KB counted in UTF-16 (${SIZE_LIMIT})`, async () => {
      const chatId = newChat();
      const filler = (chars: number) => ({ type: 'message', attachments: [card('x'.repeat(chars))] });
      const overhead = JSON.stringify(filler(0)).length;
      const under = await post(chatId, filler(TEAMS_MESSAGE_LIMIT_BYTES / 2 - overhead));
      expect(under.status).toBe(201);
      const over = await post(chatId, filler(TEAMS_MESSAGE_LIMIT_BYTES / 2 - overhead + 1));
      expect(over.status).toBe(413);
      expect(await over.json()).toEqual({ error: { code: 'MessageSizeTooBig', message: 'Message size too large.' } });
    });

    it('has no way to list a conversation\'s activities: what a bot posted is read through Graph', async () => {
      const chatId = newChat();
      const response = await fetch(`${teams.connector.url}/v3/conversations/${encodeURIComponent(chatId)}/activities`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(404);
    });
  });

  describe(`limits (${RATE_LIMIT})`, () => {
    it('answers 429 Throttled with Retry-After past 7 posts a second in one conversation', async () => {
      const chatId = newChat();
      const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => post(chatId, { type: 'message', attachments: [card(`burst ${i}`)] })));
      const throttled = answers.filter((answer) => answer.status === 429);
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(7);
      expect(throttled).toHaveLength(2);
      expect(Number(throttled[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await throttled[0]!.json()).toEqual({ error: { code: 'Throttled', message: 'Too many requests.' } });
    });

    it(`answers 429 past ${TEAMS_TENANT_RPS} requests a second for one app in one tenant, across conversations`, async () => {
      const chatIds = Array.from({ length: TEAMS_TENANT_RPS + 2 }, () => newChat());
      const answers = await Promise.all(chatIds.map((chatId) => post(chatId, { type: 'message', attachments: [card('fan-out')] })));
      expect(answers.filter((answer) => answer.status === 201).length).toBeLessThanOrEqual(TEAMS_TENANT_RPS);
      expect(answers.some((answer) => answer.status === 429)).toBe(true);
    });

    it(`refuses with exactly the transient statuses the table says to retry (412, 502, 503, 504), storing nothing (${STATUS_TABLE}, "Status codes retry guidance")`, async () => {
      const flaky: BotConnector = await startBotConnector({
        chats: teams.chats,
        identity: { issuer: teams.identity.openIdConfiguration().issuer, jwksUri: teams.identity.openIdConfiguration().jwks_uri, ca: teams.identity.ca },
        bots: [{ appId: teams.bot.appId, name: 'Tandem' }],
        faults: { rate: 1, seed: 7 },
        limits: [],
        tenantRequestsPerSecond: null,
      });
      try {
        const chatId = newChat();
        const statuses = new Set<number>();
        for (let i = 0; i < 40; i++) statuses.add((await post(chatId, { type: 'message', attachments: [card(`try ${i}`)] }, { url: flaky.url })).status);
        expect([...statuses].sort()).toEqual([...TRANSIENT_STATUSES].sort());
        expect(teams.chats.get(chatId)!.messages).toHaveLength(0);
      } finally {
        await flaky.close();
      }
    });
  });
});
