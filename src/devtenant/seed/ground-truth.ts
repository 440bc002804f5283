// The expected KPI, from outcomes the generator designed message by message: per ISO week (in the pairing's
// zone) the counts by status, exclusions by reason, who answered, and median/p90 by nearest rank. Nothing
// here asks the KPI engine; only the spec's vocabulary (the reason names) is shared.
import { DateTime } from 'luxon';
import { EXCLUSION_REASONS, type ExclusionReason } from '../../kpi/classify.ts';
import type { ExpectedWeek } from '../tenant-seed.ts';

/** What the generator decided for one inbound message, with the response time it built in. */
export type DesignedOutcome =
  | {
      readonly messageId: string;
      readonly receivedAt: number;
      readonly status: 'onTime' | 'late';
      /** Working minutes from receipt to the answer, by construction. */
      readonly minutes: number;
      readonly answeredAt: number;
      readonly answeredBy: 'va' | 'owner' | 'other';
    }
  | {
      readonly messageId: string;
      readonly receivedAt: number;
      readonly status: 'missed' | 'pending';
      /** Working minutes waited at the evaluation instant. */
      readonly minutes: number;
    }
  | { readonly messageId: string; readonly receivedAt: number; readonly status: 'excluded'; readonly reason: ExclusionReason };

export function isoWeekKey(instant: number, zone: string): string {
  const local = DateTime.fromMillis(instant, { zone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** The spec's nearest rank: the value at rank ⌈p·n/100⌉ of the ascending list. */
function nearestRank(ascending: readonly number[], p: number): number | null {
  if (ascending.length === 0) return null;
  return ascending[Math.max(1, Math.ceil((p * ascending.length) / 100)) - 1]!;
}

/** Expected weeks from `firstMonday` (an instant in that week) for `weeks` ISO weeks, in order. */
export function expectedWeeks(outcomes: readonly DesignedOutcome[], zone: string, firstMonday: number, weeks: number): ExpectedWeek[] {
  const monday = DateTime.fromMillis(firstMonday, { zone }).startOf('week');
  const keys = Array.from({ length: weeks }, (_, i) => isoWeekKey(monday.plus({ weeks: i }).plus({ hours: 12 }).toMillis(), zone));
  const byWeek = new Map(keys.map((key) => [key, [] as DesignedOutcome[]]));
  for (const outcome of outcomes) {
    const bucket = byWeek.get(isoWeekKey(outcome.receivedAt, zone));
    if (bucket === undefined) throw new RangeError(`outcome of ${outcome.messageId} falls outside the seeded weeks`);
    bucket.push(outcome);
  }
  return keys.map((week) => {
    const list = byWeek.get(week)!;
    const count = (status: DesignedOutcome['status']) => list.filter((outcome) => outcome.status === status).length;
    const answered = list.filter((outcome) => outcome.status === 'onTime' || outcome.status === 'late');
    const minutes = answered.map((outcome) => (outcome as { minutes: number }).minutes).sort((a, b) => a - b);
    const excluded = Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, 0])) as Record<ExclusionReason, number>;
    const answeredBy = { va: 0, owner: 0, other: 0 };
    for (const outcome of list) {
      if (outcome.status === 'excluded') excluded[outcome.reason]++;
      if (outcome.status === 'onTime' || outcome.status === 'late') answeredBy[outcome.answeredBy]++;
    }
    return {
      week,
      counted: count('onTime') + count('late') + count('missed'),
      onTime: count('onTime'),
      late: count('late'),
      missed: count('missed'),
      pending: count('pending'),
      medianMinutes: nearestRank(minutes, 50),
      p90Minutes: nearestRank(minutes, 90),
      excluded,
      answeredBy,
    };
  });
}
