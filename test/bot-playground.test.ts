// The bot through a real Teams-like client: the Microsoft 365 Agents Playground, headless, talks to the real app
// over HTTP. The bot is installed in the group chat, onboarding runs, and both sides fill in the feedback form.
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { silentLogger } from '../src/log.ts';
import { createApp } from '../src/server/app.ts';
import { listFeedback } from '../src/store/feedback.ts';
import { findPairingByConversation } from '../src/store/pairings.ts';
import { useTestDatabase } from './support/databases.ts';
import { freePort, startPlayground, type Playground, type StreamedMessage } from './support/playground-driver.ts';

const texts = (card: Record<string, unknown> | null): string => JSON.stringify(card ?? {});

describe('the bot in the Agents Playground', () => {
  const db = useTestDatabase('pglite');
  let server: ServerType;
  let playground: Playground;

  beforeAll(async () => {
    const port = await freePort();
    const bot = botRoute({ db: db(), clock: { now: () => Date.now() }, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null);
    server = serve({ fetch: createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot }).fetch, hostname: '127.0.0.1', port });
    playground = await startPlayground(`http://127.0.0.1:${port}/api/messages`);
  }, 90_000);
  afterAll(async () => {
    await playground?.close();
    server?.close();
  });

  it('installs, onboards and collects both sides of the feedback', async () => {
    const chat = playground.groupChatId;
    const owner = playground.me;
    const va = playground.users[0]!;
    await playground.install(chat);
    const welcome = await playground.waitFor((message) => texts(message.card).includes('Hello from Tandem'));
    expect(texts(welcome.card)).toContain(va.email);

    const setup = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    const response = await playground.execute(chat, owner.id, welcome.messageId, 'setup.submit', setup);
    expect(JSON.stringify(response)).toContain('Tandem settings');
    const pairing = await findPairingByConversation(db(), chat);
    expect(pairing).toMatchObject({ mailbox: owner.email, owner: { userId: owner.aadObjectId }, va: { userId: va.aadObjectId } });

    const seen = playground.messages.length;
    await playground.say(chat, owner.id, 'feedback');
    const form: StreamedMessage = await playground.waitFor((message) => playground.messages.indexOf(message) >= seen && texts(message.card).includes('Weekly check-in'));
    const week = /Weekly check-in for (\d{4}-W\d{2})/.exec(texts(form.card))![1]!;
    const data = { pairingId: pairing!.id, week };
    const ownerView = await playground.execute(chat, owner.id, form.messageId, 'feedback.submit', { ...data, wentWell: 'Fast answers', improve: 'Flag legal mail', nextTime: 'Monday plan', kpisFair: 'yes' });
    expect(JSON.stringify(ownerView)).toContain('Fast answers');
    const summary = await playground.execute(chat, va.id, form.messageId, 'feedback.submit', { ...data, wentWell: 'Clear priorities', needFromOwner: 'Templates', support: 'Pricing', involved: '4' });
    expect(JSON.stringify(summary)).toContain('both of you answered');
    // The card in the chat became the summary for everyone.
    await playground.waitFor((message) => message.messageId === form.messageId && message.action !== 'createMessage' && texts(message.card).includes('both of you answered'));
    expect((await listFeedback(db(), pairing!.id)).map((entry) => entry.author)).toEqual(['owner', 'va']);

    await playground.say(chat, va.id, 'what can you do?');
    await playground.waitFor((message) => texts(message.card).includes('Sorry, I did not understand'));
  }, 90_000);
});
