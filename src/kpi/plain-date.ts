// Calendar dates ('YYYY-MM-DD') by plain Date arithmetic at midnight UTC: a date with no time of day needs no
// time zone, so Date does it exactly, and without luxon the tab can load it up front (iso-week.ts, format.ts).
// local-calendar.ts builds the zone-aware days on it.

/** A calendar date 'YYYY-MM-DD' as the pairing's people read it. */
export type LocalDate = string;

export const DAY_MS = 86_400_000;
export const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date of the UTC day holding `utc`. */
export const dateOfUtc = (utc: number): LocalDate => new Date(utc).toISOString().slice(0, 10);

/**
 * Midnight UTC of a year, month (1–12) and day; out-of-range months and days roll over, as Date does. By
 * setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
 */
export const utcMidnightOfDay = (year: number, month: number, day: number): number => new Date(0).setUTCFullYear(year, month - 1, day);

/** Midnight UTC of a date, or null when it is not one. */
export function utcMidnightOf(date: string): number | null {
  const match = LOCAL_DATE.exec(date);
  const utc = match === null ? NaN : utcMidnightOfDay(+match[1]!, +match[2]!, +match[3]!);
  // 2026-02-30 rolls over into March: a date that does not read back is not a date.
  return Number.isNaN(utc) || dateOfUtc(utc) !== date ? null : utc;
}

export function isLocalDate(value: string): boolean {
  return utcMidnightOf(value) !== null;
}

/** Days after Monday (Monday 0 … Sunday 6) of the UTC day holding `utc`. */
export const daysAfterMonday = (utc: number): number => (new Date(utc).getUTCDay() + 6) % 7; // getUTCDay counts from Sunday
