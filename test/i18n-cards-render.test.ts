// The bot's cards in every language and the pseudo-locale, rendered by the adaptivecards SDK in headless
// Chromium at a Teams card width: screenshots go to test/artifacts/i18n/<locale>/ to be looked at, and the test
// fails when a translation spills sideways, is cut off with an ellipsis, or leaves a placeholder or NaN behind.
// German and Dutch run about a third longer than English; the pseudo-locale pads English by that much.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../bot/cards/card-parts.ts';
import { feedbackCard } from '../bot/cards/feedback-card.ts';
import { helpCard } from '../bot/cards/help-card.ts';
import { leaveCard } from '../bot/cards/leave-card.ts';
import { offboardCard } from '../bot/cards/offboard-card.ts';
import { reviewCard } from '../bot/cards/review-card.ts';
import { scorecardCard } from '../bot/cards/scorecard-card.ts';
import { settingsCard } from '../bot/cards/settings-card.ts';
import { waitingCard } from '../bot/cards/waiting-card.ts';
import { welcomeCard } from '../bot/cards/welcome-card.ts';
import { LANGUAGES, PSEUDO_LOCALE } from '../src/i18n/locales.ts';
import { PSEUDO_OPEN } from '../src/i18n/pseudo.ts';
import { hostConfig } from './support/adaptive-cards-sdk.ts';
import { PAIRING_ID, scorecardInput } from './support/bot-cards.ts';
import { openCardPage, renderCard } from './support/card-page.ts';
import { visibleStrings } from './support/card-text.ts';
import { AUDIENCES, checkInView, type Audience } from '../src/reports/check-in-privacy.ts';

const ARTIFACTS = new URL('./artifacts/i18n/', import.meta.url);
/** About the width Teams gives a card in a chat on a laptop. */
const at = (iso: string) => Date.parse(iso);

function cards(locale: string): Array<[string, Card]> {
  const scorecard = scorecardInput({ locale });
  const { settings } = scorecard;
  const feedback = { pairingId: PAIRING_ID, week: '2026-W47', locale, monthly: true, names: { owner: 'Olivia Owner', va: 'Vera VA' }, userIds: { owner: '29:owner', va: '29:va' } };
  const answers = { owner: { answers: { wentWell: 'Quick answers.', improve: 'Legal first.', kpisFair: 'partly' }, edited: true, submittedAt: 0 }, va: { answers: { wentWell: 'Inbox empty.', needFromOwner: 'Templates.', involved: '4' }, edited: false, submittedAt: 0 } };
  const seen = (audience: Audience, saved: Parameters<typeof checkInView>[2]) => checkInView(audience, '2026-W47', saved);
  return [
    ['scorecard', scorecardCard(scorecard)],
    ['scorecard-met', scorecardCard({ ...scorecard, week: { ...scorecard.week, rate: 0.95, met: true, inboxZero: { status: 'pass', count: 1, late: false, cutoff: at('2026-11-20T16:00:00Z'), takenAt: at('2026-11-20T16:00:00Z') } }, streak: 1, late: true })],
    ['welcome', welcomeCard({ locale, members: [{ id: 'aad-owner', mri: '29:owner', name: 'Olivia Owner', email: 'olivia@contoso.example' }, { id: 'aad-va', mri: '29:va', name: 'Vera VA', email: 'vera@contoso.example' }], consentUrl: 'https://login.microsoftonline.com/contoso.example/adminconsent', values: { owner: 'aad-owner', va: 'aad-va', mailbox: 'olivia@contoso.example', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: 90, windowHours: 24, inboxZeroDay: 'friday', inboxZeroCutoff: '17:00', taskSource: 'none' }, taskChoices: { choices: [{ source: 'planner:plan-1', kind: 'planner', name: 'Autumn launch', of: 'both' }, { source: 'todo:list-1', kind: 'todo', name: 'For my assistant', of: 'va' }], failure: null } })],
    ['feedback-open', feedbackCard({ ...feedback, checkIn: seen(AUDIENCES.chat, { owner: null, va: null }), viewer: null })],
    ['feedback-owner-form', feedbackCard({ ...feedback, checkIn: seen(AUDIENCES.owner, { owner: null, va: answers.va }), viewer: 'owner' })],
    ['feedback-va-form', feedbackCard({ ...feedback, checkIn: seen(AUDIENCES.va, { owner: null, va: null }), viewer: 'va' })],
    ['feedback-summary', feedbackCard({ ...feedback, checkIn: seen(AUDIENCES.owner, answers), viewer: 'owner' })],
    ['feedback-shared-complete', feedbackCard({ ...feedback, checkIn: seen(AUDIENCES.chat, answers), viewer: null })],
    ['help', helpCard({ locale, unknown: null, paired: true })],
    ['help-unpaired', helpCard({ locale, unknown: 'numbers please', paired: false })],
    ['waiting', waitingCard({ locale, timeZone: 'Europe/Copenhagen', windowHours: 24, privacyMode: false, items: [{ from: 'client@fabrikam.example', subject: 'Order 1001', receivedAt: at('2026-11-24T09:00:00Z'), minutesLeft: 65 }, { from: null, subject: 'Invoice', receivedAt: at('2026-11-23T09:00:00Z'), minutesLeft: null }], tabUrl: 'https://teams.microsoft.com/l/entity/x/kpi' })],
    ['waiting-empty', waitingCard({ locale, timeZone: 'Europe/Copenhagen', windowHours: 1, privacyMode: true, items: [], tabUrl: null })],
    ['settings', settingsCard({ locale, owner: 'Olivia Owner', va: 'Vera VA', mailbox: 'olivia@contoso.example', settings, tabUrl: 'https://teams.microsoft.com/l/entity/x/kpi' })],
    ['leave', leaveCard({ locale, va: 'Vera VA', from: '2026-12-24', to: '2026-12-31', timeZone: 'Europe/Copenhagen' })],
    ['offboard', offboardCard({ locale, pairingId: PAIRING_ID, mailbox: 'olivia@contoso.example' })],
    ['review', reviewCard({ locale, pairingId: PAIRING_ID, weeks: Array.from({ length: 13 }, () => scorecard.week), settings })],
  ];
}

/** Text on the pseudo-locale's cards that rightly bypasses the catalog: the input data (addresses, subjects, names, the zone). */
const NOT_CATALOG = new RegExp(['@', '^Europe/Copenhagen$', '^Order 1001$', '^Invoice$', '^Olivia Owner', '^Vera VA', '^Quick answers\\.$', '^Legal first\\.$', '^Inbox empty\\.$', '^Templates\\.$'].join('|'));

describe('cards in the pseudo-locale', () => {
  it.each(cards(PSEUDO_LOCALE))('%s shows only catalog text besides data', (_name, card) => {
    expect(visibleStrings(card).filter((text) => /[A-Za-z]{3,}/.test(text) && !text.includes(PSEUDO_OPEN) && !NOT_CATALOG.test(text))).toEqual([]);
  });
});

describe('cards in every language, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => browser?.close());

  it.each([...LANGUAGES, PSEUDO_LOCALE])('%s: nothing spills, nothing is cut off, nothing is left unfilled', async (locale) => {
    const folder = new URL(`${locale}/`, ARTIFACTS);
    await mkdir(folder, { recursive: true });
    const page = await openCardPage(browser, '#fff');
    const problems: string[] = [];
    for (const [name, card] of cards(locale)) {
      const result = await renderCard(page, card, hostConfig('light'));
      await page.locator('#card').screenshot({ path: new URL(`${name}.png`, folder).pathname });
      if (result.text.trim() === '') problems.push(`${name}: empty`);
      for (const found of result.text.match(/Invalid DateTime|NaN|undefined|\{\w+[},]/g) ?? []) problems.push(`${name}: "${found}"`);
      for (const node of result.overflowing.slice(0, 3)) problems.push(`${name}: spills sideways: ${node}`);
      for (const node of result.clipped) problems.push(`${name}: cut off: ${node}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
