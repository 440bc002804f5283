// The generator's own working-time arithmetic, on hand-computed cases (the ground truth rests on it).
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './working-time.ts';

const ZONE = 'Europe/Berlin';
const MIN = 60_000;
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

function calendar(paused: { start: number; end: number }[] = []) {
  return new WorkingCalendar({ zone: ZONE, weekdays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020, paused, from: at('2026-10-19T00:00'), to: at('2026-11-08T00:00') });
}

describe('WorkingCalendar', () => {
  it('lays out 09:00–17:00 local on weekdays, in the right UTC offset on both sides of the DST change', () => {
    const segments = calendar().segments;
    expect(segments).toHaveLength(15);
    expect(new Date(segments[4]!.start).toISOString()).toBe('2026-10-23T07:00:00.000Z'); // Friday, CEST
    expect(new Date(segments[5]!.start).toISOString()).toBe('2026-10-26T08:00:00.000Z'); // Monday, CET
  });

  it('advances across a weekend with the DST change (spec example 4: Fri 16:30 + 45 min → Mon 09:15)', () => {
    const c = calendar();
    const received = at('2026-10-23T16:30');
    expect(c.advance(received, 45 * MIN)).toBe(at('2026-10-26T09:15'));
    expect(c.between(received, at('2026-10-26T09:15'))).toBe(45 * MIN);
  });

  it('starts the clock at 09:00 for mail received at night, and stops at 17:00', () => {
    const c = calendar();
    expect(c.advance(at('2026-10-20T22:10'), 30 * MIN)).toBe(at('2026-10-21T09:30'));
    expect(c.between(at('2026-10-21T16:00'), at('2026-10-21T21:00'))).toBe(60 * MIN);
    expect(c.advance(at('2026-10-21T16:00'), 60 * MIN)).toBe(at('2026-10-21T17:00'));
  });

  it('skips paused time (spec example 5 on the working clock: leave Tue 00:00–Wed 00:00)', () => {
    const c = calendar([{ start: at('2026-10-27T00:00'), end: at('2026-10-28T00:00') }]);
    // Mon 12:00 → Wed 11:00: Mon 5 h + Wed 2 h.
    expect(c.between(at('2026-10-26T12:00'), at('2026-10-28T11:00'))).toBe(7 * 60 * MIN);
    expect(c.advance(at('2026-10-26T12:00'), 7 * 60 * MIN)).toBe(at('2026-10-28T11:00'));
    // A pause inside a day splits it.
    const split = calendar([{ start: at('2026-10-26T12:00'), end: at('2026-10-26T14:30') }]);
    expect(split.between(at('2026-10-26T09:00'), at('2026-10-26T17:00'))).toBe(330 * MIN);
  });

  it('answers Infinity beyond the laid-out days, and 0 for an empty gap', () => {
    const c = calendar();
    expect(c.advance(at('2026-11-06T09:00'), 100 * 60 * MIN)).toBe(Infinity);
    expect(c.between(at('2026-10-24T10:00'), at('2026-10-25T18:00'))).toBe(0);
  });
});
