// Which of Tandem's languages a user's locale tag (from Teams, Outlook or mailboxSettings) gets, and which
// tag Intl formats numbers and dates with, so text and formats never disagree.
import { boundedCache } from './bounded-cache.ts';

/** Tandem's languages; `qps-ploc` is the pseudo-locale that makes untranslated or clipped strings visible. */
export const LANGUAGES = ['en', 'da', 'nl', 'nb', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const PSEUDO_LOCALE = 'qps-ploc';
export type CatalogLocale = Language | typeof PSEUDO_LOCALE;

/** Languages that read another's catalog: Norwegian (no) and Nynorsk (nn) readers get Bokmål. */
const ALIASES: Readonly<Record<string, Language>> = { no: 'nb', nn: 'nb' };
/** Pseudo-locale tags in use by Microsoft (qps-ploc) and Android/Chromium (en-XA). */
const PSEUDO_TAGS: ReadonlySet<string> = new Set(['qps-ploc', 'en-xa']);

function normalise(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/** The catalog for a locale tag: "da-DK" → da, "nb-NO"/"no"/"nn" → nb, "de-CH" → de, "nl-BE" → nl, else en. */
export function resolveLocale(tag: string | null | undefined): CatalogLocale {
  if (tag === null || tag === undefined) return 'en';
  const normal = normalise(tag);
  if (PSEUDO_TAGS.has(normal)) return PSEUDO_LOCALE;
  const language = normal.split('-')[0] ?? '';
  if ((LANGUAGES as readonly string[]).includes(language)) return language as Language;
  return ALIASES[language] ?? 'en';
}

/** The tag in Intl's canonical form ("da_dk" → "da-DK"), or null when Intl cannot parse it. */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (tag === null || tag === undefined) return null;
  try {
    return Intl.getCanonicalLocales(normalise(tag))[0] ?? null;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** Asked for every value formatted, of a few tags (the users' own): Intl's canonicalisation runs once per tag. */
const intlTags = boundedCache<string>(1_000);

/**
 * The tag Intl should format with: the user's own tag when its language is the one shown (so de-CH gets Swiss
 * numbers and en-GB day-month dates), the catalog's language otherwise (French readers see English text, so
 * English formats), English for the pseudo-locale and for anything Intl cannot parse.
 */
export function intlLocale(tag: string | null | undefined): string {
  if (tag === null || tag === undefined) return 'en';
  return intlTags(tag, () => intlTagOf(tag));
}

function intlTagOf(tag: string): string {
  const resolved = resolveLocale(tag);
  if (resolved === PSEUDO_LOCALE) return 'en';
  const canonical = canonicalLocale(tag);
  if (canonical === null) return resolved;
  const language = canonical.split('-')[0]!.toLowerCase();
  if (language === resolved) return canonical;
  return ALIASES[language] === resolved ? `${resolved}${canonical.slice(language.length)}` : resolved;
}
