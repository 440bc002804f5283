// ISO weeks in a pairing's time zone: the current week, a week's dates and the last N weeks as a period.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { isoWeekDates } from '../jobs/week-kpi.ts';
import type { Settings } from '../kpi/settings.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';

export const ISO_WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
export const weekParam = z.string().regex(ISO_WEEK, { error: 'must be an ISO week like 2026-W47' });

export interface Period {
  readonly from: string;
  readonly to: string;
}

/** The ISO week containing `now` in the pairing's zone. */
export function currentWeek(settings: Settings, now: number): string {
  return DateTime.fromMillis(now, { zone: resolveTimeZone(settings.timeZone)! }).toFormat("kkkk-'W'WW");
}

export function weekPeriod(week: string): Period {
  const { monday, sunday } = isoWeekDates(week);
  return { from: monday, to: sunday };
}

/** The `count` ISO weeks ending with the current one. */
export function lastWeeks(settings: Settings, now: number, count: number): Period {
  const { monday, sunday } = isoWeekDates(currentWeek(settings, now));
  return { from: DateTime.fromISO(monday, { zone: 'UTC' }).minus({ weeks: count - 1 }).toISODate()!, to: sunday };
}
