// The message catalog: every user-facing string of cards, chat posts, the tab and e-mails, keyed, English
// first, with Danish, Dutch, Norwegian Bokmål and German translations and a pseudo-locale for testing.
// Templates are ICU-style (message-format.ts): `{name}` placeholders and `{n, plural, one {…} other {…}}`.
import { DA } from './da.ts';
import { DE } from './de.ts';
import { EN } from './en.ts';
import { intlLocale, PSEUDO_LOCALE, resolveLocale, type Language } from './locales.ts';
import { formatMessage, type Params } from './message-format.ts';
import { NB } from './nb.ts';
import { NL } from './nl.ts';
import { pseudoLocalize } from './pseudo.ts';
import type { Translation } from './translation.ts';

export type MessageKey = keyof typeof EN;
export type { Params };

/** The translations, by language; English is the source and the fallback. */
export const TRANSLATIONS: Readonly<Record<Exclude<Language, 'en'>, Translation<typeof EN>>> = { da: DA, nl: NL, nb: NB, de: DE };

const pseudo = new Map<MessageKey, string>();

/** The raw template for `key` in `locale`'s catalog; a key not translated yet falls back to English. */
export function template(locale: string, key: MessageKey): string {
  const resolved = resolveLocale(locale);
  if (resolved === 'en') return EN[key];
  if (resolved === PSEUDO_LOCALE) {
    let found = pseudo.get(key);
    if (found === undefined) pseudo.set(key, (found = pseudoLocalize(EN[key])));
    return found;
  }
  return TRANSLATIONS[resolved][key] ?? EN[key];
}

/** The message for `key` in `locale` (e.g. "da-DK" → Danish), placeholders filled and plurals chosen. */
export function t(locale: string, key: MessageKey, params: Params = {}): string {
  return formatMessage(template(locale, key), intlLocale(locale), params);
}
