import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isIsoWeek, isoWeekDates } from './iso-week.ts';

describe('the ISO week rule', () => {
  it('finds Monday and Sunday of weeks checked against a printed calendar', () => {
    expect(isoWeekDates('2026-W47')).toEqual({ monday: '2026-11-16', sunday: '2026-11-22' });
    // 1 January 2026 is a Thursday, so week 1 starts in December.
    expect(isoWeekDates('2026-W01')).toEqual({ monday: '2025-12-29', sunday: '2026-01-04' });
    // 2026 ends on a Thursday: it has a week 53, which ends in January.
    expect(isoWeekDates('2026-W53')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
    // 1 January 2021 is a Friday, so it belongs to 2020's week 53 and week 1 starts on the 4th.
    expect(isoWeekDates('2020-W53')).toEqual({ monday: '2020-12-28', sunday: '2021-01-03' });
    expect(isoWeekDates('2021-W01')).toEqual({ monday: '2021-01-04', sunday: '2021-01-10' });
    // A leap year starting on a Thursday: 29 February is in week 9.
    expect(isoWeekDates('2004-W09')).toEqual({ monday: '2004-02-23', sunday: '2004-02-29' });
  });

  it('refuses what is not a week, week 53 of a year that has 52, and weeks ending past 9999', () => {
    for (const bad of ['2026-W00', '2026-W54', '2027-W53', '2021-W53', '2026-W7', '2026-w47', '26-W47', ' 2026-W47', '2026-W47-1', '9999-W52']) {
      expect(() => isoWeekDates(bad), bad).toThrow(RangeError);
      expect(isIsoWeek(bad), bad).toBe(false);
    }
    for (const good of ['2026-W53', '2020-W53', '2027-W52', '9999-W51']) expect(isIsoWeek(good), good).toBe(true);
    // Year 0000 (1 BC) started on a Saturday, so its week 1 starts on 3 January.
    expect(isoWeekDates('0000-W01')).toEqual({ monday: '0000-01-03', sunday: '0000-01-09' });
  });

  it('agrees with luxon on every week key of 1900–2199, valid or not', () => {
    for (let year = 1900; year < 2200; year++) {
      for (let week = 1; week <= 53; week++) {
        const key = `${year}-W${String(week).padStart(2, '0')}`;
        const monday = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'UTC' });
        if (monday.isValid) expect(isoWeekDates(key), key).toEqual({ monday: monday.toISODate(), sunday: monday.plus({ days: 6 }).toISODate() });
        else expect(() => isoWeekDates(key), key).toThrow(RangeError);
      }
    }
  });
});
