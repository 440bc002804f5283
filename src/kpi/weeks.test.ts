import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings.ts';
import { addWeeks, isFirstWeekOfMonth, isoWeekDates, isoWeekOf, lastWeeks, weekAt, weekPeriod, weeksEndingWith } from './weeks.ts';

describe('weeks in the pairing\'s zone', () => {
  const copenhagen = parseSettings({ timeZone: 'Romance Standard Time' });

  it('turns the week at local Monday midnight, also when asked again and again across the boundary', () => {
    // Sunday 29 Nov 2026 23:59:59 in Copenhagen is 22:59:59Z; Monday starts at 23:00Z.
    expect(weekAt(copenhagen, Date.parse('2026-11-29T22:59:59Z'))).toBe('2026-W48');
    expect(weekAt(copenhagen, Date.parse('2026-11-29T23:00:00Z'))).toBe('2026-W49');
    expect(weekAt(copenhagen, Date.parse('2026-11-29T22:59:59Z'))).toBe('2026-W48');
    expect(weekAt(parseSettings({}), Date.parse('2026-11-29T23:00:00Z'))).toBe('2026-W48');
  });

  it('answers every instant of a year as luxon does, asked in any order in several zones', () => {
    const zones = ['Europe/Copenhagen', 'America/New_York', 'Pacific/Auckland'];
    const start = Date.parse('2025-12-01T00:00:00Z');
    // Hourly instants over 400 days, visited in a scrambled order so the remembered weeks are hit and missed.
    for (let k = 0; k < 9_600; k++) {
      const at = start + ((k * 7_919) % 9_600) * 3_600_000 + (k % 3) * 1_000;
      const zone = zones[k % zones.length]!;
      expect(weekAt({ timeZone: zone }, at), `${zone} ${new Date(at).toISOString()}`).toBe(DateTime.fromMillis(at, { zone }).toFormat("kkkk-'W'WW"));
    }
  });

  it('keeps ISO week-years apart at new year', () => {
    expect(weekAt(parseSettings({}), Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(weekPeriod('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('gives the last N weeks ending with the current one', () => {
    expect(lastWeeks(copenhagen, Date.parse('2026-11-25T12:00:00Z'), 12)).toEqual({ from: '2026-09-07', to: '2026-11-29' });
  });
});

describe('week keys', () => {
  it('steps across ISO week-years, forward and back', () => {
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2026-W47', -12)).toBe('2026-W35');
  });

  it('names the week of a local date, Sunday included', () => {
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47');
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
  });

  it('refuses what is not a week key', () => {
    expect(() => isoWeekDates('2026-W54')).toThrow(RangeError);
    expect(() => isoWeekDates('2026-47')).toThrow(RangeError);
  });

  it('gives N weeks ending with a given week', () => {
    expect(weeksEndingWith('2026-W47', 8)).toEqual({ from: '2026-09-28', to: '2026-11-22' });
  });

  it('knows the month\'s first check-in: the week whose scorecard, on the scorecard day after it, falls in the first seven days', () => {
    expect(isFirstWeekOfMonth('2026-W48', 'monday')).toBe(false); // scorecard Monday 30 Nov
    expect(isFirstWeekOfMonth('2026-W49', 'monday')).toBe(true); // Monday 7 Dec
    expect(isFirstWeekOfMonth('2026-W52', 'monday')).toBe(false); // Monday 28 Dec
    expect(isFirstWeekOfMonth('2026-W48', 'friday')).toBe(true); // Friday 4 Dec
    expect(isFirstWeekOfMonth('2026-W49', 'friday')).toBe(false); // Friday 11 Dec
    expect(isFirstWeekOfMonth('2026-W47', 'sunday')).toBe(false); // Sunday 29 Nov
    expect(isFirstWeekOfMonth('2026-W48', 'sunday')).toBe(true); // Sunday 6 Dec
  });
});
