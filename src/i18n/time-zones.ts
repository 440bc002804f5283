// Time zones as people read them: "Central European Time (Copenhagen) · UTC+01:00", "Mitteleuropäische Zeit
// (Copenhagen) · UTC+01:00", from Intl's own generic zone names (none to translate), the exemplar city of the
// IANA id and the offset at a given instant. Imports nothing but the catalog and the formatter cache, like format.ts: the tab loads it,
// so IANA ids only here; callers resolve Windows names first (src/kpi/time-zone.ts resolveTimeZone).
import { collator as collatorFor, dateTimeFormat } from './intl-cache.ts';
import { intlLocale, PSEUDO_LOCALE, resolveLocale } from './locales.ts';
import { accent } from './pseudo.ts';
import { t } from './messages.ts';

export interface ZoneChoice {
  /** The IANA id, what settings store. */
  readonly value: string;
  readonly label: string;
  /** Minutes east of UTC at the instant the choices were made for. */
  readonly offsetMinutes: number;
}

/** One part of a formatted instant in `zone`, or null when Intl does not know the zone. */
function zonePart(locale: string, zone: string, style: 'longGeneric' | 'longOffset', at: number): string | null {
  try {
    return dateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? null;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** "+01:00", "-05:00", "+05:30", "+00:00": Intl's "GMT+01:00" without its prefix (plain "GMT" is UTC itself). */
function offsetOf(zone: string, at: number): string | null {
  const gmt = zonePart('en', zone, 'longOffset', at);
  if (gmt === null) return null;
  return gmt === 'GMT' ? '+00:00' : gmt.replace(/^GMT/, '').replace('\u2212', '-');
}

function minutesOf(offset: string): number {
  const match = /^([+-])(\d\d):(\d\d)$/.exec(offset);
  if (match === null) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The city an IANA id names: its last segment with spaces, "America/Argentina/Buenos_Aires" → "Buenos Aires"; null for "UTC". */
export function zoneCity(zone: string): string | null {
  if (!zone.includes('/') || zone.startsWith('Etc/')) return null;
  return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

function marked(locale: string, text: string): string {
  return resolveLocale(locale) === PSEUDO_LOCALE ? accent(text) : text;
}

/**
 * A zone as people read it at instant `at` (the offset changes with daylight saving time): "Central European Time
 * (Copenhagen) · UTC+01:00", "India Standard Time (Kolkata) · UTC+05:30", "UTC+00:00" for UTC itself. A name
 * Intl does not know (an unresolved Windows name) is shown as it is.
 */
export function zoneLabel(locale: string, zone: string, at: number = Date.now()): string {
  const offset = offsetOf(zone, at);
  if (offset === null) return zone;
  const tag = intlLocale(locale);
  const name = zonePart(tag, zone, 'longGeneric', at) ?? '';
  const city = zoneCity(zone);
  const utc = t(locale, 'timeZone.offset', { offset });
  // Zones without a generic name of their own get "GMT+01:00" from Intl: the offset says it already.
  if (name === '' || /^(GMT|UTC)/.test(name)) return city === null ? utc : t(locale, 'timeZone.cityOnly', { city: marked(locale, city), offset: utc });
  // "Nuuk (Ortszeit)", "Hora de Moscou": the name already says the city.
  if (city === null || name.includes(city)) return t(locale, 'timeZone.nameOnly', { name: marked(locale, name), offset: utc });
  return t(locale, 'timeZone.label', { name: marked(locale, name), city: marked(locale, city), offset: utc });
}

/**
 * Every zone Intl knows, labelled for `locale` at instant `now`, west to east, then by label. UTC (which Node's
 * list leaves out) and the zones in `keep` that Intl knows (the one a pairing has, which Intl may list under an
 * older name: "Asia/Kolkata" as "Asia/Calcutta") are among them.
 */
export function zoneChoices(locale: string, now: number, keep: readonly string[] = []): ZoneChoice[] {
  const collator = collatorFor(intlLocale(locale));
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  for (const zone of ['UTC', ...keep]) if (offsetOf(zone, now) !== null) zones.add(zone);
  return [...zones]
    .map((zone) => ({ value: zone, label: zoneLabel(locale, zone, now), offsetMinutes: minutesOf(offsetOf(zone, now) ?? '+00:00') }))
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || collator.compare(a.label, b.label));
}

/** Cities named per grouped choice; a group lists more as "…". */
const CITIES_PER_GROUP = 40;
const HALF_YEAR_MS = 182 * 86_400_000;

/**
 * Fewer, longer choices for where every byte counts (a card's choice set): the zones that share a generic
 * name and the same offsets now and half a year on keep the same clocks, so one choice stands for them all,
 * labelled with their cities ("Central European Time (Amsterdam, Andorra, …) · UTC+01:00") so typing any
 * city finds it. A zone in `keep` stands for its group (so a prefilled zone is kept as it is); otherwise the
 * group's first zone in its most common region does ("Europe/Amsterdam", not "Africa/Ceuta").
 */
export function zoneGroups(locale: string, now: number, keep: readonly string[] = []): ZoneChoice[] {
  const tag = intlLocale(locale);
  const groups = new Map<string, { name: string; offset: string; zones: string[] }>();
  for (const choice of zoneChoices(locale, now, keep)) {
    const offset = offsetOf(choice.value, now)!;
    const name = zonePart(tag, choice.value, 'longGeneric', now) ?? '';
    const key = [name, offset, offsetOf(choice.value, now + HALF_YEAR_MS)].join('|');
    const group = groups.get(key) ?? { name, offset, zones: [] };
    group.zones.push(choice.value);
    groups.set(key, group);
  }
  const collator = collatorFor(tag);
  return [...groups.values()].map((group) => {
    const zones = [...group.zones].sort((a, b) => collator.compare(zoneCity(a) ?? a, zoneCity(b) ?? b));
    const regions = zones.map((zone) => zone.split('/')[0]!);
    const common = regions.sort((a, b) => regions.filter((r) => r === b).length - regions.filter((r) => r === a).length)[0];
    const value = zones.find((zone) => keep.includes(zone)) ?? zones.find((zone) => zone.startsWith(`${common}/`)) ?? zones[0]!;
    if (zones.length === 1) return { value, label: zoneLabel(locale, value, now), offsetMinutes: minutesOf(group.offset) };
    const cities = [value, ...zones.filter((zone) => zone !== value)].map(zoneCity).filter((city): city is string => city !== null);
    const shown = cities.slice(0, CITIES_PER_GROUP).join(', ') + (cities.length > CITIES_PER_GROUP ? ', …' : '');
    const utc = t(locale, 'timeZone.offset', { offset: group.offset });
    const label = group.name === '' || /^(GMT|UTC)/.test(group.name) ? t(locale, 'timeZone.cityOnly', { city: marked(locale, shown), offset: utc }) : t(locale, 'timeZone.label', { name: marked(locale, group.name), city: marked(locale, shown), offset: utc });
    return { value, label, offsetMinutes: minutesOf(group.offset) };
  });
}
