// One name per thing (issue #20): the words docs/glossary.md says to avoid appear in no catalog message of their
// language. The list below is the glossary's "avoid" column in machine-readable form; each rule names the term
// to use instead, and the test checks that term is in docs/glossary.md, so the two cannot drift apart.
// Only literal text is checked: placeholder names and plural keywords ({pending}, `other {…}`) are not words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EN } from '../src/i18n/en.ts';
import { LANGUAGES, type Language } from '../src/i18n/locales.ts';
import { mapText } from '../src/i18n/message-format.ts';
import { t, template, type MessageKey } from '../src/i18n/messages.ts';

const GLOSSARY = readFileSync(new URL('../docs/glossary.md', import.meta.url), 'utf8');
const KEYS = Object.keys(EN) as MessageKey[];

interface Rule {
  /** Text no message may contain. */
  readonly avoid: RegExp;
  /** The glossary's term for it (must appear in docs/glossary.md). */
  readonly use: string;
  /** Keys the rule is limited to, when the word is right elsewhere. */
  readonly only?: RegExp;
  /** Keys the rule leaves alone: typed command words are what people type, not prose. */
  readonly except?: RegExp;
}

/** The check-in asks about targets, not "KPIs" (jargon inside a question about how the week felt). */
const CHECK_IN: Rule = { avoid: /\bKPI/, use: 'target', only: /^feedback\.q\./ };

const AVOID: Readonly<Record<Language, readonly Rule[]>> = {
  en: [
    { avoid: /\bpending\b/i, use: 'still waiting' },
    { avoid: /\bstill open\b/i, use: 'still waiting' },
    { avoid: /\binbox[ -]zero\b/i, use: 'Inbox empty' },
    { avoid: /\binbox\b/, use: 'Inbox' },
    { avoid: /\bresponse rate\b/i, use: 'answered on time' },
    { avoid: /\bin time\b/i, use: 'answered on time' },
    { avoid: /\bwindow\b/i, use: 'deadline' },
    { avoid: /\bbreach/i, use: 'deadline warnings' },
    { avoid: /percentile/i, use: '9 in 10 answered within' },
    { avoid: /\bcalendar (clock|time|hours)\b/i, use: 'all hours of the day' },
    { avoid: /\bpauses\b/i, use: 'time off' },
    { avoid: /\bpairing’s time zone\b/, use: 'time zone' },
    { avoid: /· other\b/, use: 'someone else' },
    { avoid: /\bleave\b(?! out)/i, use: 'time off', except: /^command\./ },
    { avoid: /\badministrator\b/i, use: 'admin' },
    CHECK_IN,
  ],
  da: [
    { avoid: /\blog(ge)? (ind|ud)\b|\blogin\b/i, use: 'Log på' },
    { avoid: /\bvenligst\b/i, use: 'imperative' },
    { avoid: /\bstime\b/i, use: 'i træk' },
    { avoid: /retfærdig/i, use: 'fair' },
    { avoid: /\bretning\b/i, use: 'vejledning' },
    { avoid: /fravær/i, use: 'fri' },
    { avoid: /overskred/i, use: 'advarsler om svarfrister' },
    { avoid: /svarprocent|inden for fristen/i, use: 'besvaret til tiden' },
    { avoid: /percentil/i, use: '9 ud af 10 besvaret inden for' },
    { avoid: /· andre\b/, use: 'en anden' },
    { avoid: /\bpauser\b/i, use: 'fri' },
    CHECK_IN,
  ],
  nb: [
    { avoid: /fokusert innboks/i, use: 'Innboks med fokus' },
    { avoid: /\btenant/i, use: 'leier' },
    { avoid: /\brekke\b/i, use: 'på rad' },
    { avoid: /fristbrudd/i, use: 'varsler om svarfrister' },
    { avoid: /fravær/i, use: 'fri' },
    { avoid: /postkasse/i, use: 'postboks' },
    { avoid: /svarprosent|innen fristen/i, use: 'besvart i tide' },
    { avoid: /persentil/i, use: '9 av 10 besvart innen' },
    { avoid: /· andre\b/, use: 'noen andre' },
    { avoid: /\bmelding til\b/, use: 'Ytterligere' },
    { avoid: /\bpauser\b/i, use: 'fri' },
    CHECK_IN,
  ],
  nl: [
    { avoid: /verlof/i, use: 'vrij' },
    { avoid: /\binbox\b/i, use: 'Postvak IN' },
    { avoid: /mailbox/i, use: 'postvak' },
    { avoid: /gefilterd postvak/i, use: 'Postvak IN met prioriteit' },
    { avoid: /waarschuw/i, use: 'meldingen' },
    { avoid: /antwoordpercentage|binnen de termijn/i, use: 'op tijd beantwoord' },
    { avoid: /percentiel/i, use: '9 van de 10 beantwoord binnen' },
    { avoid: /\bpauzes\b/i, use: 'vrij' },
    CHECK_IN,
  ],
  de: [
    { avoid: /\p{L}:in(nen)?\b/u, use: 'Inhaber' },
    { avoid: /\bbzw\./, use: 'Inhaber' },
    { avoid: /Inhaberin/, use: 'Inhaber' },
    { avoid: /\bTabs?\b/, use: 'Registerkarte' },
    { avoid: /verpasst/i, use: 'unbeantwortet' },
    { avoid: /\bAdministration\b/, use: 'Administrator' },
    { avoid: /Administration zustimm|\bzuzustimmen\b/, use: 'Administratorzustimmung erteilen' },
    { avoid: /\boffen(e|en|er)?\b/i, use: 'wartet auf Antwort' },
    { avoid: /Antwortquote|innerhalb der Frist/i, use: 'rechtzeitig beantwortet' },
    { avoid: /Perzentil/i, use: '9 von 10 beantwortet innerhalb von' },
    { avoid: /· Sonstige\b/, use: 'jemand anderes' },
    { avoid: /\bPausen\b/, use: 'Abwesenheit' },
    CHECK_IN,
  ],
};

/** The literal text pieces of a template, each on its own (a placeholder or plural keyword ends a piece). */
function texts(message: string): string[] {
  const pieces: string[] = [];
  mapText(message, (text) => {
    pieces.push(text);
    return text;
  });
  return pieces;
}

describe.each(LANGUAGES)('%s', (language) => {
  it('uses the glossary’s terms: no message holds a word docs/glossary.md says to avoid', () => {
    const found: string[] = [];
    for (const rule of AVOID[language]) {
      for (const key of KEYS) {
        if ((rule.only !== undefined && !rule.only.test(key)) || rule.except?.test(key)) continue;
        const hit = texts(template(language, key)).find((text) => rule.avoid.test(text));
        if (hit !== undefined) found.push(`${key}: "${hit.trim()}" matches ${rule.avoid} (glossary: ${rule.use})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('names the KPI tab the same in the chat as in the app (manifest)', () => {
    expect(template(language, 'tab.config.displayName')).toBe(template(language, 'manifest.tab.kpi'));
  });
});

describe('who marked a message (issue #20: not the bare role, "Markeret af ejer")', () => {
  it.each([
    ['en', 'Marked by the owner: x', 'Marked by the VA: x'],
    ['da', 'Markeret af ejeren: x', 'Markeret af VA’en: x'],
    ['nb', 'Merket av eieren: x', 'Merket av VA-en: x'],
    ['nl', 'Gemarkeerd door de eigenaar: x', 'Gemarkeerd door de VA: x'],
    ['de', 'Markiert von dem Inhaber: x', 'Markiert von der VA: x'],
  ])('%s', (language, owner, va) => {
    expect(t(language, 'tab.messages.markedBy', { who: 'owner', reason: 'x' })).toBe(owner);
    expect(t(language, 'tab.messages.markedBy', { who: 'va', reason: 'x' })).toBe(va);
  });
});

describe('the avoid list and docs/glossary.md', () => {
  it('names every rule’s term in the glossary', () => {
    const missing = LANGUAGES.flatMap((language) => AVOID[language].filter((rule) => !GLOSSARY.includes(rule.use)).map((rule) => `${language}: ${rule.use}`));
    expect(missing).toEqual([]);
  });

  it('reads literal text only: words in it count, placeholder names and plural keywords do not', () => {
    expect(texts('Pending: {pending, plural, one {# item} other {# items}}')).toEqual(['Pending: ', ' item', ' items']);
    expect(texts('{pending} waiting · {other, select, owner {the owner} other {someone}}')).toEqual([' waiting · ', 'the owner', 'someone']);
  });
});
