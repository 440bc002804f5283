// The scorecard card and the summary e-mail built in every locale: no placeholder left unfilled, and in the
// pseudo-locale every piece of text the user reads came through the catalog (accented and bracketed), so a
// string typed into the code instead of the catalog shows up here as plain English. And no surface names a
// week by its ISO label ("2026-W47", "W47"): every card the bot sends, the summary mail, and every message the
// tab and the Outlook pane take from the catalog show weeks by their Monday (issue #20). The tab's views as
// rendered are checked the same way in i18n-tab-render.test.ts.
import { describe, expect, it } from 'vitest';
import { scorecardCard } from '../bot/cards/scorecard-card.ts';
import type { Card } from '../bot/cards/card-parts.ts';
import { LANGUAGES, PSEUDO_LOCALE } from '../src/i18n/locales.ts';
import { EN } from '../src/i18n/en.ts';
import { template, type MessageKey } from '../src/i18n/messages.ts';
import { PSEUDO_OPEN } from '../src/i18n/pseudo.ts';
import { summaryMail } from '../src/mail/summary-mail.ts';
import { allCards, LONG_ADDRESS, scorecardInput } from './support/bot-cards.ts';
import { summaryInput } from './support/summary-mail.ts';
import { visibleStrings } from './support/card-text.ts';
import { isoWeekIn } from './support/iso-week-labels.ts';

const LOCALES = [...LANGUAGES, PSEUDO_LOCALE];

function scorecards(locale: string): Array<[string, Card]> {
  return [
    ['scorecard', scorecardCard(scorecardInput({ locale }))],
    ['scorecard-private-late', scorecardCard(scorecardInput({ locale, privacyMode: true, late: true }))],
  ];
}

/** Text with letters that did not come through the catalog: no pseudo bracket, and not the user's own data. */
function untranslated(lines: readonly string[], data: readonly string[]): string[] {
  return lines.filter((line) => /[A-Za-z]{2,}/.test(line) && !line.includes(PSEUDO_OPEN) && !data.some((value) => line.trim() === value.trim()));
}

describe.each(LOCALES)('%s', (locale) => {
  const mailInput = summaryInput({ locale });
  const mail = summaryMail(mailInput);
  /** The owner's and VA's own words, shown as they wrote them. */
  const answers = [mailInput.checkIn.owner, mailInput.checkIn.va].flatMap((side) => (side.state === 'shown' ? Object.values(side.answers).flatMap((answer) => answer.split('\n')) : []));

  it('leaves no placeholder unfilled on the scorecard or in the e-mail', () => {
    const unfilled = /\{\w+(\}|,)/;
    for (const [name, card] of scorecards(locale)) for (const text of visibleStrings(card)) expect(text, name).not.toMatch(unfilled);
    for (const text of [mail.subject, mail.text, mail.html]) expect(text).not.toMatch(unfilled);
  });

  it.runIf(locale === PSEUDO_LOCALE)('shows no text that bypassed the catalog', () => {
    for (const [name, card] of scorecards(locale)) expect(untranslated(visibleStrings(card), answers), name).toEqual([]);
    expect(mail.subject.startsWith(PSEUDO_OPEN)).toBe(true);
    expect(untranslated(mail.text.split('\n'), answers)).toEqual([]);
  });

  it.runIf(locale !== 'en' && locale !== PSEUDO_LOCALE)('differs from the English e-mail in every sentence the catalog gives', () => {
    const english = summaryMail(summaryInput({ locale: 'en' }));
    const shared = mail.text.split('\n').filter((line) => /[A-Za-z]{4,}/.test(line) && english.text.split('\n').includes(line) && !answers.some((answer) => line.includes(answer.trim())));
    expect(shared).toEqual([]);
  });
});

describe.each(LANGUAGES)('weeks by their Monday, not their ISO label, in %s', (locale) => {
  it('on every card the bot sends', () => {
    for (const [name, card] of allCards(locale)) expect(isoWeekIn(visibleStrings(card)), name).toEqual([]);
  });

  it('on every card the bot sends: no time-zone id, and people by name where the name is known', () => {
    for (const [name, card] of allCards(locale)) {
      const shown = visibleStrings(card).join('\n');
      // IANA ids ("Europe/Copenhagen") and Windows ids ("Romance Standard Time", Copenhagen's) are for machines;
      // the zone picker's CLDR names ("Central European Standard Time (Copenhagen) · UTC+01:00") are for people.
      expect(shown, name).not.toMatch(/\b(Europe|America|Asia|Africa|Australia|Pacific|Atlantic|Etc)\/[A-Za-z_]+/);
      expect(shown, name).not.toMatch(/(^|\n)[^\n(]*Standard Time($|\n)|Romance Standard Time/);
      // Every card that names the VA knows their name; only the set-up form's people picker shows addresses, to tell people apart.
      if (!name.startsWith('welcome')) expect(shown, name).not.toContain(LONG_ADDRESS);
    }
  });

  it('in the summary mail: subject, text part and the HTML as read', () => {
    for (const input of [summaryInput({ locale }), summaryInput({ locale, late: true, tabUrl: null })]) {
      const mail = summaryMail(input);
      // URLs (the tab link's query holds the ISO week, as the tab needs it), tags and attributes are not read as text.
      const read = (text: string) => text.replace(/<[^>]*>/g, '\n').replace(/https?:\/\/\S+/g, '').split('\n');
      expect(isoWeekIn([mail.subject, ...read(mail.text), ...read(mail.html)])).toEqual([]);
    }
  });

  it('in every catalog message, the tab’s and the pane’s included: no ISO label, and no raw {week} placeholder', () => {
    const messages = (Object.keys(EN) as MessageKey[]).map((key) => template(locale, key));
    expect(isoWeekIn(messages)).toEqual([]);
    expect(messages.filter((message) => /\{week\}/.test(message))).toEqual([]);
  });
});
