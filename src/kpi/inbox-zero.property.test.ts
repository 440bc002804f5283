// The inbox-zero streak walks back from this week and stops at the first fail; it must equal the streak by
// definition: every week from the first snapshot's to this one, judged newest first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inboxZeroStreak, inboxZeroWeek, sortSnapshots } from './inbox-zero.ts';
import { addDays, buildWeekGrid, dayOfWeek, localDateOf, localInstant, mondayOf } from './local-calendar.ts';
import type { InboxSnapshot } from './message.ts';
import { parseSettings, type Settings } from './settings.ts';

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 9, 1);

/** The streak as docs/kpi.md defines it: all weeks laid out, walked from the newest. */
function streakByDefinition(settings: Settings, zone: string, sorted: readonly InboxSnapshot[], now: number): number {
  const first = sorted[0];
  if (first === undefined) return 0;
  const grid = buildWeekGrid(localDateOf(Math.min(first.takenAt, now), zone), localDateOf(now, zone), zone);
  let streak = 0;
  for (let w = grid.mondays.length - 1; w >= 0; w--) {
    const week = inboxZeroWeek(grid.mondays[w]!, settings, zone, sorted, now);
    if (week?.status === 'fail') break;
    if (week?.status === 'pass') streak++;
  }
  return streak;
}

const scenario = fc.record({
  zone: fc.constantFrom('UTC', 'Europe/Copenhagen', 'America/New_York', 'Pacific/Auckland'),
  day: fc.constantFrom('friday', 'monday', 'sunday'),
  cutoff: fc.constantFrom('17:00', '00:00', '23:30'),
  maxItems: fc.integer({ min: 0, max: 2 }),
  // Mostly passing snapshots of about 70 weeks, taken from before the cut-off to past its grace (on time, late,
  // too late), a few weeks with two or none.
  snapshots: fc.array(fc.record({ week: fc.integer({ min: 0, max: 70 }), minutes: fc.integer({ min: -60, max: 180 }), count: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 3) }), { maxLength: 90 }),
  nowDay: fc.integer({ min: 0, max: 500 }),
  nowMinute: fc.integer({ min: 0, max: 1_439 }),
});

describe('inbox-zero streak', () => {
  it('equals the streak over every week since the first snapshot', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const settings = parseSettings({ timeZone: s.zone, inboxZeroDay: s.day, inboxZeroCutoff: s.cutoff, inboxZeroMaxItems: s.maxItems });
        const firstMonday = mondayOf(localDateOf(BASE, s.zone));
        const cutoffOf = (week: number) => localInstant(dayOfWeek(addDays(firstMonday, 7 * week), settings.inboxZeroDay), settings.inboxZeroCutoff, s.zone);
        const sorted = sortSnapshots(s.snapshots.map((snapshot) => ({ takenAt: cutoffOf(snapshot.week) + snapshot.minutes * 60_000, count: snapshot.count })));
        const now = BASE + s.nowDay * DAY + s.nowMinute * 60_000;
        expect(inboxZeroStreak(settings, s.zone, sorted, now)).toBe(streakByDefinition(settings, s.zone, sorted, now));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a year of passing Fridays, and stops at a fail', () => {
    const settings = parseSettings({ timeZone: 'Europe/Copenhagen' });
    const now = Date.UTC(2026, 10, 23, 12);
    // Fridays 17:05 local (16:05Z in winter, 15:05Z in summer) for 52 weeks back.
    const fridays = Array.from({ length: 52 }, (_, i) => Date.UTC(2026, 10, 20, 16, 5) - i * 7 * DAY);
    const snapshots = fridays.map((takenAt) => ({ takenAt: takenAt - (isSummer(takenAt) ? 3_600_000 : 0), count: 0 }));
    expect(inboxZeroStreak(settings, 'Europe/Copenhagen', sortSnapshots(snapshots), now)).toBe(52);
    snapshots[10]!.count = 5;
    expect(inboxZeroStreak(settings, 'Europe/Copenhagen', sortSnapshots(snapshots), now)).toBe(10);
  });
});

/** Copenhagen summer time in 2026: 29 March to 25 October; in 2025: 30 March to 26 October. */
function isSummer(instant: number): boolean {
  return (instant >= Date.UTC(2026, 2, 29) && instant < Date.UTC(2026, 9, 25)) || (instant >= Date.UTC(2025, 2, 30) && instant < Date.UTC(2025, 9, 26));
}
