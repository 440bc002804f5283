// The bot end to end through the real app: real-shaped Teams activities posted to /api/messages, replies read
// back from a fake Bot Framework connector (the activities' serviceUrl), rows read back from the database.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { jsonLogger, silentLogger } from '../src/log.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { listFeedback } from '../src/store/feedback.ts';
import { listLeave } from '../src/store/leave.ts';
import { createPairing, findPairingByConversation, getPairing } from '../src/store/pairings.ts';
import { upsertTasks } from '../src/store/tasks.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { actionActivity, chatUser, installActivity, messageActivity, removeActivity, submitActivity, TENANT_ID, type ChatOptions } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { services } from './support/services.ts';
import { TASKS } from './support/tasks.ts';
import { marked } from '../src/i18n/status-marks.ts';
import type { TaskChoiceList, TaskChoicesRequest } from '../src/ports/tasks.ts';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const owner = chatUser('Olivia Owner', 'olivia@contoso.example');
const va = chatUser('Victor Assistant', 'victor@assist.example');
const bystander = chatUser('Bea Bystander', 'bea@contoso.example');

type Json = Record<string, unknown>;

/** Every element or action in a card, depth first. */
function walk(node: unknown, visit: (item: Json) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Json);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}
function input(card: Json, id: string): Json | undefined {
  let found: Json | undefined;
  walk(card, (item) => {
    if (found === undefined && typeof item.type === 'string' && item.type.startsWith('Input.') && item.id === id) found = item;
  });
  return found;
}
function texts(card: Json): string[] {
  const out: string[] = [];
  walk(card, (item) => {
    if (item.type === 'TextBlock') out.push(String(item.text));
  });
  return out;
}
/** The error line right after input `id` in its container (where the bot puts the field's error), without its mark. */
function errorAfter(card: Json, id: string): string | null {
  let result: string | null = null;
  walk(card, (item) => {
    for (const list of [item.body, item.items]) {
      if (!Array.isArray(list)) continue;
      const at = list.findIndex((element: Json) => element.id === id);
      const next = list[at + 1] as Json | undefined;
      if (at >= 0 && next?.type === 'TextBlock' && next.id === `${id}-error`) result = String(next.text).replace(/^⚠ /, '');
    }
  });
  return result;
}

describe.each(testEngines())('the bot through /api/messages on %s', (engine) => {
  const db = useTestDatabase(engine);
  let connector: FakeConnector;
  let app: ReturnType<typeof createApp>;
  let chat: ChatOptions;

  beforeAll(async () => {
    connector = await startFakeConnector();
    chat = { serviceUrl: connector.url, conversationId: '19:meeting_e2e@thread.v2' };
    connector.setRoster(chat.conversationId, [
      { ...owner, email: owner.email },
      { ...va, email: va.email },
      { ...bystander, userPrincipalName: bystander.email },
    ]);
    const bot = botRoute({ ...services(db()), db: db(), clock: { now: () => NOW }, log: jsonLogger((line) => console.error(line)), teamsAppId: '00000000-0000-4000-8000-0000000000aa', consentUrl: async () => null }, null);
    app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot });
  });
  afterAll(async () => connector.close());

  async function send(activity: unknown): Promise<{ status: number; body: Json | null }> {
    connector.clear();
    const response = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as Json) };
  }
  const invokeCard = (body: Json | null) => {
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    return body!.value as Json;
  };

  it('welcomes on install with the chat members to choose from', async () => {
    const { status } = await send(installActivity(chat, owner));
    expect(status).toBe(200);
    const [welcome] = connector.cards();
    expect(welcome?.method).toBe('reply');
    const ownerChoice = input(welcome!.card, 'owner')!;
    expect((ownerChoice.choices as Json[]).map((choice) => choice.value)).toEqual([owner.aadObjectId, va.aadObjectId, bystander.aadObjectId]);
    expect(ownerChoice.value).toBe(owner.aadObjectId);
    expect(input(welcome!.card, 'mailbox')!.value).toBe(owner.email);
    expect(input(welcome!.card, 'timeZone')!.value).toBe('Europe/Copenhagen');
    expect(input(welcome!.card, 'targetPct')!.value).toBe(90);
  });

  it('offers the owner mailbox’s own time zone and working hours as the defaults, when Graph can read them', async () => {
    const withMailbox = botRoute(
      {
        ...services(db()),
        db: db(),
        clock: { now: () => NOW },
        log: silentLogger,
        teamsAppId: null,
        consentUrl: async () => null,
        mailboxDefaults: async (address) =>
          address === owner.email
            ? { timeZone: 'W. Europe Standard Time', workingHours: { daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '16:30:00.0000000', timeZone: 'W. Europe Standard Time' }, locale: 'da-DK' }
            : null,
      },
      null,
    );
    const other = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot: withMailbox });
    connector.clear();
    const mailboxChat: ChatOptions = { serviceUrl: connector.url, conversationId: '19:mailbox-defaults@thread.v2' };
    connector.setRoster(mailboxChat.conversationId, [owner, va]);
    const response = await other.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(installActivity(mailboxChat, owner)) });
    expect(response.status).toBe(200);
    const welcome = connector.cards()[0]!.card;
    // Exchange's Windows name, offered as its IANA zone in a searchable list of friendly names.
    const zone = input(welcome, 'timeZone')!;
    expect(zone).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', value: 'Europe/Berlin', isRequired: true });
    const choices = zone.choices as Array<{ title: string; value: string }>;
    expect(choices.find((choice) => choice.value === 'Europe/Berlin')!.title).toMatch(/^Central European Time \(Berlin, Amsterdam, .*Copenhagen.*\) · UTC\+0[12]:00$/);
    expect(input(welcome, 'workStart')!.value).toBe('08:00');
    expect(input(welcome, 'workEnd')!.value).toBe('16:30');

    // Another choice from the list, submitted as the card sends it, becomes the pairing's zone.
    const newYork = choices.find((choice) => choice.title.includes('New York'))!;
    expect(newYork.title).toMatch(/^Eastern Time \(.*New York.*\) · UTC-0[45]:00$/);
    const setupHere = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: newYork.value, workStart: '08:00', workEnd: '16:30', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    const submitted = await other.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(actionActivity(mailboxChat, owner, 'setup.submit', setupHere)) });
    expect(submitted.status).toBe(200);
    expect((await findPairingByConversation(db(), mailboxChat.conversationId))!.settings.timeZone).toBe(newYork.value);
  });

  it('takes over a pairing set up outside any chat for the same people, with its history, instead of starting a new one', async () => {
    await ensureTenant(db(), { id: TENANT_ID, name: 'Contoso', verifiedDomains: [] });
    const waiting = await createPairing(db(), { tenantId: TENANT_ID, mailbox: owner.email, owner: { address: owner.email }, va: { address: va.email }, settings: { timeZone: 'Europe/Copenhagen', workingHours: { daysOfWeek: ['monday', 'tuesday'] } } });
    // Someone else's pairing for the same mailbox (another VA) is not this chat's.
    const other = await createPairing(db(), { tenantId: TENANT_ID, mailbox: owner.email, owner: { address: owner.email }, va: { address: bystander.email } });
    const linkChat: ChatOptions = { serviceUrl: connector.url, conversationId: '19:link-existing@thread.v2' };
    connector.setRoster(linkChat.conversationId, [owner, va, bystander]);
    await send(installActivity(linkChat, owner));
    const { body } = await send(actionActivity(linkChat, owner, 'setup.submit', { ...setup, targetPct: '80' }));
    expect(texts(invokeCard(body))).toContain('Tandem settings');
    const linked = await findPairingByConversation(db(), linkChat.conversationId);
    expect(linked).toMatchObject({ id: waiting.id, owner: { userId: owner.aadObjectId }, va: { userId: va.aadObjectId } });
    // The form's choices apply; what the form does not ask keeps the pairing's own value.
    expect(linked!.settings).toMatchObject({ responseTargetPct: 80, workingHours: { daysOfWeek: ['monday', 'tuesday'], startTime: '08:00', endTime: '16:00' } });
    expect((await getPairing(db(), other.id))!.conversationRef).toBeNull();
    // Linked once: a second chat for the same people gets a pairing of its own.
    const second: ChatOptions = { serviceUrl: connector.url, conversationId: '19:link-second@thread.v2' };
    connector.setRoster(second.conversationId, [owner, va]);
    await send(actionActivity(second, owner, 'setup.submit', setup));
    expect((await findPairingByConversation(db(), second.conversationId))!.id).not.toBe(waiting.id);
  });

  it('reads every page of a large chat’s roster', async () => {
    const big: ChatOptions = { serviceUrl: connector.url, conversationId: '19:big@thread.v2' };
    const crowd = Array.from({ length: 230 }, (_, i) => chatUser(`Member ${i}`, `member${i}@contoso.example`));
    connector.setRoster(big.conversationId, [owner, ...crowd]);
    await send(installActivity(big, owner));
    const welcome = connector.cards()[0]!.card;
    const choices = input(welcome, 'owner')!.choices as Json[];
    // All pages were read (the owner chosen by default is first), and the list stays within the card's size limit.
    expect(choices).toHaveLength(50);
    expect(choices[0]).toMatchObject({ value: owner.aadObjectId });
    expect(Buffer.byteLength(JSON.stringify(welcome))).toBeLessThan(28 * 1024);
    const { body } = await send(actionActivity(big, owner, 'setup.submit', { ...setup, va: crowd.at(-1)!.aadObjectId }));
    expect(JSON.stringify(body)).toContain('Tandem settings');
  });

  const setup = {
    owner: owner.aadObjectId,
    va: va.aadObjectId,
    mailbox: '',
    timeZone: 'Europe/Copenhagen',
    workStart: '08:00',
    workEnd: '16:00',
    targetPct: '85',
    windowHours: '24',
    inboxZeroDay: 'friday',
    inboxZeroCutoff: '17:00',
  };

  it('shows setup errors next to the fields and keeps what was typed', async () => {
    const { body } = await send(actionActivity(chat, owner, 'setup.submit', { ...setup, va: owner.aadObjectId, timeZone: 'Mars/Olympus', targetPct: '85' }));
    const card = invokeCard(body);
    expect(errorAfter(card, 'va')).toBe('The owner and the VA must be two different people.');
    expect(errorAfter(card, 'timeZone')).toContain('Choose a time zone from the list.');
    expect(input(card, 'timeZone')!.value).toBe('Mars/Olympus');
    expect(input(card, 'targetPct')!.value).toBe(85);
    expect(await findPairingByConversation(db(), chat.conversationId)).toBeNull();
  });

  it('lets only the chosen owner start Tandem', async () => {
    const { body } = await send(actionActivity(chat, va, 'setup.submit', setup));
    expect(texts(invokeCard(body))).toContain(marked('warning', 'Only the person chosen as owner can start Tandem for their mailbox.'));
  });

  it('creates the pairing from the welcome card and updates the card for everyone', async () => {
    const { status, body } = await send(actionActivity(chat, owner, 'setup.submit', setup, 'welcome-1'));
    expect(status).toBe(200);
    expect(texts(invokeCard(body))).toContain('Tandem settings');
    const pairing = await findPairingByConversation(db(), chat.conversationId);
    expect(pairing).toMatchObject({ mailbox: owner.email, owner: { address: owner.email, userId: owner.aadObjectId }, va: { address: va.email, userId: va.aadObjectId } });
    expect(pairing!.settings).toMatchObject({ responseTargetPct: 85, timeZone: 'Europe/Copenhagen', workingHours: { startTime: '08:00', endTime: '16:00' } });
    expect(pairing!.conversationRef).toMatchObject({ serviceUrl: connector.url, conversation: { id: chat.conversationId } });
    const calls = connector.cards();
    expect(calls.find((call) => call.method === 'update')).toMatchObject({ activityId: 'welcome-1' });
    expect(calls.some((call) => texts(call.card).some((line) => line.startsWith('Tandem is set up for Olivia Owner and Victor Assistant')))).toBe(true);
    // A second setup is refused.
    const again = await send(actionActivity(chat, owner, 'setup.submit', setup));
    expect(texts(invokeCard(again.body))).toContain('Tandem is already set up in this chat. Type “settings” to see how.');
  });

  it('takes the addresses real mail carries in the set-up, and shows one that is not an address at its field', async () => {
    const dotted: ChatOptions = { serviceUrl: connector.url, conversationId: '19:dotted@thread.v2' };
    const assistant = chatUser('Dot Assistant', 'D..Assistant@assist.example');
    connector.setRoster(dotted.conversationId, [owner, assistant]);
    await send(installActivity(dotted, owner));
    const form = { ...setup, va: assistant.aadObjectId };
    for (const typed of ['olivia owner', 'olivia@', 'Olivia <olivia@contoso.example>']) {
      const { body } = await send(actionActivity(dotted, owner, 'setup.submit', { ...form, mailbox: typed }));
      expect(errorAfter(invokeCard(body), 'mailbox'), typed).toBe('Please enter an e-mail address.');
    }
    expect(await findPairingByConversation(db(), dotted.conversationId)).toBeNull();
    await send(actionActivity(dotted, owner, 'setup.submit', { ...form, mailbox: ' Olivia..Sales@Contoso.example ' }));
    expect(await findPairingByConversation(db(), dotted.conversationId)).toMatchObject({
      mailbox: 'olivia..sales@contoso.example',
      va: { address: 'd..assistant@assist.example', userId: assistant.aadObjectId },
    });
  });

  it('answers every command, and anything else with the help card', async () => {
    const cases: Array<[string, string]> = [
      ['help', 'What Tandem can do'],
      ['scorecard', 'Scorecard for the week of 23 Nov'],
      ['scorecard last', 'Scorecard for the week of 16 Nov'],
      ['waiting', 'Waiting for an answer (0)'],
      ['feedback', 'Check-in for the week of 16 Nov'],
      ['settings', 'Tandem settings'],
      ['review', 'Quarterly review: the last 13 weeks'],
      ['what is this', 'Sorry, I did not understand “what is this”.'],
      // The local demo's command does not exist in a tenant (no postScorecardNow in the bot's dependencies).
      ['scorecard now', 'Sorry, I did not understand “scorecard now”.'],
      ['leave tomorrow', 'Write the first and last day off, like: leave 2026-12-24 2026-12-31'],
    ];
    for (const [command, expected] of cases) {
      const { status } = await send(messageActivity(chat, owner, command));
      expect(status, command).toBe(200);
      const cards = connector.cards();
      expect(cards, command).toHaveLength(1);
      expect(texts(cards[0]!.card), command).toContain(expected);
    }
  });

  it('shows the task KPI on the scorecard commands for a pairing that reads tasks', async () => {
    const plan = 'planner:plan-e2e';
    const tasksChat: ChatOptions = { serviceUrl: connector.url, conversationId: '19:tasks@thread.v2' };
    connector.setRoster(tasksChat.conversationId, [owner, va]);
    await ensureTenant(db(), { id: TENANT_ID, name: 'Contoso', verifiedDomains: [] });
    const pairing = await createPairing(db(), {
      tenantId: TENANT_ID,
      mailbox: 'tasks@contoso.example',
      owner: { address: owner.email, userId: owner.aadObjectId },
      va: { address: va.email, userId: va.aadObjectId },
      settings: { timeZone: 'Europe/Copenhagen', taskSource: plan },
      conversationRef: { serviceUrl: connector.url, conversation: { id: tasksChat.conversationId } },
    });
    await upsertTasks(db(), pairing.id, plan, TASKS.map((task) => ({ ...task, etag: null })));
    const shown = async (command: string) => {
      await send(messageActivity(tasksChat, owner, command));
      return texts(connector.cards()[0]!.card).map((text) => text.replace(/\u00a0/g, ' '));
    };
    // support/tasks.ts: last week, 6 of 10 due were done on time (c, i late; d, g overdue).
    expect(await shown('scorecard last')).toEqual(expect.arrayContaining(['60% of tasks done on time (target 90%)', marked('bad', 'Target not met'), '6 on time · 2 late · 2 overdue · 0 not due yet']));
    // This week so far (Wednesday 25 Nov): only o, due Thursday, and still open.
    expect(await shown('scorecard')).toEqual(expect.arrayContaining(['No tasks were due this week.', '0 on time · 0 late · 0 overdue · 1 not due yet']));
  });

  it('records VA leave from the chat', async () => {
    await send(messageActivity(chat, va, 'leave 2026-12-24 2026-12-31'));
    expect(texts(connector.cards()[0]!.card)).toContain('Time off recorded');
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    const [leave] = await listLeave(db(), pairing.id);
    // 24 Dec 00:00 to 1 Jan 00:00 in Copenhagen (UTC+1).
    expect(leave).toMatchObject({ start: Date.parse('2026-12-23T23:00:00Z'), end: Date.parse('2026-12-31T23:00:00Z'), createdBy: 'va' });
    await send(messageActivity(chat, va, 'leave 2026-12-31 2026-12-24'));
    expect(texts(connector.cards()[0]!.card)).toContain('The last day comes before the first.');
  });

  it('runs the two-way feedback form: own views, errors under fields, edits, and one summary when both answered', async () => {
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    const data = { pairingId: pairing.id, week: '2026-W47' };
    // The refresh shows each side their own questions.
    const ownerForm = invokeCard((await send(actionActivity(chat, owner, 'feedback.refresh', data, 'fb-1', 'automatic'))).body);
    expect(input(ownerForm, 'kpisFair')).toBeDefined();
    expect(input(ownerForm, 'needFromOwner')).toBeUndefined();
    const vaForm = invokeCard((await send(actionActivity(chat, va, 'feedback.refresh', data, 'fb-1', 'automatic'))).body);
    expect(input(vaForm, 'needFromOwner')).toBeDefined();
    expect(vaForm.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'feedback.refresh' }, userIds: [owner.id, va.id] });

    // Invalid: a required answer missing and one too long; both come back under their fields, text kept.
    const long = 'x'.repeat(2001);
    const invalid = invokeCard((await send(actionActivity(chat, owner, 'feedback.submit', { ...data, wentWell: '', improve: long, nextTime: 'Plan Mondays', kpisFair: 'yes' }, 'fb-1'))).body);
    expect(errorAfter(invalid, 'wentWell')).toBe('Please answer this question.');
    expect(errorAfter(invalid, 'improve')).toBe('Please keep this under 2000 characters (now 2001).');
    expect(input(invalid, 'improve')!.value).toBe(long);
    expect(input(invalid, 'nextTime')!.value).toBe('Plan Mondays');
    expect(await listFeedback(db(), pairing.id)).toEqual([]);

    const answers = { wentWell: 'Fast replies', improve: 'Flag legal mail', nextTime: 'Plan Mondays', kpisFair: 'yes' };
    const mine = invokeCard((await send(actionActivity(chat, owner, 'feedback.submit', { ...data, ...answers }, 'fb-1'))).body);
    expect(texts(mine).join('\n')).toContain('Fast replies');
    expect(texts(mine).join('\n')).toContain('once they have answered too');
    // The VA does not see the owner's answers before answering.
    const vaBefore = invokeCard((await send(actionActivity(chat, va, 'feedback.refresh', data, 'fb-1', 'automatic'))).body);
    expect(JSON.stringify(vaBefore)).not.toContain('Fast replies');
    expect(texts(vaBefore)).toContain('Olivia Owner has answered; you will see their answers after yours.');

    // Submitting twice keeps the later answers, marked edited.
    await send(actionActivity(chat, owner, 'feedback.submit', { ...data, ...answers, wentWell: 'Very fast replies' }, 'fb-1'));
    const vaAnswers = { wentWell: 'Clear priorities', needFromOwner: 'Templates', support: 'Legal questions', involved: '4' };
    const { body } = await send(actionActivity(chat, va, 'feedback.submit', { ...data, ...vaAnswers }, 'fb-1'));
    const summary = invokeCard(body);
    const lines = texts(summary).join('\n');
    expect(lines).toContain('Check-in for the week of 16 Nov: both of you answered');
    expect(lines).toContain('Very fast replies');
    expect(lines).toContain('Owner (Olivia Owner) (edited)');
    expect(lines).toContain('Templates');
    // The summary keeps refreshing for the two of them, and has nothing left to do.
    expect(summary.refresh).toMatchObject({ userIds: [owner.id, va.id] });
    expect(summary.actions).toBeUndefined();
    // Everyone's copy of the card says both answered, and not what.
    const update = connector.cards().find((call) => call.method === 'update');
    expect(update).toMatchObject({ activityId: 'fb-1' });
    expect(texts(update!.card)).toContain('Check-in for the week of 16 Nov: both of you answered');
    expect(JSON.stringify(update!.card)).not.toMatch(/Very fast replies|Templates/);
    const stored = await listFeedback(db(), pairing.id);
    expect(stored.map(({ author, edited, answers: saved }) => ({ author, edited, wentWell: saved.wentWell }))).toEqual([
      { author: 'owner', edited: true, wentWell: 'Very fast replies' },
      { author: 'va', edited: false, wentWell: 'Clear priorities' },
    ]);
    // Someone outside the pairing only ever sees the shared card: who answered, not what.
    const other = invokeCard((await send(actionActivity(chat, bystander, 'feedback.submit', { ...data, ...answers }, 'fb-1'))).body);
    expect(texts(other)).toContain('Check-in for the week of 16 Nov: both of you answered');
    expect(JSON.stringify(other)).not.toMatch(/Very fast replies|Templates/);
  });

  it('posts the feedback form from the scorecard’s button, leaving the scorecard in place', async () => {
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    const data = { pairingId: pairing.id, week: '2026-W47', source: 'scorecard' };
    for (const activity of [actionActivity(chat, owner, 'feedback.open', data, 'scorecard-1'), submitActivity(chat, owner, 'feedback.open', data, 'scorecard-1')]) {
      const { status } = await send(activity);
      expect(status).toBe(200);
      const calls = connector.cards();
      expect(calls.map((call) => call.method)).toEqual(['reply']);
      expect(texts(calls[0]!.card).join('\n')).toContain('Check-in for the week of 16 Nov');
    }
  });

  it('handles the Action.Submit fallback as a message with a value', async () => {
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    const { status } = await send(submitActivity(chat, owner, 'review.submit', { pairingId: pairing.id, targetPct: '80', windowHours: '24', comment: 'Realistic now' }, 'review-1'));
    expect(status).toBe(200);
    const [update] = connector.cards();
    expect(update).toMatchObject({ method: 'update', activityId: 'review-1' });
    expect(texts(update!.card)[0]).toContain('The new target is 80% within 24 h');
    expect((await getPairing(db(), pairing.id))!.settings.responseTargetPct).toBe(80);
  });

  it('lets the VA comment in the review but not change the targets', async () => {
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    const { body } = await send(actionActivity(chat, va, 'review.submit', { pairingId: pairing.id, targetPct: '50', windowHours: '24', comment: 'Too strict' }));
    expect(texts(invokeCard(body))).toContain(marked('warning', 'Only the owner can change the targets. Your comment can still be saved with the targets unchanged.'));
    expect((await getPairing(db(), pairing.id))!.settings.responseTargetPct).toBe(80);
  });

  it('refuses unknown invokes and malformed activities with a 4xx', async () => {
    expect((await send({ ...actionActivity(chat, owner, 'x', {}), name: 'task/fetch' })).status).toBe(400);
    expect((await send({ ...actionActivity(chat, owner, 'x', {}), value: { nonsense: true } })).status).toBe(400);
    const malformed = await send({ type: 'message', text: 'hi' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('serviceUrl');
    const notJson = await app.request('/api/messages', { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    // An unknown verb on a card gets the help card.
    const unknownVerb = await send(actionActivity(chat, owner, 'mystery.verb', {}));
    expect(unknownVerb.status).toBe(200);
    expect(texts(connector.cards()[0]!.card)).toContain('What Tandem can do');
  });

  it('offboards only for the owner, after confirmation', async () => {
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    await send(messageActivity(chat, va, 'offboard'));
    expect(texts(connector.cards()[0]!.card)).toContain('Only the owner can offboard Tandem.');
    const denied = await send(actionActivity(chat, va, 'offboard.confirm', { pairingId: pairing.id }));
    expect(texts(invokeCard(denied.body))).toContain('Only the owner can offboard Tandem.');
    expect(await getPairing(db(), pairing.id)).not.toBeNull();
    await send(messageActivity(chat, owner, 'offboard'));
    const confirm = connector.cards()[0]!.card;
    expect(JSON.stringify(confirm)).toContain('offboard.confirm');
    const done = await send(actionActivity(chat, owner, 'offboard.confirm', { pairingId: pairing.id }, 'offboard-1'));
    expect(texts(invokeCard(done.body))[0]).toContain('Tandem has deleted everything');
    expect(await getPairing(db(), pairing.id)).toBeNull();
  });

  it('stops the schedule when the bot is removed from the chat', async () => {
    const second: ChatOptions = { serviceUrl: connector.url, conversationId: '19:second@thread.v2' };
    connector.setRoster(second.conversationId, [owner, va]);
    await send(installActivity(second, owner));
    await send(actionActivity(second, owner, 'setup.submit', setup));
    const pairing = (await findPairingByConversation(db(), second.conversationId))!;
    expect(pairing.stoppedAt).toBeNull();
    expect((await send(removeActivity(second, owner))).status).toBe(200);
    expect((await getPairing(db(), pairing.id))!.stoppedAt).not.toBeNull();
    // The chat no longer has an active pairing: commands point at setup.
    await send(messageActivity(second, owner, 'scorecard'));
    expect(texts(connector.cards()[0]!.card).join('\n')).toContain('not set up in this chat yet');
    // Added back, the same pairing resumes with its data; no second setup.
    await send(installActivity(second, owner));
    expect(texts(connector.cards()[0]!.card)[0]).toContain('Welcome back');
    expect((await getPairing(db(), pairing.id))!.stoppedAt).toBeNull();
    expect((await findPairingByConversation(db(), second.conversationId))!.id).toBe(pairing.id);
  });

  it('finds the pairing from a personal chat by the user', async () => {
    const personal: ChatOptions = { serviceUrl: connector.url, conversationId: 'a:personal-va', personal: true };
    const third: ChatOptions = { serviceUrl: connector.url, conversationId: '19:third@thread.v2' };
    connector.setRoster(third.conversationId, [owner, va]);
    await send(actionActivity(third, owner, 'setup.submit', setup));
    await send(messageActivity(personal, va, 'settings'));
    expect(texts(connector.cards()[0]!.card)).toContain('Tandem settings');
  });
});

describe('the bot with MicrosoftAppId configured', () => {
  const db = useTestDatabase('pglite');
  it('refuses requests without a valid Bot Framework token', async () => {
    const bot = botRoute({ ...services(db()), db: db(), clock: { now: () => NOW }, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, { appId: '11111111-2222-4333-8444-555555555555', appPassword: 'secret', appTenantId: undefined });
    const app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot });
    const chat = { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: '19:auth@thread.v2' };
    const body = JSON.stringify(messageActivity(chat, owner, 'help'));
    const post = (headers: Record<string, string>) => app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Basic abc' })).status).toBe(401);
    expect((await post({ authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    // A well-formed, signed token from an issuer that is not the Bot Framework's.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ serviceurl: chat.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer('https://login.evil.example')
      .setAudience('11111111-2222-4333-8444-555555555555')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await post({ authorization: `Bearer ${forged}` })).status).toBe(401);
    // The token is checked before the body is read: a refused token gets 401 whatever follows it, not a 400 about the body.
    const notJson = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` }, body: '{"type": "message", "text": ' });
    expect(notJson.status).toBe(401);
  });
});

describe('the set-up card’s tasks to measure', () => {
  const db = useTestDatabase('pglite');
  let connector: FakeConnector;
  let app: ReturnType<typeof createApp>;
  let listing: TaskChoiceList;
  const asked: TaskChoicesRequest[] = [];
  /** As Graph would list them for the owner and the VA: a plan of a group both are in, the VA's list. */
  const OFFERED: TaskChoiceList = {
    choices: [
      { source: 'planner:planTeam', kind: 'planner', name: 'Team plan', of: 'both' },
      { source: 'todo:listErrands', kind: 'todo', name: 'Errands', of: 'va' },
    ],
    failure: null,
  };
  let chats = 0;

  beforeAll(async () => {
    connector = await startFakeConnector();
    const taskChoices = { list: async (request: TaskChoicesRequest) => (asked.push(request), listing) };
    const bot = botRoute({ ...services(db()), db: db(), clock: { now: () => NOW }, log: silentLogger, teamsAppId: null, consentUrl: async () => null, taskChoices }, null);
    app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot });
  });
  afterAll(async () => connector.close());

  async function send(activity: unknown): Promise<Json | null> {
    connector.clear();
    const text = await (await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })).text();
    return text === '' ? null : (JSON.parse(text) as Json);
  }
  /** A new chat of the owner and the VA, with the welcome card Tandem posted there. */
  async function installed(): Promise<{ chat: ChatOptions; welcome: Json }> {
    const chat: ChatOptions = { serviceUrl: connector.url, conversationId: `19:tasks-${++chats}@thread.v2` };
    connector.setRoster(chat.conversationId, [owner, va]);
    asked.length = 0;
    await send(installActivity(chat, owner));
    return { chat, welcome: connector.cards()[0]!.card };
  }
  const form = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };

  it('offers "None", then the plans, then the lists of the owner and the VA it lists at install', async () => {
    listing = OFFERED;
    const { welcome } = await installed();
    expect(asked).toEqual([{ owner: owner.aadObjectId, va: va.aadObjectId }]);
    expect(input(welcome, 'taskSource')).toMatchObject({
      type: 'Input.ChoiceSet',
      label: 'Tasks to measure (optional)',
      value: 'none',
      choices: [
        { value: 'none', title: 'None (no task target)' },
        { value: 'planner:planTeam', title: 'Planner: Team plan (both)' },
        { value: 'todo:listErrands', title: 'To Do: Errands (the VA’s)' },
      ],
    });
  });

  it('offers only "None", and says why, when Graph could not list them', async () => {
    listing = { choices: [], failure: 'consent' };
    const { welcome } = await installed();
    expect(input(welcome, 'taskSource')!.choices).toEqual([{ value: 'none', title: 'None (no task target)' }]);
    expect(texts(welcome)).toContain('Tandem can’t list the Planner plans and To Do lists: an admin has not allowed it to read them yet (admin consent). Until then only “None” can be chosen.');
  });

  it('sets the pairing up with the plan picked, and sends back one that is not theirs with the problem under it', async () => {
    listing = OFFERED;
    const { chat } = await installed();
    const refused = (await send(actionActivity(chat, owner, 'setup.submit', { ...form, taskSource: 'planner:planOfSomeoneElse' })))!.value as Json;
    expect(errorAfter(refused, 'taskSource')).toBe('Please pick one of the plans and lists offered, or “None”.');
    expect(input(refused, 'taskSource')!.choices).toHaveLength(3);
    expect(await findPairingByConversation(db(), chat.conversationId)).toBeNull();

    await send(actionActivity(chat, owner, 'setup.submit', { ...form, taskSource: 'planner:planTeam' }));
    expect((await findPairingByConversation(db(), chat.conversationId))!.settings.taskSource).toBe('planner:planTeam');
  });
});
