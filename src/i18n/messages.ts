// The message catalog: every user-facing string of cards, chat posts and e-mails, keyed, English first.
// Other languages (da, nl, nb, de) are added per key by issue #9; a missing key falls back to English.
import { EN } from './en.ts';

export type MessageKey = keyof typeof EN;
export type Params = Readonly<Record<string, string | number>>;

const CATALOGS: Readonly<Record<string, Partial<Record<MessageKey, string>>>> = { en: EN };

/** The message for `key` in `locale` (e.g. "da-DK" → "da"), with {placeholders} filled in. */
export function t(locale: string, key: MessageKey, params: Params = {}): string {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const template = CATALOGS[language]?.[key] ?? EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
