// The VA's automatic replies (out of office), observed in her mailbox settings each cycle, as paused
// intervals for the response clock (kpi-spec: "every interval in which the VA's automatic replies were
// observed on"). A scheduled reply states its own window exactly, so that window is used as it is; a reply
// switched on by hand is known only from observations: on from the first cycle that saw it on.
import type { Interval } from '../kpi/message.ts';

export interface AutomaticRepliesObservation {
  readonly status: 'disabled' | 'alwaysenabled' | 'scheduled';
  readonly scheduledStart: number | null;
  readonly scheduledEnd: number | null;
}

/** An out-of-office seen on and not yet seen off; a scheduled one also knows when it ends at the latest. */
export interface OpenOutOfOffice {
  readonly start: number;
  readonly scheduledEnd?: number;
}

export interface OutOfOfficeStep {
  /** The open interval to carry to the next cycle, or null. */
  readonly open: OpenOutOfOffice | null;
  /** The interval to record now (replacing any recorded one with the same start), or null. */
  readonly record: Interval | null;
}

export function observeOutOfOffice(open: OpenOutOfOffice | null, seen: AutomaticRepliesObservation, observedAt: number): OutOfOfficeStep {
  if (seen.status === 'scheduled' && seen.scheduledStart !== null && seen.scheduledEnd !== null && seen.scheduledEnd > seen.scheduledStart) {
    // Not yet begun: nothing is paused yet, and a hand-switched reply that just ended closes here.
    if (observedAt < seen.scheduledStart) return closeOpen(open, observedAt);
    const end = Math.min(seen.scheduledEnd, Math.max(observedAt, seen.scheduledStart + 1));
    const finished = observedAt >= seen.scheduledEnd;
    return { open: finished ? null : { start: seen.scheduledStart, scheduledEnd: seen.scheduledEnd }, record: { start: seen.scheduledStart, end: finished ? seen.scheduledEnd : end } };
  }
  if (seen.status === 'alwaysenabled') {
    const start = open?.start ?? observedAt;
    return { open: { start }, record: observedAt > start ? { start, end: observedAt } : null };
  }
  return closeOpen(open, observedAt);
}

/** Switched off by now: a scheduled window ended at its end at the latest, whenever the VA switched it off. */
function closeOpen(open: OpenOutOfOffice | null, observedAt: number): OutOfOfficeStep {
  if (open === null) return { open: null, record: null };
  const end = Math.min(observedAt, open.scheduledEnd ?? observedAt);
  return { open: null, record: end > open.start ? { start: open.start, end } : null };
}
