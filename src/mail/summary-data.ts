// Loads from the store what the weekly summary shows: the week, its 8-week trend and streak from one engine
// run (the same numbers the scorecard shows), and the feedback both sides gave that week.
import { DateTime } from 'luxon';
import { computeKpi } from '../kpi/engine.ts';
import { isoWeekDates, loadKpiInput } from '../jobs/week-kpi.ts';
import type { Queryable } from '../store/database.ts';
import { listFeedback } from '../store/feedback.ts';
import type { Pairing } from '../store/pairings.ts';
import { TREND_WEEKS, type SummaryMailInput } from './summary-view.ts';

export interface SummaryOptions {
  readonly now: number;
  readonly late: boolean;
  readonly tabUrl: string | null;
  /** The pairing's privacy mode (subjects of missed mail hidden). */
  readonly privacyMode: boolean;
  /** The reader's language: the owner's mailbox language for the mail, the chat's for the scorecard. */
  readonly locale: string;
}

export async function loadSummaryInput(db: Queryable, pairing: Pairing, week: string, options: SummaryOptions): Promise<SummaryMailInput> {
  const { monday, sunday } = isoWeekDates(week);
  const from = DateTime.fromISO(monday, { zone: 'UTC' }).minus({ weeks: TREND_WEEKS - 1 }).toISODate()!;
  const report = computeKpi(await loadKpiInput(db, pairing, { from, to: sunday }, options.now));
  const current = report.weeks.find((entry) => entry.week === week);
  if (current === undefined) throw new RangeError(`the engine reported no week ${week} for ${from}..${sunday}`);
  const feedback = (await listFeedback(db, pairing.id)).filter((entry) => entry.week === week);
  return {
    week: current,
    streak: report.inboxZeroStreak,
    trend: report.weeks,
    feedback,
    settings: pairing.settings,
    locale: options.locale,
    privacyMode: options.privacyMode,
    tabUrl: options.tabUrl,
    mailbox: pairing.mailbox,
    late: options.late,
  };
}
