// Issue #9: who reads what, in which language. What the bot posts in the group chat speaks the pairing's
// language (from the owner's Outlook until the owner chooses); a person's own view of a card, an answer only
// they see, and everything in a personal chat speak that person's Teams language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { t } from '../src/i18n/messages.ts';
import { silentLogger } from '../src/log.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { chooseLocale, findPairingByConversation } from '../src/store/pairings.ts';
import { actionActivity, chatUser, installActivity, messageActivity, type ChatOptions } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { useTestDatabase } from './support/databases.ts';
import { services } from './support/services.ts';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const owner = chatUser('Olivia Owner', 'olivia@contoso.example');
const va = chatUser('Victor Assistant', 'victor@assist.example');
type Json = Record<string, unknown>;

function texts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      if ((node as Json).type === 'TextBlock') out.push(String((node as Json).text));
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The activity as a Teams client in `locale` sends it. */
const inLocale = <T extends object>(activity: T, locale: string): T => ({ ...activity, locale });

describe('the languages the bot speaks', () => {
  const db = useTestDatabase('pglite');
  let connector: FakeConnector;
  let app: ReturnType<typeof createApp>;
  let chat: ChatOptions;
  let personal: ChatOptions;

  beforeAll(async () => {
    connector = await startFakeConnector();
    chat = { serviceUrl: connector.url, conversationId: '19:languages@thread.v2' };
    personal = { serviceUrl: connector.url, conversationId: 'a:personal-owner', personal: true };
    connector.setRoster(chat.conversationId, [owner, va]);
    const workingHours = { daysOfWeek: ['monday'], startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: 'Romance Standard Time' };
    const bot = botRoute(
      {
        ...services(db()),
        db: db(),
        clock: { now: () => NOW },
        log: silentLogger,
        teamsAppId: null,
        consentUrl: async () => null,
        // The owner's Outlook is Danish, their Teams English.
        mailboxDefaults: async (address) => (address === owner.email ? { timeZone: 'Romance Standard Time', workingHours, locale: 'da-DK' } : null),
      },
      null,
    );
    app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot });
  });
  afterAll(async () => connector.close());

  async function send(activity: unknown): Promise<Json | null> {
    connector.clear();
    const response = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    const text = await response.text();
    return text === '' ? null : (JSON.parse(text) as Json);
  }
  const invokeCard = (body: Json | null) => (body as { value: Json }).value;
  const postedTexts = () => connector.cards().flatMap((call) => texts(call.card));

  it("sets the chat up in the owner's Outlook language, though they use Teams in English", async () => {
    await send(inLocale(installActivity(chat, owner), 'en-GB'));
    // Before set-up there is no shared language yet: the welcome speaks to whoever added the bot.
    expect(postedTexts()).toContain(t('en', 'welcome.title'));
    const setup = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '16:00' };
    const body = await send(inLocale(actionActivity(chat, owner, 'setup.submit', setup, 'welcome-1'), 'en-GB'));
    expect(await findPairingByConversation(db(), chat.conversationId)).toMatchObject({ locale: 'da-DK', localeChosen: false });
    expect(texts(invokeCard(body))).toContain(t('da', 'settings.title'));
    expect(postedTexts()).toContain(t('da', 'welcome.done', { owner: 'Olivia Owner', va: 'Victor Assistant' }));
  });

  it("answers commands in the group chat in the chat's language, and in a personal chat in the person's", async () => {
    await send(inLocale(messageActivity(chat, owner, 'settings'), 'en-GB'));
    expect(postedTexts()).toContain(t('da', 'settings.title'));
    await send(inLocale(messageActivity(chat, va, 'what now'), 'de-DE'));
    expect(postedTexts()).toContain(t('da', 'help.title'));
    await send(inLocale(messageActivity(personal, owner, 'settings'), 'en-GB'));
    expect(postedTexts()).toContain(t('en', 'settings.title'));
    await send(inLocale(messageActivity(personal, owner, 'settings'), 'nl-NL'));
    expect(postedTexts()).toContain(t('nl', 'settings.title'));
  });

  it("shows each person their own feedback form and summary in their language, and the chat's card in the chat's", async () => {
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    const data = { pairingId: pairing.id, week: '2026-W47' };
    await send(inLocale(messageActivity(chat, owner, 'feedback'), 'en-GB'));
    expect(postedTexts()).toContain('Check-in for ugen fra 16. nov.');

    const vaForm = invokeCard(await send(inLocale(actionActivity(chat, va, 'feedback.refresh', data, 'fb-1', 'automatic'), 'de-DE')));
    expect(texts(vaForm)).toContain(t('de', 'feedback.intro.va'));
    const invalid = invokeCard(await send(inLocale(actionActivity(chat, va, 'feedback.submit', { ...data, wentWell: '' }, 'fb-1'), 'de-DE')));
    // The error under the field carries the warning mark every surface uses for it.
    expect(texts(invalid)).toContain('⚠ Bitte beantworten Sie diese Frage.');

    await send(inLocale(actionActivity(chat, owner, 'feedback.submit', { ...data, wentWell: 'Fast', improve: 'Less', nextTime: 'Plan', kpisFair: 'yes' }, 'fb-1'), 'en-GB'));
    const summary = invokeCard(await send(inLocale(actionActivity(chat, va, 'feedback.submit', { ...data, wentWell: 'Calm', needFromOwner: 'Templates', support: 'Legal', involved: '4' }, 'fb-1'), 'de-DE')));
    // Both sides' answers are the VA's own view now, in her language; everyone's copy says who answered, in the chat's.
    expect(texts(summary)).toContain('Check-in für die Woche ab 16. Nov.: Sie haben beide geantwortet');
    const update = connector.cards().find((call) => call.method === 'update');
    expect(texts(update!.card)).toContain('Check-in for ugen fra 16. nov.: I har begge svaret');
  });

  it('speaks the language the owner chose once they chose one', async () => {
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    await chooseLocale(db(), pairing.id, 'nb', 'da-DK', 'owner');
    await send(inLocale(messageActivity(chat, va, 'settings'), 'de-DE'));
    expect(postedTexts()).toContain(t('nb', 'settings.title'));
  });
});
