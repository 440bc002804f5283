// The catalogs in use and the lookup over them: `t(locale, key)`, synchronous, over whichever languages are
// registered. The server registers all five up front (messages.ts); the tab and the Outlook pane register only
// the reader's (load-catalog.ts), because their build swaps messages.ts for this module (tab/vite.config.ts).
import type { EN } from './en.ts';
import { PSEUDO_LOCALE, intlLocale, resolveLocale, type Language } from './locales.ts';
import { formatMessage, type Params } from './message-format.ts';
import { pseudoLocalize } from './pseudo.ts';

export type MessageKey = keyof typeof EN;
export type { Params };
/** One language's messages: English has every key; a translation may lack some (they fall back to English). */
export type Catalog = Readonly<Partial<Record<MessageKey, string>>>;

const catalogs = new Map<Language, Catalog>();
const pseudo = new Map<MessageKey, string>();

/** Makes `language`'s messages available to t(); English is the source of the pseudo-locale and the fallback. */
export function addCatalog(language: Language, catalog: Catalog): void {
  catalogs.set(language, catalog);
  if (language === 'en') pseudo.clear();
}

/** Whether `language`'s messages are available. */
export function hasCatalog(language: Language): boolean {
  return catalogs.has(language);
}

/**
 * The raw template for `key` in `locale`'s catalog. A key the catalog lacks falls back to English; with no
 * English loaded (a browser loads only the reader's language) the key itself shows, plainly a bug.
 */
export function template(locale: string, key: MessageKey): string {
  const resolved = resolveLocale(locale);
  const english = catalogs.get('en')?.[key];
  if (resolved === PSEUDO_LOCALE) {
    if (english === undefined) return key;
    let found = pseudo.get(key);
    if (found === undefined) pseudo.set(key, (found = pseudoLocalize(english)));
    return found;
  }
  return catalogs.get(resolved)?.[key] ?? english ?? key;
}

/** The message for `key` in `locale` (e.g. "da-DK" → Danish), placeholders filled and plurals chosen. */
export function t(locale: string, key: MessageKey, params: Params = {}): string {
  return formatMessage(template(locale, key), intlLocale(locale), params);
}
