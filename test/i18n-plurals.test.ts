// Plural edge cases in every locale: every message with a count reads right for 0, 1 and 2 (and 1,000 for
// the number format), and the shared count phrases take each language's singular and plural.
import { describe, expect, it } from 'vitest';
import { EN } from '../src/i18n/en.ts';
import { LANGUAGES, PSEUDO_LOCALE } from '../src/i18n/locales.ts';
import { argumentNames, parseMessage, type Message } from '../src/i18n/message-format.ts';
import { t, template, type MessageKey } from '../src/i18n/messages.ts';

const KEYS = Object.keys(EN) as MessageKey[];
const LOCALES = [...LANGUAGES, PSEUDO_LOCALE];

/** The names of a template's plural arguments, nested ones included. */
function pluralNames(message: Message, into = new Set<string>()): Set<string> {
  for (const node of message) {
    if (node.kind === 'plural') into.add(node.name);
    if (node.kind === 'plural' || node.kind === 'select') for (const branch of node.cases.values()) pluralNames(branch, into);
  }
  return into;
}

describe.each(LOCALES)('%s', (locale) => {
  const counted = KEYS.filter((key) => pluralNames(parseMessage(template(locale, key))).size > 0);

  it('has messages with plurals (the check below checks something)', () => {
    expect(counted.length).toBeGreaterThan(locale === 'en' || locale === PSEUDO_LOCALE ? 2 : 15);
  });

  it.each([0, 1, 2, 1000])('fills every counted message for %i, leaving no syntax behind', (count) => {
    for (const key of counted) {
      const message = template(locale, key);
      const params: Record<string, string | number> = Object.fromEntries(argumentNames(message).map((name) => [name, 'X']));
      for (const name of pluralNames(parseMessage(message))) params[name] = count;
      const text = t(locale, key, params);
      expect(text, `${locale} ${key}`).not.toMatch(/[{}#]/);
      // "one" may say it in words ("Den seneste uge", "Letzte Woche"); every other count shows its number.
      if (count !== 1) expect(text.replace(/[\u00a0\u202f.,’ ]/g, ''), `${locale} ${key}`).toContain(String(count));
    }
  });
});

describe('count phrases in every language', () => {
  it.each([
    ['da', ['Tom (0 elementer)', 'Tom (1 element)', 'Tom (2 elementer)']],
    ['nl', ['Leeg (0 items)', 'Leeg (1 item)', 'Leeg (2 items)']],
    ['nb', ['Tom (0 elementer)', 'Tom (1 element)', 'Tom (2 elementer)']],
    ['de', ['Leer (0 Elemente)', 'Leer (1 Element)', 'Leer (2 Elemente)']],
  ])('inbox items, %s', (locale, expected) => {
    expect([0, 1, 2].map((count) => t(locale, 'tab.inboxZero.pass', { count }))).toEqual(expected);
  });

  it.each([
    ['en', ['Streak: 1 week', 'Streak: 2 weeks']],
    ['da', ['1 uge i træk', '2 uger i træk']],
    ['nl', ['Reeks: 1 week', 'Reeks: 2 weken']],
    ['nb', ['1 uke på rad', '2 uker på rad']],
    ['de', ['Serie: 1 Woche', 'Serie: 2 Wochen']],
  ])('weeks in a row, %s', (locale, expected) => {
    expect([1, 2].map((streak) => t(locale, 'mail.streak', { streak }))).toEqual(expected);
  });

  it('weeks in a row, en, where the tab and the scorecard say it', () => {
    expect([1, 2].map((weeks) => t('en', 'tab.inboxZero.streak', { weeks }))).toEqual(['Streak: 1 week', 'Streak: 2 weeks']);
    expect([1, 2].map((streak) => t('en', 'scorecard.inboxZero.pass', { day: 'Friday', count: 1, streak }))).toEqual([
      'Inbox empty on Friday: yes (1 item) · streak 1 week',
      'Inbox empty on Friday: yes (1 item) · streak 2 weeks',
    ]);
  });

  it.each([
    ['da', 'Læser mails fra den seneste dag: 1 mail indtil videre', 'Læser mails fra de seneste 90 dage: 1.000 mails indtil videre'],
    ['nl', 'De mail van de afgelopen dag wordt gelezen: tot nu toe 1 bericht', 'De mail van de afgelopen 90 dagen wordt gelezen: tot nu toe 1.000 berichten'],
    ['nb', 'Leser e-post fra den siste dagen: 1 melding så langt', 'Leser e-post fra de siste 90 dagene: 1 000 meldinger så langt'],
    ['de', 'E-Mails des letzten Tages werden gelesen: bisher 1 Nachricht', 'E-Mails der letzten 90 Tage werden gelesen: bisher 1.000 Nachrichten'],
  ])('sync progress, %s (numbers grouped the local way)', (locale, one, many) => {
    expect(t(locale, 'sync.progress.backfill', { days: 1, fetched: 1 })).toBe(one);
    expect(t(locale, 'sync.progress.backfill', { days: 90, fetched: 1000 }).replace(/\u00a0/g, ' ')).toBe(many);
  });

  it('keeps plain {count} placeholders as plain text, as before plurals existed', () => {
    expect(t('en', 'scorecard.missed.title', { count: 1000 })).toBe('Missed (1000)');
    expect(t('de', 'scorecard.missed.title', { count: 0 })).toBe('Unbeantwortet (0)');
  });
});
