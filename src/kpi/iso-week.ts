// The ISO week rule itself: weeks run Monday to Sunday, week 1 is the one holding 4 January, and a week
// belongs to the year its Thursday falls in. Plain date arithmetic, no time zone and no luxon, so the tab can
// load it up front: weeks.ts builds zones and periods on it, and format.ts names weeks with it.
import { dateOfUtc, DAY_MS, daysAfterMonday, isLocalDate, utcMidnightOfDay, type LocalDate } from './plain-date.ts';

/** The shape of an ISO week key: year, "-W", two-digit week ("2026-W47"); isIsoWeek also knows which years have 53. */
const ISO_WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

function dateOf(utc: number): LocalDate {
  const date = dateOfUtc(utc);
  // Years past 9999 print as "+010000-…": no four-digit date names them.
  if (!isLocalDate(date)) throw new RangeError(`No date before 0000 or after 9999: ${date}`);
  return date;
}

/** Monday and Sunday of an ISO week; a RangeError for anything else, week 53 of a year that has 52 included. */
export function isoWeekDates(week: string): { monday: LocalDate; sunday: LocalDate } {
  const match = ISO_WEEK.exec(week);
  if (match === null) throw new RangeError(`Not an ISO week: ${week}`);
  const year = Number(match[1]);
  const fourthOfJanuary = utcMidnightOfDay(year, 1, 4);
  const monday = fourthOfJanuary + ((Number(match[2]) - 1) * 7 - daysAfterMonday(fourthOfJanuary)) * DAY_MS;
  // Week 53 of a 52-week year would be the next year's week 1: its Thursday falls in January.
  if (new Date(monday + 3 * DAY_MS).getUTCFullYear() !== year) throw new RangeError(`Not an ISO week: ${week} (${year} has 52 weeks)`);
  return { monday: dateOf(monday), sunday: dateOf(monday + 6 * DAY_MS) };
}

/** Whether `value` is a week key isoWeekDates takes: the right shape, and week 53 only in a year that has one. */
export function isIsoWeek(value: string): boolean {
  try {
    isoWeekDates(value);
    return true;
  } catch {
    return false;
  }
}
