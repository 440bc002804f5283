import { describe, expect, it } from 'vitest';
import { parseSettings } from '../kpi/settings.ts';
import { currentWeek, lastWeeks, weekPeriod } from './periods.ts';

describe('weeks in the pairing\'s zone', () => {
  const copenhagen = parseSettings({ timeZone: 'Romance Standard Time' });

  it('turns the week at local Monday midnight, also when asked again and again across the boundary', () => {
    // Sunday 29 Nov 2026 23:59:59 in Copenhagen is 22:59:59Z; Monday starts at 23:00Z.
    expect(currentWeek(copenhagen, Date.parse('2026-11-29T22:59:59Z'))).toBe('2026-W48');
    expect(currentWeek(copenhagen, Date.parse('2026-11-29T23:00:00Z'))).toBe('2026-W49');
    expect(currentWeek(copenhagen, Date.parse('2026-11-29T22:59:59Z'))).toBe('2026-W48');
    expect(currentWeek(parseSettings({}), Date.parse('2026-11-29T23:00:00Z'))).toBe('2026-W48');
  });

  it('keeps ISO week-years apart at new year', () => {
    expect(currentWeek(parseSettings({}), Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(weekPeriod('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('gives the last N weeks ending with the current one', () => {
    expect(lastWeeks(copenhagen, Date.parse('2026-11-25T12:00:00Z'), 12)).toEqual({ from: '2026-09-07', to: '2026-11-29' });
  });
});
