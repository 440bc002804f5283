// The pairing's response clock: how much counted time lies between two instants (calendar or working
// hours, minus paused intervals).
import { IntervalMeasure, mergeIntervals, subtractIntervals } from './intervals.ts';
import { weeklyWorkingMs, workingIntervals } from './local-calendar.ts';
import type { Interval } from './message.ts';
import { resolveTimeZone } from './time-zone.ts';
import type { Settings } from './settings.ts';

const WEEK_MS = 7 * 86_400_000;
/** Extra weeks laid out past the last known instant, beyond what the window needs, for partial weeks. */
const SPARE_WEEKS = 2;

export interface ResponseClock {
  /** Counted time from `from` to `to` in milliseconds (0 when `to` ≤ `from`). */
  elapsed(from: number, to: number): number;
}

export interface ClockSpan {
  /** Earliest instant the clock will be asked about. */
  readonly start: number;
  /**
   * Latest instant whose clock time must be exact (the last message or pause, or `now` if earlier). Later
   * instants may saturate once more than the window has passed, which is all a status needs.
   */
  readonly end: number;
}

function calendarClock(paused: IntervalMeasure): ResponseClock {
  return {
    elapsed: (from, to) => (to <= from ? 0 : to - from - (paused.before(to) - paused.before(from))),
  };
}

function workingClock(settings: Settings, paused: readonly Interval[], span: ClockSpan): ResponseClock {
  const hours = settings.workingHours;
  const zone = resolveTimeZone(hours.timeZone ?? settings.timeZone)!;
  const windowMs = settings.windowHours * 3_600_000;
  const weeksForWindow = Math.ceil(windowMs / weeklyWorkingMs(hours)) + SPARE_WEEKS;
  const laidOutEnd = span.end + weeksForWindow * WEEK_MS;
  const active = new IntervalMeasure(subtractIntervals(mergeIntervals(workingIntervals(hours, zone, span.start, laidOutEnd)), paused));
  return { elapsed: (from, to) => (to <= from ? 0 : active.before(to) - active.before(from)) };
}

/** Builds the clock the settings ask for; paused intervals (leave, observed out-of-office) may overlap. */
export function buildClock(settings: Settings, paused: readonly Interval[], span: ClockSpan): ResponseClock {
  const merged = mergeIntervals(paused);
  return settings.clock === 'working' ? workingClock(settings, merged, span) : calendarClock(new IntervalMeasure(merged));
}
