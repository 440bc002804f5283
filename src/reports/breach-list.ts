// Mail about to miss its window: the breach warning's list, read off the waiting rows (minutes left as the
// engine counts them), soonest first.
import type { MessageRow } from './message-rows.ts';

/** Mail this close to its deadline is warned about. */
export const WARN_WITHIN_MINUTES = 4 * 60;

export interface BreachItem {
  readonly from: string | null;
  readonly subject: string;
  readonly receivedAt: number;
  /** Minutes left in the window, > 0. */
  readonly minutesLeft: number;
  readonly webLink: string | null;
}

/** Pending mail whose window closes within WARN_WITHIN_MINUTES, soonest first. */
export function aboutToBreach(rows: readonly MessageRow[]): BreachItem[] {
  return rows
    .flatMap((row) => (row.status === 'pending' && row.remainingMinutes !== null ? [{ from: row.from, subject: row.subject, receivedAt: row.receivedAt, minutesLeft: row.remainingMinutes, webLink: row.webLink }] : []))
    .filter((item) => item.minutesLeft > 0 && item.minutesLeft <= WARN_WITHIN_MINUTES)
    .sort((a, b) => a.minutesLeft - b.minutesLeft);
}
