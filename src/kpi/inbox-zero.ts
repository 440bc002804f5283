// Inbox-zero Friday: each week's Inbox count at the owner's cut-off, pass/fail/unknown, and the streak.
import { addDays, dayOfWeek, localDateOf, localInstant, mondayOf } from './local-calendar.ts';
import type { InboxSnapshot } from './message.ts';
import type { Settings } from './settings.ts';

/** How long after the cut-off a snapshot is still accepted (marked late); after that the week is unknown. */
export const LATE_SNAPSHOT_MS = 2 * 3_600_000;
/**
 * A snapshot this soon after the cut-off is on time: the scheduled job runs at the cut-off but needs a
 * moment to start and call Graph. (The spec names no tolerance; see README.)
 */
export const ON_TIME_SNAPSHOT_MS = 15 * 60_000;

export type InboxZeroStatus = 'pass' | 'fail' | 'unknown';

export interface InboxZeroWeek {
  readonly status: InboxZeroStatus;
  /** The Inbox `totalItemCount` read, null when unknown. */
  readonly count: number | null;
  /** Taken after the on-time tolerance but within the 2-hour grace. */
  readonly late: boolean;
  /** The week's cut-off instant. */
  readonly cutoff: number;
  readonly takenAt: number | null;
}

/** Snapshots sorted by time, so each week finds its first accepted one by a forward scan. */
export function sortSnapshots(snapshots: readonly InboxSnapshot[]): InboxSnapshot[] {
  return [...snapshots].sort((a, b) => a.takenAt - b.takenAt || a.count - b.count);
}

/**
 * The inbox-zero result of the week starting `monday`; null while the week's cut-off plus grace has not
 * passed at `now` and no snapshot has been taken yet (not decided).
 */
export function inboxZeroWeek(monday: string, settings: Settings, zone: string, sorted: readonly InboxSnapshot[], now: number): InboxZeroWeek | null {
  const cutoff = localInstant(dayOfWeek(monday, settings.inboxZeroDay), settings.inboxZeroCutoff, zone);
  const snapshot = sorted.find((candidate) => candidate.takenAt >= cutoff && candidate.takenAt <= cutoff + LATE_SNAPSHOT_MS);
  if (snapshot === undefined) {
    return now <= cutoff + LATE_SNAPSHOT_MS ? null : { status: 'unknown', count: null, late: false, cutoff, takenAt: null };
  }
  return {
    status: snapshot.count <= settings.inboxZeroMaxItems ? 'pass' : 'fail',
    count: snapshot.count,
    late: snapshot.takenAt - cutoff > ON_TIME_SNAPSHOT_MS,
    cutoff,
    takenAt: snapshot.takenAt,
  };
}

/**
 * Consecutive passing weeks up to the latest decided week at `now`: unknown weeks neither break nor
 * extend it, a fail resets it to 0.
 */
export function inboxZeroStreak(settings: Settings, zone: string, sorted: readonly InboxSnapshot[], now: number): number {
  const first = sorted[0];
  if (first === undefined) return 0;
  const firstMonday = mondayOf(localDateOf(Math.min(first.takenAt, now), zone));
  let streak = 0;
  // From this week back to the first snapshot's, newest first: the first fail ends the streak, so the weeks
  // before it are never looked at.
  for (let monday = mondayOf(localDateOf(now, zone)); monday >= firstMonday; monday = addDays(monday, -7)) {
    const week = inboxZeroWeek(monday, settings, zone, sorted, now);
    if (week?.status === 'fail') break;
    if (week?.status === 'pass') streak++;
  }
  return streak;
}
