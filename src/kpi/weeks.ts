// ISO weeks and periods in a pairing's time zone: the one place week keys ("2026-W47") are made and stepped,
// on the rule in iso-week.ts (which code that must stay free of luxon, such as the tab's, asks directly).
// Every surface, job and read model asks one of the two, so "this week", "last week" and "the last N weeks"
// mean the same everywhere.
import { DateTime } from 'luxon';
import { isoWeekDates } from './iso-week.ts';
import type { LocalDate } from './local-calendar.ts';
import { WEEKDAYS, type Settings, type Weekday } from './settings.ts';
import { resolveTimeZone } from './time-zone.ts';

export { isIsoWeek, isoWeekDates } from './iso-week.ts';

/** Local calendar days, both ends included, in the pairing's time zone. */
export interface Period {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

const keyOf = (monday: DateTime): string => monday.toFormat("kkkk-'W'WW");

const mondayOf = (week: string): DateTime => DateTime.fromISO(isoWeekDates(week).monday, { zone: 'UTC' });

/** The ISO week holding a local date. */
export function isoWeekOf(date: LocalDate): string {
  return keyOf(DateTime.fromISO(date, { zone: 'UTC' }).startOf('week'));
}

/** The week `weeks` after (negative: before) `week`. */
export function addWeeks(week: string, weeks: number): string {
  return keyOf(mondayOf(week).plus({ weeks }));
}


/**
 * Per zone, the weeks last asked for (newest first) and the instants they span: every read in one skips the
 * zone maths. Several, because a read may alternate between weeks (the pane asks for this week and the
 * message's), and a year of weeks is a short list to scan.
 */
const spans = new Map<string, Array<{ key: string; start: number; end: number }>>();
const SPANS_PER_ZONE = 64;

/** The ISO week holding the instant `at` in the pairing's zone. */
export function weekAt(settings: Pick<Settings, 'timeZone'>, at: number): string {
  const zone = resolveTimeZone(settings.timeZone)!;
  let known = spans.get(zone);
  if (known === undefined) spans.set(zone, (known = []));
  for (const span of known) if (span.start <= at && at < span.end) return span.key;
  const monday = DateTime.fromMillis(at, { zone }).startOf('week');
  const span = { key: keyOf(monday), start: monday.toMillis(), end: monday.plus({ weeks: 1 }).toMillis() };
  known.unshift(span);
  if (known.length > SPANS_PER_ZONE) known.pop();
  return span.key;
}

const periods = new Map<string, Period>();

/** The days of one ISO week. */
export function weekPeriod(week: string): Period {
  let period = periods.get(week);
  if (period === undefined) {
    const { monday, sunday } = isoWeekDates(week);
    periods.set(week, (period = { from: monday, to: sunday }));
  }
  return period;
}

/** The `count` ISO weeks ending with `week`. */
export function weeksEndingWith(week: string, count: number): Period {
  return { from: isoWeekDates(addWeeks(week, -(count - 1))).monday, to: isoWeekDates(week).sunday };
}

/** The `count` ISO weeks ending with the one holding `now`. */
export function lastWeeks(settings: Pick<Settings, 'timeZone'>, now: number, count: number): Period {
  return weeksEndingWith(weekAt(settings, now), count);
}

/**
 * Whether the scorecard that reports `week`, posted on `scorecardDay` of the week after it, falls in the first
 * seven days of a month: the month's first weekly check-in, the one the monthly question goes with.
 */
export function isFirstWeekOfMonth(week: string, scorecardDay: Weekday): boolean {
  return mondayOf(week).plus({ days: 7 + WEEKDAYS.indexOf(scorecardDay) }).day <= 7;
}
