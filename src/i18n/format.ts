// Numbers, percentages, durations, dates and times for cards, the tab and e-mails, formatted by Intl in the
// reader's locale (the tag Intl gets comes from locales.ts, so formats match the language shown) and, for
// instants, the pairing's time zone. Imports nothing but the catalog, the formatter cache and the engine's plain
// dates and ISO week rule: the tab loads it up front, so luxon, zod and the Windows zone table stay out (callers
// resolve Windows zone names with src/kpi/time-zone.ts).
import { isIsoWeek, isoWeekDates } from '../kpi/iso-week.ts';
import { DAY_MS, isLocalDate } from '../kpi/plain-date.ts';
import type { Weekday } from '../kpi/settings.ts';
import { intlLocale, PSEUDO_LOCALE, resolveLocale } from './locales.ts';
import { dateTimeFormat, displayNames, listFormat, numberFormat } from './intl-cache.ts';
import { accent } from './pseudo.ts';
import { t } from './messages.ts';

const MINUTES_PER_HOUR = 60;
/** 1 January 2024 was a Monday: the days after it name every weekday. */
const A_MONDAY = Date.UTC(2024, 0, 1);
const DAYS_AFTER_MONDAY: Readonly<Record<Weekday, number>> = { monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6 };

export function formatNumber(locale: string, value: number): string {
  return numberFormat(intlLocale(locale)).format(value);
}

/** A rate in 0..1 as a percentage with at most one decimal: "82.5%", "82,5 %" (da, de), "82,5%" (nl). */
export function formatPercent(locale: string, rate: number): string {
  return numberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Whole hours and minutes of a duration rounded to the minute; negative durations count as zero. */
function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(whole / MINUTES_PER_HOUR), minutes: whole % MINUTES_PER_HOUR };
}

/** A compact duration for facts and tables: "45 min", "1 h 35 min"; null (no answer yet) as a dash. */
export function formatDuration(locale: string, minutes: number | null): string {
  if (minutes === null) return t(locale, 'none');
  const parts = hoursAndMinutes(minutes);
  if (parts.hours === 0) return t(locale, 'duration.minutes', { minutes: parts.minutes });
  return t(locale, 'duration.hours', parts);
}

/** A duration in words for sentences: "1 minute", "2 hours", "1 hour 5 minutes"; null as a dash. */
export function formatDurationLong(locale: string, minutes: number | null): string {
  if (minutes === null) return t(locale, 'none');
  const parts = hoursAndMinutes(minutes);
  if (parts.hours === 0) return t(locale, 'duration.long.minutes', parts);
  if (parts.minutes === 0) return t(locale, 'duration.long.hours', parts);
  return t(locale, 'duration.long.hoursMinutes', parts);
}

/** The IANA zone to format in; a name Intl does not know (a Windows name left unresolved) reads as UTC. */
function zoneOf(timeZone: string): string {
  try {
    dateTimeFormat('en', { timeZone });
    return timeZone;
  } catch (error) {
    if (error instanceof RangeError) return 'UTC';
    throw error;
  }
}

/** Dates and times in the pseudo-locale are English, accented, so a date formatted elsewhere stands out as plain text. */
function marked(locale: string, text: string): string {
  return resolveLocale(locale) === PSEUDO_LOCALE ? accent(text) : text;
}

/** Hours as the locale writes them: "09:30" where the day has 24 hours, "9:30 AM" (not "09:30 AM") where it has 12. */
function clock(locale: string): Pick<Intl.DateTimeFormatOptions, 'hour' | 'minute'> {
  const cycle = dateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return { hour: cycle === 'h11' || cycle === 'h12' ? 'numeric' : '2-digit', minute: '2-digit' };
}

/** An instant as the pairing's local weekday, date and time (IANA `timeZone`): "Mon 16 Nov, 09:30" (en-GB), "man. 16. nov. 09.30" (da). */
export function formatDateTime(locale: string, instant: number, timeZone: string): string {
  const tag = intlLocale(locale);
  return marked(locale, dateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', ...clock(tag), timeZone: zoneOf(timeZone) }).format(instant));
}

/** An instant's local time of day in the pairing's zone: "09:30", "9:30 AM" (en-US). */
export function formatTime(locale: string, instant: number, timeZone: string): string {
  const tag = intlLocale(locale);
  return marked(locale, dateTimeFormat(tag, { ...clock(tag), timeZone: zoneOf(timeZone) }).format(instant));
}

export interface DateOptions {
  /** Show the short weekday ("Mon 16 Nov 2026"). */
  readonly weekday?: boolean;
  /** Show the year (default true). */
  readonly year?: boolean;
}

/** A calendar date (YYYY-MM-DD, already local to the pairing) as "16 Nov 2026", "16. nov. 2026" (da), "16. Nov. 2026" (de). */
export function formatDate(locale: string, isoDate: string, options: DateOptions = {}): string {
  const format = dateTimeFormat(intlLocale(locale), {
    ...(options.weekday === true ? { weekday: 'short' as const } : {}),
    day: 'numeric',
    month: 'short',
    ...(options.year === false ? {} : { year: 'numeric' as const }),
    timeZone: 'UTC',
  });
  return marked(locale, format.format(Date.parse(`${isoDate}T00:00:00Z`)));
}

export interface WeekOptions {
  /**
   * What the reader takes as "now": an ISO week or a YYYY-MM-DD date. The year is shown when the week's Monday
   * falls in another calendar year ("Week of 29 Dec 2025" read in January), and left out otherwise: a week
   * in this year, or one next to the week the surface is about, needs no year to be understood. Without
   * `near` (cards and mails about the week just gone, which are read within days) no year is shown.
   */
  readonly near?: string;
  /** Always show the year: surfaces listing a long history where "near" is no help. */
  readonly year?: boolean;
  /**
   * 'label' (default): the week on its own, as a heading or a picker shows it: "Week of 16 Nov", "Uge fra 16. nov.".
   * 'monday': only the Monday's date, for sentences that name the week in their own grammar ("Scorecard for the
   * week of {monday}") and for compact labels under a heading that already says weeks (trend bars, chart axes).
   */
  readonly form?: 'label' | 'monday';
}

/**
 * An ISO week key ("2026-W47") as people read it: by its Monday, in the reader's language and date format.
 * ISO week labels ("2026-W47", "W47") are for machines: internal keys, API payloads, URLs, ledger keys and the
 * CSV exports keep them; nothing a person reads shows them (issue #20).
 */
export function formatWeek(locale: string, isoWeek: string, options: WeekOptions = {}): string {
  const { monday } = isoWeekDates(isoWeek);
  const near = options.near === undefined ? undefined : isIsoWeek(options.near) ? isoWeekDates(options.near).monday : options.near;
  const year = options.year === true || (near !== undefined && near.slice(0, 4) !== monday.slice(0, 4));
  const date = formatDate(locale, monday, { year });
  return options.form === 'monday' ? date : t(locale, 'week.of', { monday: date });
}

/** A local clock time (HH:mm, as settings hold it) in the reader's convention: "17:00", "5:00 PM" (en-US). */
export function formatClockTime(locale: string, time: string): string {
  const tag = intlLocale(locale);
  return marked(locale, dateTimeFormat(tag, { ...clock(tag), timeZone: 'UTC' }).format(Date.parse(`1970-01-01T${time}:00Z`)));
}

/** A settings weekday in the reader's language: "Friday", "fredag"; short: "Fri", "fre.", "vr", "Fr" (Intl's own abbreviations). */
export function formatWeekday(locale: string, day: Weekday, width: 'long' | 'short' = 'long'): string {
  return marked(locale, dateTimeFormat(intlLocale(locale), { weekday: width, timeZone: 'UTC' }).format(A_MONDAY + DAYS_AFTER_MONDAY[day] * DAY_MS));
}

/** Names joined as the locale lists them: "Olivia and Vera" (en), "Olivia und Vera" (de), "Olivia og Vera" (da, nb). */
export function formatList(locale: string, items: readonly string[]): string {
  return listFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}

/**
 * A language tag's name: in the reader's language ("Danish (Denmark)", "Dänisch (Dänemark)"), or with
 * `locale` = `tag` in its own ("dansk"), as language pickers list the choices. Intl's names, so none need translating.
 */
export function formatLanguage(locale: string, tag: string): string {
  const name = displayNames(intlLocale(locale), { type: 'language', languageDisplay: 'standard', fallback: 'code' }).of(tag) ?? tag;
  return marked(locale, name.charAt(0).toLocaleUpperCase(intlLocale(locale)) + name.slice(1));
}

/** The order of day, month and year in the locale's numeric dates, and the separator after each but the last. */
function numericDateParts(locale: string): Array<{ readonly type: 'day' | 'month' | 'year'; readonly after: string }> {
  const parts = dateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(A_MONDAY);
  const fields: Array<{ type: 'day' | 'month' | 'year'; after: string }> = [];
  for (const part of parts) {
    if (part.type === 'day' || part.type === 'month' || part.type === 'year') fields.push({ type: part.type, after: '' });
    else if (part.type === 'literal' && fields.length > 0) fields[fields.length - 1]!.after += part.value;
  }
  return fields;
}

/** How the locale writes a date in digits, for a placeholder: "DD.MM.JJJJ" (de), "DD-MM-JJJJ" (nl), "MM/DD/YYYY" (en-US). */
export function numericDatePattern(locale: string): string {
  return numericDateParts(locale).map((part) => t(locale, `date.pattern.${part.type}`) + part.after).join('');
}

/** A calendar date (YYYY-MM-DD) in the locale's digits: "13.10.2026" (de), "13-10-2026" (nl), "10/13/2026" (en-US). */
export function formatNumericDate(locale: string, isoDate: string): string {
  return dateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${isoDate}T00:00:00Z`));
}

/**
 * A date typed in the locale's order back to YYYY-MM-DD, or null unless it is a real date written that way: day,
 * month and year in the locale's order, a four-digit year, any of . / - or a space between them ("13.10.2026" and
 * "13/10/2026" in German; "10/13/2026" in en-US).
 */
export function parseNumericDate(locale: string, typed: string): string | null {
  const digits = /^\s*(\d{1,4})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{1,4})\s*\.?\s*$/.exec(typed);
  if (digits === null) return null;
  const value: Record<'day' | 'month' | 'year', string> = { day: '', month: '', year: '' };
  numericDateParts(locale).forEach((part, i) => (value[part.type] = digits[i + 1]!));
  if (!/^\d{4}$/.test(value.year) || value.day.length > 2 || value.month.length > 2) return null;
  const iso = `${value.year}-${value.month.padStart(2, '0')}-${value.day.padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : null;
}
