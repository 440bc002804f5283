// The generator's own working-time arithmetic, written apart from the KPI engine's clock so the ground truth
// checks the engine rather than repeating it: working hours laid out day by day in the local zone, minus
// paused intervals, as a sorted list of segments; `advance` places a reply N working minutes after receipt
// and `between` measures a gap.
import { DateTime } from 'luxon';
import type { Interval } from '../../kpi/message.ts';

export interface WorkingCalendarSpec {
  /** IANA zone the working hours are in. */
  readonly zone: string;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  readonly weekdays: readonly number[];
  /** Minutes after local midnight; the shift is start ≤ t < end on the same day. */
  readonly startMinute: number;
  readonly endMinute: number;
  readonly paused: readonly Interval[];
  /** Instants the segments must cover. */
  readonly from: number;
  readonly to: number;
}

function subtract(segment: Interval, paused: readonly Interval[]): Interval[] {
  let pieces = [segment];
  for (const pause of paused) {
    pieces = pieces.flatMap((piece) => {
      if (pause.end <= piece.start || pause.start >= piece.end) return [piece];
      const left = pause.start > piece.start ? [{ start: piece.start, end: pause.start }] : [];
      const right = pause.end < piece.end ? [{ start: pause.end, end: piece.end }] : [];
      return [...left, ...right];
    });
  }
  return pieces;
}

export class WorkingCalendar {
  /** Disjoint, ascending [start, end) intervals of counted time. */
  readonly segments: readonly Interval[];

  constructor(spec: WorkingCalendarSpec) {
    const segments: Interval[] = [];
    let day = DateTime.fromMillis(spec.from, { zone: spec.zone }).startOf('day');
    while (day.toMillis() <= spec.to) {
      if (spec.weekdays.includes(day.weekday)) {
        const at = (minute: number) => day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
        segments.push(...subtract({ start: at(spec.startMinute), end: at(spec.endMinute) }, spec.paused));
      }
      day = day.plus({ days: 1 }).startOf('day');
    }
    this.segments = segments;
  }

  /** Counted milliseconds in [from, to). */
  between(from: number, to: number): number {
    let total = 0;
    for (const segment of this.segments) {
      if (segment.start >= to) break;
      total += Math.max(0, Math.min(segment.end, to) - Math.max(segment.start, from));
    }
    return total;
  }

  /** The instant at which `ms` counted milliseconds have passed since `from` (beyond the calendar: Infinity). */
  advance(from: number, ms: number): number {
    let left = ms;
    for (const segment of this.segments) {
      if (segment.end <= from) continue;
      const start = Math.max(segment.start, from);
      if (left <= segment.end - start) return start + left;
      left -= segment.end - start;
    }
    return Infinity;
  }
}
