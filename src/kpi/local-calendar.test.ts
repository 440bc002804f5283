// Date-only arithmetic and local instants, checked against dates and offsets read off a calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isLocalDate, localInstant, mondayOf, weekdayOf } from './local-calendar.ts';

describe('date-only arithmetic', () => {
  it('adds days across month ends, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-12-07', -7)).toBe('2026-11-30');
    expect(addDays('2026-12-07', 0)).toBe('2026-12-07');
    // Years below 100 are years, not 19xx.
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(weekdayOf('0001-01-01')).toBe('monday');
  });

  it('names the weekday and the ISO week’s Monday', () => {
    // 7 December 2026 is a Monday; 1 January 2027 a Friday; 3 January 2027 a Sunday (its week began 28 December).
    expect(weekdayOf('2026-12-07')).toBe('monday');
    expect(weekdayOf('2027-01-01')).toBe('friday');
    expect(weekdayOf('2027-01-03')).toBe('sunday');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(mondayOf('2026-12-12')).toBe('2026-12-07');
  });

  it('refuses what is not a calendar date rather than rolling it over', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', 'monday', '']) {
      expect(() => addDays(date, 1), date).toThrow(RangeError);
      expect(() => weekdayOf(date), date).toThrow(RangeError);
      expect(isLocalDate(date), date).toBe(false);
    }
    for (const date of ['2026-02-28', '2028-02-29', '0050-03-01', '9999-12-31']) expect(isLocalDate(date), date).toBe(true);
  });

  it('steps back to the date it started from, a week of days lands on the same weekday', () => {
    const dates = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
        expect(weekdayOf(addDays(date, 7 * Math.trunc(days / 7)))).toBe(weekdayOf(date));
        expect(weekdayOf(mondayOf(date))).toBe('monday');
      }),
    );
  });
});

describe('localInstant', () => {
  it('is the instant the zone’s clocks show that date and time, the same when asked again', () => {
    // Copenhagen is UTC+1 in winter and UTC+2 in summer; New York UTC−5 in winter.
    for (let round = 0; round < 2; round++) {
      expect(localInstant('2026-12-07', '09:00', 'Europe/Copenhagen')).toBe(Date.UTC(2026, 11, 7, 8, 0));
      expect(localInstant('2026-07-01', '00:00', 'Europe/Copenhagen')).toBe(Date.UTC(2026, 5, 30, 22, 0));
      expect(localInstant('2026-12-07', '09:00', 'America/New_York')).toBe(Date.UTC(2026, 11, 7, 14, 0));
    }
  });

  it('moves a time the spring change skips forward by the hour skipped', () => {
    // 29 March 2026, Copenhagen: 02:00 became 03:00, so 02:30 does not happen; it is read as 03:30 CEST.
    expect(localInstant('2026-03-29', '02:30', 'Europe/Copenhagen')).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });
});
