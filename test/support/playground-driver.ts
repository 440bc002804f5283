// Drives the Microsoft 365 Agents Playground (pinned 0.2.28) headless, as a Teams-like client of the bot: its
// internal HTTP API installs the bot and sends messages and card actions, its WebSocket stream shows what the
// bot posted and updated. That API is internal to the tool, so all knowledge of it stays in this one helper.
import { createServer } from 'node:net';
import WebSocket from 'ws';
import { launchPlayground, playgroundCli, type PlaygroundChat } from '../../src/devtenant/playground.ts';

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly email: string;
}

export interface StreamedMessage {
  readonly action: string;
  readonly conversationId: string;
  readonly messageId: string;
  readonly card: Record<string, unknown> | null;
}

export interface Playground {
  readonly url: string;
  readonly groupChatId: string;
  readonly me: PlaygroundUser;
  readonly users: readonly PlaygroundUser[];
  readonly messages: StreamedMessage[];
  install(conversationId: string): Promise<void>;
  /** Sends `text` from a user, @mentioning the bot. */
  say(conversationId: string, from: string, text: string): Promise<void>;
  /** An Action.Execute click on the card in message `replyToId`; returns the bot's invoke response. */
  execute(conversationId: string, from: string, replyToId: string, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Waits until a streamed message matches. */
  waitFor(match: (message: StreamedMessage) => boolean, timeoutMs?: number): Promise<StreamedMessage>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

type Json = Record<string, unknown>;

function cardOf(message: Json): Json | null {
  const attachments = (message.attachments as Array<{ contentType: string; content: Json }> | undefined) ?? [];
  return attachments.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null;
}

/** Starts the Playground against a bot endpoint, with no browser, and connects to its stream. */
export async function startPlayground(botEndpoint: string, chat?: PlaygroundChat): Promise<Playground> {
  const port = await freePort();
  const cli = playgroundCli();
  if (cli === null) throw new Error('@microsoft/m365agentsplayground is not installed (a dev dependency)');
  const running = await launchPlayground(cli, botEndpoint, port, chat);
  const url = running.url;
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
    const text = await response.text();
    if (!response.ok) throw new Error(`Playground ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text === '' ? null : JSON.parse(text);
  };
  const { config } = (await call('/_internal/v1/config')) as { config: { bot: { id: string; name: string }; currentUser: Json; users: Json[]; groupChats: Array<{ id: string }> } };
  const person = (user: Json): PlaygroundUser => ({ id: String(user.id), name: String(user.name), aadObjectId: String(user.aadObjectId), email: String(user.email) });

  const messages: StreamedMessage[] = [];
  const waiters = new Set<() => void>();
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as { action?: string; actionConversationId?: string; message?: Json };
    if (event.message === undefined) return;
    messages.push({ action: String(event.action), conversationId: String(event.actionConversationId), messageId: String(event.message.messageId), card: cardOf(event.message) });
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  return {
    url,
    groupChatId: config.groupChats[0]!.id,
    me: person(config.currentUser),
    users: config.users.map(person),
    messages,
    async install(conversationId) {
      const template = await call(`/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}&type=botAdded`);
      await call('/_internal/v1/customActivities', { method: 'POST', body: JSON.stringify(template) });
    },
    async say(conversationId, from, text) {
      // In a group chat the bot only hears what @mentions it, as in Teams.
      const mention = `<at>${config.bot.name}</at>`;
      const body = { from: { id: from }, text: `${mention} ${text}`, textFormat: 'plain', mentions: [{ mentioned: { id: config.bot.id }, text: mention }] };
      await call(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { method: 'POST', body: JSON.stringify(body) });
    },
    async execute(conversationId, from, replyToId, verb, data) {
      const body = { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, from: { id: from }, conversation: { id: conversationId }, replyToId };
      return (await call('/_conversation/v1/invoke', { method: 'POST', body: JSON.stringify(body) })) as Record<string, unknown>;
    },
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message from the bot; got ${JSON.stringify(messages.map((message) => [message.action, message.messageId, JSON.stringify(message.card).slice(0, 80)]))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      socket.close();
      await running.close();
    },
  };
}
