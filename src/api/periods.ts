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

/** Resolving a zone name builds an Intl formatter; the API asks for the same few names on every request. */
const zones = new Map<string, string>();
function zoneOf(settings: Settings): string {
  let zone = zones.get(settings.timeZone);
  if (zone === undefined) zones.set(settings.timeZone, (zone = resolveTimeZone(settings.timeZone)!));
  return zone;
}

/** Per zone, the week last asked for and the instants it spans: every request in it skips the zone maths. */
const weeks = new Map<string, { key: string; start: number; end: number }>();

/** The ISO week containing `now` in the pairing's zone. */
export function currentWeek(settings: Settings, now: number): string {
  const zone = zoneOf(settings);
  const known = weeks.get(zone);
  if (known !== undefined && known.start <= now && now < known.end) return known.key;
  const monday = DateTime.fromMillis(now, { zone }).startOf('week');
  const week = { key: monday.toFormat("kkkk-'W'WW"), start: monday.toMillis(), end: monday.plus({ weeks: 1 }).toMillis() };
  weeks.set(zone, week);
  return week.key;
}

const periods = new Map<string, Period>();

export function weekPeriod(week: string): Period {
  let period = periods.get(week);
  if (period === undefined) {
    const { monday, sunday } = isoWeekDates(week);
    periods.set(week, (period = { from: monday, to: sunday }));
  }
  return period;
}

/** The `count` ISO weeks ending with the current one. */
export function lastWeeks(settings: Settings, now: number, count: number): Period {
  const { monday, sunday } = isoWeekDates(currentWeek(settings, now));
  return { from: DateTime.fromISO(monday, { zone: 'UTC' }).minus({ weeks: count - 1 }).toISODate()!, to: sunday };
}
