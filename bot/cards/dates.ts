// Dates and instants on cards, in the pairing's time zone and the reader's locale.
import { DateTime } from 'luxon';
import { resolveTimeZone } from '../../src/kpi/time-zone.ts';

/** "Mon 16 Nov 2026" for a local date (YYYY-MM-DD). */
export function formatDay(locale: string, date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC', locale }).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** "Mon 16 Nov, 09:30" for an instant, in the pairing's zone. */
export function formatInstant(locale: string, instant: number, timeZone: string): string {
  const zone = resolveTimeZone(timeZone) ?? 'UTC';
  return DateTime.fromMillis(instant, { zone, locale }).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
