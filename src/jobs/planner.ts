// Decides which of a pairing's once-per-period deliveries are due at `now`. Pure: the planner job feeds it
// rows and enqueues what it returns; a delivery already recorded is never planned again, and a schedule
// missed while Tandem was down is planned on the next run, marked late.
import { LATE_SNAPSHOT_MS, ON_TIME_SNAPSHOT_MS } from '../kpi/inbox-zero.ts';
import type { Settings } from '../kpi/settings.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { latestMonthlyFirst, latestReview, latestWeekly } from '../kpi/occurrences.ts';
import { addWeeks, isoWeekOf } from '../kpi/weeks.ts';
import type { DeliveryKind } from '../store/posted-items.ts';


/** A delivery counts as late when it runs this long after it fell due. */
export const LATE_AFTER_MS = 10 * 60_000;
/** One side has this long after the scorecard's check-in before the feedback reminder. */
export const REMINDER_AFTER_MS = 48 * 3_600_000;

export interface PairingSchedule {
  readonly pairingId: string;
  readonly settings: Settings;
  readonly createdAt: number;
  /** Deliveries already recorded (intent or sent), by `${kind}:${period}`, with when they were sent. */
  readonly recorded: ReadonlyMap<string, { readonly sentAt: number | null }>;
  /** Who has given feedback for each ISO week. */
  readonly feedbackBy: ReadonlyMap<string, ReadonlySet<'owner' | 'va'>>;
}

export interface DueDelivery {
  readonly pairingId: string;
  readonly kind: DeliveryKind;
  /** ISO week, month ("2026-11") or review ("review-2") the delivery is for. */
  readonly period: string;
  readonly dueAt: number;
  readonly late: boolean;
}

export const deliveryKey = (kind: DeliveryKind, period: string) => `${kind}:${period}`;

export function planDeliveries(pairing: PairingSchedule, now: number): DueDelivery[] {
  const { settings } = pairing;
  const zone = resolveTimeZone(settings.timeZone)!;
  const due: DueDelivery[] = [];
  const consider = (kind: DeliveryKind, period: string, dueAt: number, late = now - dueAt > LATE_AFTER_MS) => {
    if (dueAt < pairing.createdAt || dueAt > now || pairing.recorded.has(deliveryKey(kind, period))) return;
    due.push({ pairingId: pairing.pairingId, kind, period, dueAt, late });
  };

  const cutoff = latestWeekly(settings.inboxZeroDay, settings.inboxZeroCutoff, zone, now);
  // Past the 2-hour grace a snapshot no longer counts (the week is unknown), so none is taken.
  if (now - cutoff.dueAt <= LATE_SNAPSHOT_MS) consider('inbox_snapshot', isoWeekOf(cutoff.date), cutoff.dueAt, now - cutoff.dueAt > ON_TIME_SNAPSHOT_MS);

  const weekly = latestWeekly(settings.scorecardDay, settings.scorecardTime, zone, now);
  const reported = addWeeks(isoWeekOf(weekly.date), -1);
  consider('scorecard', reported, weekly.dueAt);
  consider('summary_mail', reported, weekly.dueAt);

  const scorecard = pairing.recorded.get(deliveryKey('scorecard', reported));
  const answered = pairing.feedbackBy.get(reported) ?? new Set();
  if (scorecard?.sentAt != null && (!answered.has('owner') || !answered.has('va'))) {
    consider('feedback_reminder', reported, scorecard.sentAt + REMINDER_AFTER_MS);
  }

  const monthly = latestMonthlyFirst(settings.scorecardDay, settings.scorecardTime, zone, now);
  consider('monthly_question', monthly.date.slice(0, 7), monthly.dueAt);

  const review = latestReview(pairing.createdAt, settings.reviewEveryWeeks, settings.scorecardDay, settings.scorecardTime, zone, now);
  if (review !== null) consider('review', `review-${review.number}`, review.dueAt);
  return due;
}
