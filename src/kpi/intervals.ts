// Sorted, disjoint sets of time intervals and the measure of time inside them, answered by binary search
// so that a million response times cost a million lookups, not a million walks over the calendar.
import type { Interval } from './message.ts';

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/** `base` minus `holes`; both must be merged (sorted, disjoint). */
export function subtractIntervals(base: readonly Interval[], holes: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let h = 0;
  for (const interval of base) {
    let start = interval.start;
    while (h < holes.length && holes[h]!.end <= start) h++;
    let k = h;
    while (k < holes.length && holes[k]!.start < interval.end) {
      const hole = holes[k]!;
      if (hole.start > start) result.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
      k++;
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

/** Index of the last element of `sorted` that is ≤ `value`, or -1. */
export function lastAtOrBefore(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * The measure of a merged interval set up to any instant: `before(t)` is the time inside the set that
 * lies before `t`, so the time inside the set between a and b is `before(b) - before(a)`.
 */
export class IntervalMeasure {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** Time inside the set before the start of interval i. */
  private readonly cumulative: Float64Array;

  constructor(merged: readonly Interval[]) {
    this.starts = Float64Array.from(merged, (interval) => interval.start);
    this.ends = Float64Array.from(merged, (interval) => interval.end);
    this.cumulative = new Float64Array(merged.length);
    let total = 0;
    merged.forEach((interval, i) => {
      this.cumulative[i] = total;
      total += interval.end - interval.start;
    });
  }

  before(instant: number): number {
    const i = lastAtOrBefore(this.starts, instant);
    if (i < 0) return 0;
    return this.cumulative[i]! + Math.min(instant, this.ends[i]!) - this.starts[i]!;
  }
}
