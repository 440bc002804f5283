import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../kpi/settings.ts';
import { formatClockTime, formatDate, formatDateTime, formatDuration, formatDurationLong, formatNumber, formatPercent, formatTime, formatWeek, formatWeekday } from './format.ts';

/** Intl separates numbers and units with no-break spaces; the tests compare words, not space kinds. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const MINUTES = [0, 1, 2, 59, 60, 61, 65, 120, 125];

describe.each([
  ['en', ['0 minutes', '1 minute', '2 minutes', '59 minutes', '1 hour', '1 hour 1 minute', '1 hour 5 minutes', '2 hours', '2 hours 5 minutes']],
  ['da-DK', ['0 minutter', '1 minut', '2 minutter', '59 minutter', '1 time', '1 time og 1 minut', '1 time og 5 minutter', '2 timer', '2 timer og 5 minutter']],
  ['nl-NL', ['0 minuten', '1 minuut', '2 minuten', '59 minuten', '1 uur', '1 uur en 1 minuut', '1 uur en 5 minuten', '2 uur', '2 uur en 5 minuten']],
  ['nb-NO', ['0 minutter', '1 minutt', '2 minutter', '59 minutter', '1 time', '1 time og 1 minutt', '1 time og 5 minutter', '2 timer', '2 timer og 5 minutter']],
  ['de-DE', ['0 Minuten', '1 Minute', '2 Minuten', '59 Minuten', '1 Stunde', '1 Stunde und 1 Minute', '1 Stunde und 5 Minuten', '2 Stunden', '2 Stunden und 5 Minuten']],
] as const)('durations in words, %s', (locale, expected) => {
  it(`${MINUTES.join(', ')} minutes`, () => {
    expect(MINUTES.map((minutes) => formatDurationLong(locale, minutes))).toEqual(expected);
  });

  it('rounds to the minute, treats negatives as zero and shows null as a dash', () => {
    expect(formatDurationLong(locale, 64.6)).toBe(expected[6]);
    expect(formatDurationLong(locale, 0.4)).toBe(expected[0]);
    expect(formatDurationLong(locale, -30)).toBe(expected[0]);
    expect(formatDurationLong(locale, null)).toBe('–');
  });
});

describe('compact durations', () => {
  it.each([
    ['en-GB', ['45 min', '1 h 35 min', '11 h 0 min']],
    ['da', ['45 min.', '1 t. 35 min.', '11 t. 0 min.']],
    ['nl', ['45 min', '1 u 35 min', '11 u 0 min']],
    ['nb', ['45 min', '1 t 35 min', '11 t 0 min']],
    ['de', ['45 Min.', '1 Std. 35 Min.', '11 Std. 0 Min.']],
  ])('%s', (locale, expected) => {
    expect([45, 95, 660].map((minutes) => formatDuration(locale, minutes))).toEqual(expected);
    expect(formatDuration(locale, null)).toBe('–');
  });
});

describe('numbers and percentages follow the locale', () => {
  it.each([
    ['en', '82.5%', '100%', '12,345.5'],
    ['da-DK', '82,5 %', '100 %', '12.345,5'],
    ['nl-BE', '82,5%', '100%', '12.345,5'],
    ['nb-NO', '82,5 %', '100 %', '12 345,5'],
    ['no', '82,5 %', '100 %', '12 345,5'],
    ['de-DE', '82,5 %', '100 %', '12.345,5'],
    ['de-CH', '82.5%', '100%', "12'345.5"],
    ['fr-FR', '82.5%', '100%', '12,345.5'],
  ])('%s', (locale, rate, full, number) => {
    expect(plain(formatPercent(locale, 0.825))).toBe(rate);
    expect(plain(formatPercent(locale, 1))).toBe(full);
    expect(plain(formatNumber(locale, 12345.5))).toBe(number);
  });
});

describe('dates and times in the reader’s locale and the pairing’s zone', () => {
  // Copenhagen springs forward at 01:00 UTC on 29 March 2026: 00:30 UTC is 01:30 CET, 01:30 UTC is 03:30 CEST.
  const beforeChange = Date.UTC(2026, 2, 29, 0, 30);
  const afterChange = Date.UTC(2026, 2, 29, 1, 30);

  it.each([
    ['en', 'Sun, Mar 29, 1:30 AM', 'Sun, Mar 29, 3:30 AM', 'Mon, Nov 16, 2026', 'Nov 16', '5:05 PM'],
    ['da', 'søn. 29. mar., 01.30', 'søn. 29. mar., 03.30', 'man. 16. nov. 2026', '16. nov.', '17.05'],
    ['nl', 'zo 29 mrt, 01:30', 'zo 29 mrt, 03:30', 'ma 16 nov 2026', '16 nov', '17:05'],
    ['nb', 'søn. 29. mars, 01:30', 'søn. 29. mars, 03:30', 'man. 16. nov. 2026', '16. nov.', '17:05'],
    ['de', 'So., 29. März, 01:30', 'So., 29. März, 03:30', 'Mo., 16. Nov. 2026', '16. Nov.', '17:05'],
  ])('%s', (locale, before, after, day, shortDay, clockTime) => {
    expect(plain(formatDateTime(locale, beforeChange, 'Europe/Copenhagen'))).toBe(before);
    expect(plain(formatDateTime(locale, afterChange, 'Europe/Copenhagen'))).toBe(after);
    expect(plain(formatDate(locale, '2026-11-16', { weekday: true }))).toBe(day);
    expect(plain(formatDate(locale, '2026-11-16', { year: false }))).toBe(shortDay);
    expect(plain(formatClockTime(locale, '17:05'))).toBe(clockTime);
    expect(plain(formatTime(locale, Date.UTC(2026, 10, 16, 16, 5), 'Europe/Oslo'))).toBe(clockTime);
  });

  it('shows a calendar date as that date in every zone, and an unknown zone (or an unresolved Windows name) as UTC', () => {
    expect(formatDateTime('en-GB', Date.UTC(2026, 0, 1, 23, 30), 'Romance Standard Time')).toBe('Thu 1 Jan, 23:30');
    expect(formatDate('en-GB', '2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('en-GB', '2026-12-31')).toBe('31 Dec 2026');
    expect(formatDateTime('en-GB', Date.UTC(2026, 0, 1, 23, 30), 'Not/AZone')).toBe('Thu 1 Jan, 23:30');
    expect(formatDateTime('en-GB', Date.UTC(2026, 0, 1, 23, 30), 'Pacific/Kiritimati')).toBe('Fri 2 Jan, 13:30');
  });
});

describe('weekdays', () => {
  it.each([
    ['en', 'Monday', 'Sun', 'Fri'],
    ['da', 'mandag', 'søn.', 'fre.'],
    ['nl', 'maandag', 'zo', 'vr'],
    ['nb', 'mandag', 'søn.', 'fre.'],
    ['de', 'Montag', 'So', 'Fr'],
  ])('%s', (locale, monday, sunday, friday) => {
    expect(formatWeekday(locale, 'monday')).toBe(monday);
    expect(formatWeekday(locale, 'sunday', 'short')).toBe(sunday);
    expect(formatWeekday(locale, 'friday', 'short')).toBe(friday);
    expect(new Set(WEEKDAYS.map((day) => formatWeekday(locale, day, 'short'))).size).toBe(7);
  });
});

describe('the pseudo-locale', () => {
  it('formats dates and times as English, accented, so ones formatted elsewhere stand out', () => {
    const instant = Date.UTC(2026, 10, 16, 8, 15);
    expect(formatDateTime('qps-ploc', instant, 'Europe/Copenhagen')).toBe('Ṁöñ, Ñöṽ 16, 9:15 ÅṀ');
    expect(formatDate('en-XA', '2026-11-16', { weekday: true })).toBe('Ṁöñ, Ñöṽ 16, 2026');
    expect(formatTime('qps-ploc', instant, 'UTC')).toBe('8:15 ÅṀ');
    expect(formatClockTime('qps-ploc', '17:00')).toBe('5:00 ÞṀ');
    expect(formatWeekday('qps-ploc', 'friday')).toBe('Ƒŕîðåý');
    expect(formatPercent('qps-ploc', 0.825)).toBe('82.5%');
  });
});

describe('weeks by their Monday, not their ISO label (issue #20)', () => {
  it.each([
    ['en-GB', 'Week of 16 Nov', '16 Nov', 'Week of 29 Dec 2025'],
    ['da', 'Uge fra 16. nov.', '16. nov.', 'Uge fra 29. dec. 2025'],
    ['nl', 'Week van 16 nov', '16 nov', 'Week van 29 dec 2025'],
    ['nb', 'Uke fra 16. nov.', '16. nov.', 'Uke fra 29. des. 2025'],
    ['de', 'Woche ab 16. Nov.', '16. Nov.', 'Woche ab 29. Dez. 2025'],
  ])('%s', (locale, label, monday, otherYear) => {
    expect(plain(formatWeek(locale, '2026-W47'))).toBe(label);
    expect(plain(formatWeek(locale, '2026-W47', { form: 'monday' }))).toBe(monday);
    // 2026-W01 starts on Monday 29 December 2025: read in 2026, the year is not obvious.
    expect(plain(formatWeek(locale, '2026-W01', { near: '2026-03-02' }))).toBe(otherYear);
    expect(plain(formatWeek(locale, '2026-W47', { near: '2026-W02' }))).toBe(label);
  });

  it('shows the year when asked, or when "now" is in another year', () => {
    expect(formatWeek('en-GB', '2026-W47', { year: true })).toBe('Week of 16 Nov 2026');
    expect(formatWeek('en-GB', '2025-W47', { near: '2026-W02', form: 'monday' })).toBe('17 Nov 2025');
    expect(formatWeek('en-GB', '2025-W52', { near: '2026-W01', form: 'monday' })).toBe('22 Dec');
  });

  it('refuses what is not an ISO week', () => {
    for (const bad of ['2026-W00', '2026-W54', '2027-W53', '2026-47', 'review-3', '2026-11']) expect(() => formatWeek('en', bad)).toThrow(RangeError);
  });
});
