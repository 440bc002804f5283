// Text from outside (mail subjects and senders, display names, typed answers and commands) shows as written:
// on cards it is escaped for the Markdown Teams applies to TextBlocks and facts ("Format cards in Teams",
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format), and in the summary
// mail it is HTML-escaped. Issue #17, item 6.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { breachCard } from '../bot/cards/breach-card.ts';
import { plainText, text, facts, type Card } from '../bot/cards/card-parts.ts';
import { helpCard } from '../bot/cards/help-card.ts';
import { leaveCard } from '../bot/cards/leave-card.ts';
import { noticeCard } from '../bot/cards/notice-card.ts';
import { reminderCard } from '../bot/cards/reminder-card.ts';
import { scorecardCard } from '../bot/cards/scorecard-card.ts';
import { settingsCard } from '../bot/cards/settings-card.ts';
import { waitingCard } from '../bot/cards/waiting-card.ts';
import { t } from '../src/i18n/messages.ts';
import { parseSettings } from '../src/kpi/settings.ts';
import { silentLogger } from '../src/log.ts';
import { summaryMail } from '../src/mail/summary-mail.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { actionActivity, chatUser, installActivity, messageActivity } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { useTestDatabase } from './support/databases.ts';
import { services } from './support/services.ts';
import { scorecardInput } from './support/bot-cards.ts';
import { mailCheckIn, summaryInput } from './support/summary-mail.ts';
import { HOSTILE } from './support/hostile-text.ts';
import { teamsMarkdown } from './support/teams-markdown.ts';

const page = new JSDOM('<!doctype html><body></body>').window.document;

/** `html` parsed into a detached element (one jsdom window for the whole file: creating one is slow). */
function dom(html: string): { body: HTMLElement; querySelector: HTMLElement['querySelector']; querySelectorAll: HTMLElement['querySelectorAll'] } {
  const body = page.createElement('div');
  body.innerHTML = html;
  return { body, querySelector: body.querySelector.bind(body), querySelectorAll: body.querySelectorAll.bind(body) };
}

/** A card's TextBlock texts and fact titles and values: everything Teams runs through Markdown. */
function markdownTexts(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => markdownTexts(item, into));
  else if (typeof node === 'object' && node !== null) {
    const object = node as Record<string, unknown>;
    if (object.type === 'TextBlock' && typeof object.text === 'string') into.push(object.text);
    if (object.type === 'FactSet' && Array.isArray(object.facts)) for (const fact of object.facts as Array<{ title: string; value: string }>) into.push(fact.title, fact.value);
    Object.values(object).forEach((value) => markdownTexts(value, into));
  }
  return into;
}

/** The card as a reader sees it in Teams: its text, and any markup the Markdown produced. */
function asTeamsShows(card: Card): { text: string; markup: string[] } {
  const rendered = markdownTexts(card).map((source) => dom(teamsMarkdown(source)).body);
  return {
    text: rendered.map((body) => body.textContent).join('\n'),
    markup: rendered.flatMap((body) => [...body.querySelectorAll('a, strong, em, del, code, h1, h2, h3, h4, h5, h6, li, blockquote')].map((node) => node.outerHTML)),
  };
}

describe('the Teams Markdown stand-in', () => {
  it('makes links, emphasis, lists and headings of unescaped text, so the checks below can fail', () => {
    expect(dom(teamsMarkdown(HOSTILE.link)).querySelector('a')?.getAttribute('href')).toBe('https://evil.example');
    expect(dom(teamsMarkdown(HOSTILE.autolink)).querySelector('a')?.getAttribute('href')).toBe('https://evil.example/login');
    expect(dom(teamsMarkdown(HOSTILE.emphasis)).querySelectorAll('strong, em, del, code')).toHaveLength(4);
    expect(dom(teamsMarkdown(HOSTILE.list)).querySelectorAll('ul, ol, h1, blockquote')).toHaveLength(4);
    // Raw HTML is never markup, escaped or not.
    expect(dom(teamsMarkdown(HOSTILE.html)).querySelector('img')).toBeNull();
  });
});

describe('plainText', () => {
  it('escapes what Markdown would read as markup and leaves ordinary text alone', () => {
    expect(plainText(HOSTILE.link)).toBe('\\[Verify your mailbox\\](https://evil.example)');
    expect(plainText('- one\n  2. two\n# three')).toBe('\\- one\n  2\\. two\n\\# three');
    expect(plainText('olivia@contoso.example has answered; 2026-W47 – 95% (target 90%).')).toBe('olivia@contoso.example has answered; 2026-W47 – 95% (target 90%).');
    expect(plainText('82.5% answered within 24 h')).toBe('82.5% answered within 24 h');
  });

  it('shows any text exactly as written, with no markup, through Teams’ Markdown', () => {
    const markdownish = fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '*', '_', '~', '`', '<', '>', '#', '-', '+', '=', '1', '.', '&', ';', '\\', '!', '|', 'a', ' ', ':', '/', '\n'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.constantFrom(...Object.values(HOSTILE))), (value) => {
        const body = dom(teamsMarkdown(plainText(value))).body;
        expect(body.querySelectorAll('a, strong, em, del, code, h1, h2, h3, h4, h5, h6, li, blockquote, img')).toHaveLength(0);
        // Paragraph breaks and line ends are layout, not text.
        const words = (s: string) => s.split(/\s+/).filter((word) => word !== '').join(' ');
        expect(words([...body.children].map((block) => block.textContent).join(' '))).toBe(words(value));
      }),
      { numRuns: 500 },
    );
  });

  it('is what every TextBlock and fact gets, whatever else the builder passes', () => {
    expect(text(HOSTILE.link, { weight: 'Bolder', text: 'sneaked in' })).toMatchObject({ type: 'TextBlock', weight: 'Bolder', text: plainText(HOSTILE.link) });
    expect(facts([[HOSTILE.emphasis, HOSTILE.link]])).toEqual({ type: 'FactSet', facts: [{ title: plainText(HOSTILE.emphasis), value: plainText(HOSTILE.link) }] });
  });
});

describe('cards built from outside text', () => {
  const settings = parseSettings({ timeZone: 'Europe/Copenhagen' });
  const at = Date.parse('2026-11-24T09:00:00Z');
  const item = (value: string) => ({ from: value, subject: value, receivedAt: at });
  const week = scorecardInput().week;
  const cards = (value: string): Array<[string, Card]> => [
    ['scorecard (missed subject and sender)', scorecardCard(scorecardInput({ week: { ...week, oldestWaiting: [{ ...week.oldestWaiting[0]!, from: value, subject: value }] } }))],
    ['waiting', waitingCard({ locale: 'en', timeZone: 'UTC', windowHours: 24, privacyMode: false, items: [{ ...item(value), minutesLeft: 30 }], tabUrl: null })],
    ['breach warning', breachCard({ locale: 'en', timeZone: 'UTC', privacyMode: false, items: [{ ...item(value), minutesLeft: 30 }], tabUrl: null })],
    ['help (the unknown command echoed)', helpCard({ locale: 'en', unknown: value, paired: true })],
    ['settings (names)', settingsCard({ locale: 'en', owner: value, va: value, mailbox: 'owner@contoso.example', settings, tabUrl: null })],
    ['leave (the VA)', leaveCard({ locale: 'en', va: value, from: '2026-12-24', to: '2026-12-31', timeZone: 'UTC' })],
    ['reminder (names)', reminderCard({ locale: 'en', pairingId: 'p', week: '2026-W47', waitingFor: [{ name: value, mentionId: '29:x' }, { name: value, mentionId: null }] })],
    ['set-up notice (display names)', noticeCard(t('en', 'welcome.done', { owner: value, va: value }))],
  ];

  for (const [kind, value] of Object.entries(HOSTILE)) {
    it(`shows ${kind} text as written on every card`, () => {
      for (const [name, card] of cards(value)) {
        const shown = asTeamsShows(card);
        expect(shown.markup, name).toEqual([]);
        // Every line of the outside text is on the card, character for character (the help card shortens long echoes).
        for (const line of value.split('\n')) expect(shown.text, name).toContain(line.trim().slice(0, 50));
      }
    });
  }
});

describe('the summary mail built from outside text', () => {
  it('keeps subjects, senders and answers as text: no link but the KPI tab’s, no element they wrote', () => {
    const base = summaryInput();
    const hostile = Object.values(HOSTILE);
    const oldestWaiting = hostile.map((value, index) => ({ ...base.week.oldestWaiting[0]!, id: `h${index}`, from: value, subject: value }));
    const mail = summaryMail({
      ...base,
      week: { ...base.week, oldestWaiting },
      checkIn: mailCheckIn({ owner: { answers: { wentWell: HOSTILE.autolink } }, va: { answers: { wentWell: HOSTILE.html, needFromOwner: HOSTILE.link } } }),
    });
    const doc = dom(mail.html);
    expect([...doc.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([base.tabUrl]);
    expect(doc.querySelectorAll('img, script, strong, em')).toHaveLength(0);
    const subjects = [...doc.querySelectorAll('[data-item="waiting"] .item-subject')].map((node) => node.textContent);
    expect(subjects).toEqual(hostile.map((value) => value));
    const answers = [...doc.querySelectorAll('[data-section="feedback"] .answer')].map((node) => node.textContent);
    expect(answers).toEqual([HOSTILE.autolink, HOSTILE.html, HOSTILE.link]);
    // The plain-text part carries them unchanged too.
    for (const value of [HOSTILE.link, HOSTILE.html]) expect(mail.text).toContain(value);
  });
});

describe('outside text through the bot route', () => {
  const db = useTestDatabase('pglite');
  let connector: FakeConnector;
  let app: ReturnType<typeof createApp>;
  // Display names come from the chat's roster, as Teams sends them.
  const owner = chatUser(`**Boss** ${HOSTILE.link}`, 'olivia@contoso.example');
  const va = chatUser(HOSTILE.autolink, 'victor@assist.example');
  const chat = () => ({ serviceUrl: connector.url, conversationId: '19:outside-text@thread.v2' });

  beforeAll(async () => {
    connector = await startFakeConnector();
    connector.setRoster(chat().conversationId, [owner, va]);
    app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot: botRoute({ ...services(db()), db: db(), clock: { now: () => Date.parse('2026-11-25T10:00:00Z') }, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null) });
  });
  afterAll(() => connector.close());

  async function send(activity: object): Promise<Card[]> {
    connector.clear();
    const response = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    return connector.cards().map((call) => call.card);
  }

  it('echoes an unknown command as text', async () => {
    const [help] = await send(messageActivity(chat(), owner, HOSTILE.link));
    const shown = asTeamsShows(help!);
    expect(shown.markup).toEqual([]);
    expect(shown.text).toContain(`Sorry, I did not understand “${HOSTILE.link}”.`);
  });

  it('names people by their display names as text once Tandem is set up', async () => {
    await send(installActivity(chat(), owner));
    const setup = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '08:00', workEnd: '16:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    const cards = await send(actionActivity(chat(), owner, 'setup.submit', setup, 'welcome-1'));
    const shown = cards.map(asTeamsShows);
    expect(shown.flatMap((card) => card.markup)).toEqual([]);
    expect(shown.map((card) => card.text).join('\n')).toContain(`Tandem is set up for **Boss** ${HOSTILE.link} and ${HOSTILE.autolink}.`);
  });
});
