// When a pairing's weekly, monthly and quarterly rituals fall due, in the pairing's time zone: pure
// schedule arithmetic, so DST and missed schedules are decided by tested code, not by a cron string.
import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from './settings.ts';

export interface Occurrence {
  /** The instant it falls due. */
  readonly dueAt: number;
  /** The local date it falls on. */
  readonly date: string;
}

function atLocal(date: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return date.set({ hour: hour!, minute: minute!, second: 0, millisecond: 0 });
}

/** The latest `day` at local `time` that is not after `now` (a time skipped by DST moves forward). */
export function latestWeekly(day: Weekday, time: string, zone: string, now: number): Occurrence {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const back = (today.weekday - 1 - WEEKDAYS.indexOf(day) + 7) % 7;
  let candidate = atLocal(today.minus({ days: back }), time);
  if (candidate.toMillis() > now) candidate = atLocal(candidate.minus({ weeks: 1 }).startOf('day'), time);
  return { dueAt: candidate.toMillis(), date: candidate.toISODate()! };
}

/** The first `day` of the month at local `time`, latest not after `now` (the monthly question). */
export function latestMonthlyFirst(day: Weekday, time: string, zone: string, now: number): Occurrence {
  const firstInMonth = (month: DateTime) => {
    const start = month.startOf('month');
    return atLocal(start.plus({ days: (WEEKDAYS.indexOf(day) - (start.weekday - 1) + 7) % 7 }), time);
  };
  const local = DateTime.fromMillis(now, { zone });
  let candidate = firstInMonth(local);
  if (candidate.toMillis() > now) candidate = firstInMonth(local.minus({ months: 1 }));
  return { dueAt: candidate.toMillis(), date: candidate.toISODate()! };
}

/**
 * The latest KPI review not after `now`: every `everyWeeks` weeks after the pairing started, on the
 * scorecard day and time. Null before the first one.
 */
export function latestReview(createdAt: number, everyWeeks: number, day: Weekday, time: string, zone: string, now: number): (Occurrence & { number: number }) | null {
  const weekly = latestWeekly(day, time, zone, now);
  const startWeek = DateTime.fromMillis(createdAt, { zone }).startOf('week');
  const weeks = Math.round(DateTime.fromISO(weekly.date, { zone }).startOf('week').diff(startWeek, 'weeks').weeks);
  const number = Math.floor(weeks / everyWeeks);
  if (number < 1) return null;
  const date = DateTime.fromISO(weekly.date, { zone }).minus({ weeks: weeks - number * everyWeeks });
  const due = atLocal(date, time);
  return { dueAt: due.toMillis(), date: due.toISODate()!, number };
}
