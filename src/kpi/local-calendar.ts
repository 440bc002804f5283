// Local days, ISO weeks and working hours of a time zone, as UTC instants. Each boundary is computed once
// per day or week (Intl time-zone calls cost microseconds each), never once per message.
import { DateTime } from 'luxon';
import type { Interval } from './message.ts';
import { WEEKDAYS, type Weekday, type WorkingHours } from './settings.ts';
import { dateOfUtc, DAY_MS, daysAfterMonday, LOCAL_DATE, utcMidnightOf, type LocalDate } from './plain-date.ts';
import { isoWeekOf } from './weeks.ts';

export { isLocalDate, type LocalDate } from './plain-date.ts';

function parseLocalDate(date: LocalDate, zone: string): DateTime {
  const match = LOCAL_DATE.exec(date);
  if (match === null) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const parsed = DateTime.fromObject({ year: +match[1]!, month: +match[2]!, day: +match[3]! }, { zone });
  if (!parsed.isValid) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return parsed;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: number, zone: string): LocalDate {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

/**
 * Instants already computed, by date, time and zone: every report asks for the same few (its period's start and
 * end, each working day's shift, each Friday's cut-off), and each costs a zone-offset look-up.
 */
const instants = new Map<string, number>();
const MAX_INSTANTS = 8_192;

/** The instant a local date and HH:MM time happen in a zone; a time skipped by DST moves forward. */
export function localInstant(date: LocalDate, time: string, zone: string): number {
  const key = `${date} ${time} ${zone}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const [hour, minute] = time.split(':').map(Number);
    instant = parseLocalDate(date, zone).set({ hour: hour!, minute: minute! }).toMillis();
    if (instants.size >= MAX_INSTANTS) instants.delete(instants.keys().next().value!);
    instants.set(key, instant);
  }
  return instant;
}

function utcMidnight(date: LocalDate): number {
  const utc = utcMidnightOf(date);
  if (utc === null) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return utc;
}

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[daysAfterMonday(utcMidnight(date))]!;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfUtc(utcMidnight(date) + days * DAY_MS);
}

/** ISO weeks from the week holding `from` to the week holding `to`, with their bounds as instants. */
export interface WeekGrid {
  /** ISO week keys, e.g. "2026-W47". */
  readonly keys: readonly string[];
  /** The Monday of each week. */
  readonly mondays: readonly LocalDate[];
  /** Instant each week starts, plus one more entry: the end of the last week. */
  readonly bounds: Float64Array;
}

/** The Monday of the ISO week holding a local date. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/**
 * Grids already built, by period and zone: each week costs several zone-offset look-ups, and every report of
 * the same period (every pairing's this-week, the pane's weeks since a message) asks for the same grid.
 */
const grids = new Map<string, WeekGrid>();
const MAX_GRIDS = 512;

/** ISO weeks from the week holding `from` to the week holding `to` (shared and read-only: do not change it). */
export function buildWeekGrid(from: LocalDate, to: LocalDate, zone: string): WeekGrid {
  const key = `${from}|${to}|${zone}`;
  let grid = grids.get(key);
  if (grid === undefined) {
    grid = weekGrid(from, to, zone);
    if (grids.size >= MAX_GRIDS) grids.delete(grids.keys().next().value!);
    grids.set(key, grid);
  }
  return grid;
}

function weekGrid(from: LocalDate, to: LocalDate, zone: string): WeekGrid {
  const last = parseLocalDate(to, zone).startOf('week');
  const keys: string[] = [];
  const mondays: LocalDate[] = [];
  const bounds: number[] = [];
  let monday = parseLocalDate(from, zone).startOf('week');
  while (monday <= last) {
    const date = monday.toISODate()!;
    keys.push(isoWeekOf(date));
    mondays.push(date);
    bounds.push(monday.toMillis());
    monday = monday.plus({ weeks: 1 }).startOf('day');
  }
  bounds.push(monday.toMillis());
  return { keys, mondays, bounds: Float64Array.from(bounds) };
}

/** The date in the week starting `monday` that falls on `day`. */
export function dayOfWeek(monday: LocalDate, day: Weekday): LocalDate {
  return addDays(monday, WEEKDAYS.indexOf(day));
}

/**
 * The working-hours intervals that touch [start, end], merged. A shift whose end is not after its start
 * runs past midnight into the next day.
 */
export function workingIntervals(hours: WorkingHours, zone: string, start: number, end: number): Interval[] {
  const days = new Set(hours.daysOfWeek);
  const intervals: Interval[] = [];
  // Start a day early so a shift running past midnight into `start` is included.
  let day = DateTime.fromMillis(start - DAY_MS, { zone }).startOf('day');
  while (day.toMillis() <= end) {
    const date = day.toISODate()!;
    if (days.has(WEEKDAYS[day.weekday - 1]!)) {
      const shiftStart = localInstant(date, hours.startTime, zone);
      const endDate = hours.endTime > hours.startTime ? date : addDays(date, 1);
      intervals.push({ start: shiftStart, end: localInstant(endDate, hours.endTime, zone) });
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return intervals;
}

/** Working time in one ordinary week, for sizing how far ahead a working clock must be laid out. */
export function weeklyWorkingMs(hours: WorkingHours): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const shift = (minutes(hours.endTime) - minutes(hours.startTime) + 1440) % 1440;
  return new Set(hours.daysOfWeek).size * shift * 60_000;
}
