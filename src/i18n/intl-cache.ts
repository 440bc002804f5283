// Intl's formatters are slow to build (each loads its locale's data: tens of microseconds) and quick to use, and a
// weekly fan-out or a tab request formats hundreds of values with a handful of locale, option and zone sets. So
// each set is built once per process. The keys are few: Tandem's languages' tags × the option sets in this folder
// × the zones pairings use (or the picker's list of every zone). A set Intl refuses (an unknown zone) throws as
// before and is not kept. Tags come from users (Teams, Outlook, a query), so the cache starts over when it is
// full rather than grow with whatever tags are sent.
import { boundedCache } from './bounded-cache.ts';

const built = boundedCache<unknown>(4_000);

function once<T>(key: string, build: () => T): T {
  return built(key, build) as T;
}

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once(`date|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}

export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return once(`number|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
}

export function listFormat(tag: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  return once(`list|${tag}|${JSON.stringify(options)}`, () => new Intl.ListFormat(tag, options));
}

export function displayNames(tag: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return once(`names|${tag}|${JSON.stringify(options)}`, () => new Intl.DisplayNames([tag], options));
}

export function pluralRules(tag: string, options: Intl.PluralRulesOptions): Intl.PluralRules {
  return once(`plural|${tag}|${JSON.stringify(options)}`, () => new Intl.PluralRules(tag, options));
}

export function collator(tag: string): Intl.Collator {
  return once(`collator|${tag}`, () => new Intl.Collator(tag));
}
