// The ground truth's own arithmetic on hand-made outcomes: nearest-rank median and p90, ISO weeks in the
// owner's zone across a DST change, and exclusions and answers tallied per week.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expectedWeeks, isoWeekKey, type DesignedOutcome } from './ground-truth.ts';

const ZONE = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

function answered(id: string, receivedAt: number, minutes: number, answeredBy: 'va' | 'owner' | 'other' = 'va'): DesignedOutcome {
  return { messageId: id, receivedAt, status: minutes <= 480 ? 'onTime' : 'late', minutes, answeredAt: receivedAt + minutes * 60_000, answeredBy };
}

describe('expectedWeeks', () => {
  it('takes median and p90 by nearest rank over answered mail only', () => {
    const monday = at('2026-11-16T10:00');
    const outcomes = [10, 20, 30, 40, 50, 60, 70, 80, 90, 600].map((m, i) => answered(`a${i}`, monday, m, i === 9 ? 'owner' : 'va'));
    outcomes.push({ messageId: 'm', receivedAt: monday, status: 'missed', minutes: 900 });
    outcomes.push({ messageId: 'p', receivedAt: monday, status: 'pending', minutes: 5 });
    outcomes.push({ messageId: 'x', receivedAt: monday, status: 'excluded', reason: 'auto' });
    const [week] = expectedWeeks(outcomes, ZONE, at('2026-11-16T00:00'), 1);
    expect(week).toEqual({
      week: '2026-W47',
      counted: 11,
      onTime: 9,
      late: 1,
      missed: 1,
      pending: 1,
      medianMinutes: 50, // rank ⌈0.5 × 10⌉ = 5
      p90Minutes: 90, // rank ⌈0.9 × 10⌉ = 9
      excluded: { auto: 1, noreply: 0, junk: 0, cc: 0, internal: 0, other: 0, marked: 0 },
      answeredBy: { va: 9, owner: 1, other: 0 },
    });
  });

  it('puts mail in the ISO week of its local date, across the end of DST', () => {
    // Sunday 2026-10-25 23:30 CET is 22:30 UTC: still week 43 locally. Monday 00:30 CET is week 44.
    expect(isoWeekKey(at('2026-10-25T23:30'), ZONE)).toBe('2026-W43');
    expect(isoWeekKey(at('2026-10-26T00:30'), ZONE)).toBe('2026-W44');
    expect(isoWeekKey(Date.UTC(2026, 9, 25, 23, 30), ZONE)).toBe('2026-W44');
    const weeks = expectedWeeks([answered('late-sunday', at('2026-10-25T23:30'), 30), answered('monday', at('2026-10-26T00:30'), 30)], ZONE, at('2026-10-19T00:00'), 2);
    expect(weeks.map((w) => [w.week, w.counted])).toEqual([
      ['2026-W43', 1],
      ['2026-W44', 1],
    ]);
  });

  it('reports "no mail" weeks with null percentiles, and refuses outcomes outside the weeks', () => {
    const [week] = expectedWeeks([], ZONE, at('2026-12-28T00:00'), 1);
    expect(week).toMatchObject({ week: '2026-W53', counted: 0, medianMinutes: null, p90Minutes: null });
    expect(() => expectedWeeks([answered('late', at('2027-02-01T10:00'), 5)], ZONE, at('2026-12-28T00:00'), 1)).toThrow(RangeError);
  });
});
