// The bot through a real Teams-like client: the Microsoft 365 Agents Playground, headless, talks to the real app
// over HTTP. The bot is installed in the group chat, onboarding runs, and both sides fill in the feedback form.
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import type { BotDependencies } from '../bot/turn-context.ts';
import { postScorecardNow, type DeliveryContext } from '../src/jobs/deliveries.ts';
import type { PlaygroundChat } from '../src/devtenant/playground.ts';
import { silentLogger } from '../src/log.ts';
import { conversationRefSchema } from '../src/ports/chat.ts';
import { teamsChatPoster } from '../src/wiring/chat.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { listFeedback } from '../src/store/feedback.ts';
import { createPairing, findPairingByConversation } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import type { Database } from '../src/store/database.ts';
import { useTestDatabase } from './support/databases.ts';
import { freePort, startPlayground, type Playground, type StreamedMessage } from './support/playground-driver.ts';
import { acceptingMail, emptyMailbox } from './support/fakes.ts';
import { deliveryServices, services } from './support/services.ts';

const texts = (card: Record<string, unknown> | null): string => JSON.stringify(card ?? {});

/** The app's bot on a free port and a Playground talking to it, for the describe block it is called in. */
function botInPlayground(db: () => Database, chat?: PlaygroundChat, demo?: (db: Database) => BotDependencies['postScorecardNow']): () => Playground {
  let server: ServerType | undefined;
  let started: Playground | undefined;
  beforeAll(async () => {
    const port = await freePort();
    const postScorecardNow = demo?.(db());
    const bot = botRoute({ ...services(db()), db: db(), clock: { now: () => Date.now() }, log: silentLogger, teamsAppId: null, consentUrl: async () => null, ...(postScorecardNow === undefined ? {} : { postScorecardNow }) }, null);
    server = serve({ fetch: createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot }).fetch, hostname: '127.0.0.1', port });
    started = await startPlayground(`http://127.0.0.1:${port}/api/messages`, chat);
  }, 90_000);
  afterAll(async () => {
    await started?.close();
    server?.close();
  });
  return () => started!;
}

describe('the bot in the Agents Playground', () => {
  const db = useTestDatabase('pglite');
  const playground = botInPlayground(db);

  it('installs, onboards and collects both sides of the feedback', async () => {
    const chat = playground().groupChatId;
    const owner = playground().me;
    const va = playground().users[0]!;
    await playground().install(chat);
    const welcome = await playground().waitFor((message) => texts(message.card).includes('Hello from Tandem'));
    expect(texts(welcome.card)).toContain(va.email);

    const setup = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    const response = await playground().execute(chat, owner.id, welcome.messageId, 'setup.submit', setup);
    expect(JSON.stringify(response)).toContain('Tandem settings');
    const pairing = await findPairingByConversation(db(), chat);
    expect(pairing).toMatchObject({ mailbox: owner.email, owner: { userId: owner.aadObjectId }, va: { userId: va.aadObjectId } });

    const seen = playground().messages.length;
    await playground().say(chat, owner.id, 'feedback');
    const form: StreamedMessage = await playground().waitFor((message) => playground().messages.indexOf(message) >= seen && texts(message.card).includes('Check-in for the week of'));
    // The ISO week is the card's data (what its buttons send), not its text.
    const week = /"week":"(\d{4}-W\d{2})"/.exec(JSON.stringify(form.card))![1]!;
    const data = { pairingId: pairing!.id, week };
    const ownerView = await playground().execute(chat, owner.id, form.messageId, 'feedback.submit', { ...data, wentWell: 'Fast answers', improve: 'Flag legal mail', nextTime: 'Monday plan', kpisFair: 'yes' });
    expect(JSON.stringify(ownerView)).toContain('Fast answers');
    const summary = await playground().execute(chat, va.id, form.messageId, 'feedback.submit', { ...data, wentWell: 'Clear priorities', needFromOwner: 'Templates', support: 'Pricing', involved: '4' });
    expect(JSON.stringify(summary)).toContain('both of you answered');
    // Everyone's copy of the card in the chat says both answered; the answers stay in the two's own views.
    const updated = await playground().waitFor((message) => message.messageId === form.messageId && message.action !== 'createMessage' && texts(message.card).includes('both of you answered'));
    expect(texts(updated.card)).not.toMatch(/Fast answers|Clear priorities/);
    expect((await listFeedback(db(), pairing!.id)).map((entry) => entry.author)).toEqual(['owner', 'va']);

    await playground().say(chat, va.id, 'what can you do?');
    await playground().waitFor((message) => texts(message.card).includes('Sorry, I did not understand'));

    // What the jobs post reaches the chat through the production poster (CloudAdapter) without credentials, as
    // local mode wires it: the Playground sends no token and expects none.
    const poster = teamsChatPoster(null, { async *recent() {} }, silentLogger);
    const stored = conversationRefSchema.parse((await findPairingByConversation(db(), chat))!.conversationRef);
    await poster.post(stored, { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Proactive check-in from the jobs' }] }, `tandem:${pairing!.id}:monthly_question:2026-11`);
    await playground().waitFor((message) => texts(message.card).includes('Proactive check-in from the jobs'));
  }, 90_000);
});

describe('the Agents Playground as the local demo starts it', () => {
  const db = useTestDatabase('pglite');
  const chat = {
    tenantId: '4cc0e015-2028-4ef6-a563-98e41903c84b',
    owner: { id: '0dd1c6d2-e445-4764-a8f0-9598ea932d0f', name: 'Lynne Berg', email: 'lynne.berg@contoso.example' },
    va: { id: '7d2c3348-e34c-4fab-a090-6c14d7f445ce', name: 'Yara Graham', email: 'yara.graham@contoso.example' },
    colleagues: [1, 2, 3, 4].map((n) => ({ id: `0dd1c6d2-e445-4764-a8f0-00000000000${n}`, name: `Colleague ${n}`, email: `colleague${n}@contoso.example` })),
  };
  const playground = botInPlayground(db, chat);

  it("chats as the dev tenant's owner and VA, so setting up takes over the demo pairing with its history", async () => {
    await ensureTenant(db(), { id: chat.tenantId, name: 'Contoso (dev tenant)', verifiedDomains: ['contoso.example'] });
    const demo = await createPairing(db(), { tenantId: chat.tenantId, mailbox: chat.owner.email, owner: { address: chat.owner.email, userId: chat.owner.id }, va: { address: chat.va.email, userId: chat.va.id } });
    expect([playground().me.aadObjectId, playground().users[0]?.aadObjectId]).toEqual([chat.owner.id, chat.va.id]);
    await playground().install(playground().groupChatId);
    const welcome = await playground().waitFor((message) => texts(message.card).includes('Hello from Tandem'));
    const setup = { owner: chat.owner.id, va: chat.va.id, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    expect(JSON.stringify(await playground().execute(playground().groupChatId, playground().me.id, welcome.messageId, 'setup.submit', setup))).toContain('Tandem settings');
    expect((await findPairingByConversation(db(), playground().groupChatId))?.id).toBe(demo.id);
  }, 90_000);
});

describe("the local demo: 'scorecard now' posts the scheduled scorecard through the jobs' path", () => {
  const db = useTestDatabase('pglite');
  // As src/wiring/start.ts wires local mode: the delivery's read, the ritual renderer and the production poster
  // (CloudAdapter's continueConversationAsync, no credentials: the Playground sends no token and expects none).
  const playground = botInPlayground(db, undefined, (database) => {
    const ctx: DeliveryContext = { ...deliveryServices(database), db: database, chat: teamsChatPoster(null, { async *recent() {} }, silentLogger), mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => Date.now() }, log: silentLogger };
    return (pairingId) => postScorecardNow(ctx, pairingId);
  });

  it('posts the scorecard proactively into the Playground chat, outside the ledger', async () => {
    const chat = playground().groupChatId;
    const owner = playground().me;
    const va = playground().users[0]!;
    await playground().install(chat);
    const welcome = await playground().waitFor((message) => texts(message.card).includes('Hello from Tandem'));
    const setup = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    await playground().execute(chat, owner.id, welcome.messageId, 'setup.submit', setup);
    const pairing = (await findPairingByConversation(db(), chat))!;

    const seen = playground().messages.length;
    await playground().say(chat, va.id, 'scorecard now');
    const card = await playground().waitFor((message) => playground().messages.indexOf(message) >= seen && texts(message.card).includes('Scorecard for the week of'));
    // The jobs' card carries its key for findPosted; the demo's key is its own, so the week's real delivery still goes out.
    expect(texts(card.card)).toContain(`tandem-demo:${pairing.id}:scorecard:`);
    expect(await db().query('select 1 from posted_items where pairing_id = $1', [pairing.id])).toEqual([]);
  }, 90_000);
});
