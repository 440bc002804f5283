// What the weekly scorecard and the summary e-mail show, from one engine run: the week, its 8-week trend and
// the inbox-zero streak, the week's task KPI when the pairing reads tasks, and that week's check-in as the
// readers may see it.
import type { WeekKpi } from '../kpi/engine.ts';
import type { Settings } from '../kpi/settings.ts';
import type { TaskWeek } from '../kpi/tasks.ts';
import { weekPeriod, weeksEndingWith } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import type { Pairing } from '../store/pairings.ts';
import { checkInFor } from './check-in.ts';
import type { Audience, CheckInView } from './check-in-privacy.ts';
import type { Reports } from './reports.ts';

/** How many weeks the trend shows, the reported one last. */
export const TREND_WEEKS = 8;

export type TrendWeek = Pick<WeekKpi, 'week' | 'rate' | 'met'>;

export interface SummaryMailInput {
  readonly week: WeekKpi;
  readonly streak: number | null;
  /** Weeks up to and including `week`, oldest first; the last TREND_WEEKS are shown. */
  readonly trend: readonly TrendWeek[];
  /** The week's completion KPI (docs/kpi.md §11); null when the pairing has no task source, and then nothing is said about tasks. */
  readonly tasks: TaskWeek | null;
  /** The check-in about `week`, as the summary's readers may see it. */
  readonly checkIn: CheckInView;
  readonly settings: Settings;
  readonly locale: string;
  /** The pairing's privacy mode: subjects of missed mail are not shown. */
  readonly privacyMode: boolean;
  /** Deep link that opens the KPI tab in Teams; null leaves the button out. */
  readonly tabUrl: string | null;
  /** The measured mailbox, named in the footer. */
  readonly mailbox: string;
  /** Sent after its due time because Tandem was not running. */
  readonly late: boolean;
}

export interface SummaryOptions {
  readonly now: number;
  readonly late: boolean;
  readonly tabUrl: string | null;
  /** The reader's language: the owner's mailbox language for the mail, the chat's for the scorecard. */
  readonly locale: string;
  /** Who reads it: AUDIENCES.mailbox for the mail, AUDIENCES.chat for the scorecard (check-in-privacy.ts). */
  readonly audience: Audience;
}

export async function loadSummary(db: Queryable, reports: Pick<Reports, 'kpi' | 'tasks'>, pairing: Pairing, week: string, options: SummaryOptions): Promise<SummaryMailInput> {
  const [report, tasks] = await Promise.all([reports.kpi(pairing, weeksEndingWith(week, TREND_WEEKS), options.now), reports.tasks(pairing, weekPeriod(week), options.now)]);
  const current = report.weeks.find((entry) => entry.week === week);
  if (current === undefined) throw new RangeError(`the engine reported no week ${week}`);
  return {
    week: current,
    streak: report.inboxZeroStreak,
    trend: report.weeks,
    tasks: tasks?.weeks[0] ?? null,
    checkIn: await checkInFor(db, pairing.id, week, options.audience),
    settings: pairing.settings,
    locale: options.locale,
    privacyMode: pairing.settings.privacyMode,
    tabUrl: options.tabUrl,
    mailbox: pairing.mailbox,
    late: options.late,
  };
}
