// The dev Graph's chat messages as "List messages in a chat" documents them
// (https://learn.microsoft.com/en-us/graph/api/chat-list-messages), read with Tandem's own Graph client and the
// Entra app whose only access is the Teams app's resource-specific consent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppAuth } from '../graph/auth.ts';
import { graphChatHistory } from '../graph/chat-history.ts';
import { createGraphClient, GraphError, type GraphClient } from '../graph/graph-client.ts';
import { ChatHistoryUnavailableError } from '../ports/chat.ts';
import { startTeamsStandIn, type TeamsStandIn } from './teams-stand-in.ts';

const LIST_MESSAGES = 'https://learn.microsoft.com/en-us/graph/api/chat-list-messages';
const GET_MESSAGE = 'https://learn.microsoft.com/en-us/graph/api/chatmessage-get';
const RSC = 'https://learn.microsoft.com/en-us/microsoftteams/platform/graph-api/rsc/resource-specific-consent';

const card = (n: number) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', id: `card-${n}`, text: `Card ${n}` }] } });

describe('the dev Graph\'s chat messages', () => {
  let teams: TeamsStandIn;
  let graph: GraphClient;
  let botGraph: GraphClient;
  const CHAT = '19:graph-chat@thread.v2';
  const ids: string[] = [];

  async function refusal(path: string, client = graph): Promise<GraphError> {
    try {
      await client.get(path);
    } catch (error) {
      if (error instanceof GraphError) return error;
      throw error;
    }
    throw new Error(`${path} was answered`);
  }

  beforeAll(async () => {
    teams = await startTeamsStandIn();
    const retry = { maxRetries: 0 };
    graph = createGraphClient({ auth: createAppAuth(teams.graphApp), baseUrl: teams.graphApp.graphBaseUrl, trustedCaPem: teams.graphApp.trustedCaPem, retry });
    // The bot's own registration holds no Graph permission and no consent in the chat.
    const botApp = { tenantId: teams.tenantId, clientId: teams.bot.appId, clientSecret: teams.bot.appPassword, authorityHost: teams.bot.authorityHost, authorityMetadata: teams.bot.authorityMetadata, trustedCaPem: teams.bot.trustedCaPem };
    botGraph = createGraphClient({ auth: createAppAuth(botApp), baseUrl: teams.graphApp.graphBaseUrl, trustedCaPem: teams.graphApp.trustedCaPem, retry });
    teams.addChat(CHAT);
    for (let n = 0; n < 120; n++) ids.push(...teams.chats.post(CHAT, { id: teams.bot.appId, displayName: 'Tandem' }, [{ text: null, attachments: [card(n)] }]));
  });
  afterAll(async () => {
    await graph?.close();
    await botGraph?.close();
    await teams?.close();
  });

  it(`lists newest first, 50 at most a page, with @odata.nextLink to the end and nothing twice (${LIST_MESSAGES})`, async () => {
    const seen: string[] = [];
    let next: string | undefined = `/chats/${encodeURIComponent(CHAT)}/messages?$top=50`;
    let pages = 0;
    while (next !== undefined) {
      const page = (await graph.get(next)) as { value: Array<{ id: string }>; '@odata.nextLink'?: string };
      expect(page.value.length).toBeLessThanOrEqual(50);
      seen.push(...page.value.map((message) => message.id));
      next = page['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('refuses $top over 50 and an ascending or other $orderby ("Maximum allowed $top value is 50"; "descending order … ascending order is currently not supported")', async () => {
    expect((await refusal(`/chats/${encodeURIComponent(CHAT)}/messages?$top=51`)).statusCode).toBe(400);
    expect((await refusal(`/chats/${encodeURIComponent(CHAT)}/messages?$orderby=createdDateTime%20asc`)).statusCode).toBe(400);
    expect((await refusal(`/chats/${encodeURIComponent(CHAT)}/messages?$orderby=subject`)).statusCode).toBe(400);
  });

  it('orders by createdDateTime on request and applies $filter only with $orderby on the same property', async () => {
    const cutoff = new Date(Number(ids[100])).toISOString();
    const filtered = (await graph.get(`/chats/${encodeURIComponent(CHAT)}/messages?$top=50&$orderby=createdDateTime%20desc&$filter=createdDateTime%20lt%20${cutoff}`)) as { value: Array<{ id: string }> };
    expect(filtered.value[0]!.id).toBe(ids[99]);
    const ignored = (await graph.get(`/chats/${encodeURIComponent(CHAT)}/messages?$top=5&$filter=createdDateTime%20lt%20${cutoff}`)) as { value: Array<{ id: string }> };
    expect(ignored.value[0]!.id).toBe(ids[119]);
  });

  it(`shows a bot's card as Graph does: from.application (bot), an <attachment> body, the card's content as a JSON string (${GET_MESSAGE})`, async () => {
    const page = (await graph.get(`/chats/${encodeURIComponent(CHAT)}/messages?$top=1`)) as { value: Array<Record<string, unknown>> };
    const message = page.value[0]!;
    const attachment = (message['attachments'] as Array<Record<string, unknown>>)[0]!;
    expect(message).toMatchObject({
      id: ids[119],
      messageType: 'message',
      chatId: CHAT,
      from: { application: { id: teams.bot.appId, displayName: 'Tandem', applicationIdentityType: 'bot' }, user: null },
      body: { contentType: 'html', content: `<attachment id="${String(attachment['id'])}"></attachment>` },
    });
    expect(attachment).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, name: null, thumbnailUrl: null });
    expect(typeof attachment['content']).toBe('string');
    expect(JSON.parse(String(attachment['content']))).toEqual(card(119).content);
  });

  it(`lets an app read only a chat where its Teams app holds ChatMessage.Read.Chat (${RSC}); 404 for a chat it does not know`, async () => {
    const forbidden = await refusal(`/chats/${encodeURIComponent(CHAT)}/messages`, botGraph);
    expect(forbidden).toMatchObject({ statusCode: 403, code: 'Forbidden' });
    expect(forbidden.message).toMatch(/^Missing role permissions on the request\. API requires one of 'ChatMessage\.Read\.Chat, Chat\.Read\.All, Chat\.ReadWrite\.All'/);
    expect(await refusal(`/chats/${encodeURIComponent('19:unknown@thread.v2')}/messages`)).toMatchObject({ statusCode: 404 });
  });

  it('feeds Tandem\'s ChatHistory: newest first up to the limit; a removed app (grant gone) or an unknown chat is "unavailable"', async () => {
    const history = graphChatHistory(graph);
    const seen: string[] = [];
    for await (const message of history.recent(CHAT, 70)) seen.push(message.id);
    expect(seen).toEqual([...ids].reverse().slice(0, 70));

    const gone = '19:removed@thread.v2';
    teams.addChat(gone);
    teams.chats.uninstall(gone, teams.teamsApp);
    for (const chatId of [gone, '19:unknown@thread.v2']) {
      const read = async () => {
        for await (const message of history.recent(chatId, 10)) void message;
      };
      await expect(read()).rejects.toBeInstanceOf(ChatHistoryUnavailableError);
    }
  });
});
