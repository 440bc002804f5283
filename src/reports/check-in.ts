// The weekly check-in as the read models see it: which week it asks about, whether it carries the monthly
// question, and each side's saved answers for a week.
import type { Settings } from '../kpi/settings.ts';
import { addWeeks, isFirstWeekOfMonth, weekAt } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import { listFeedback } from '../store/feedback.ts';
import { listPostedItems } from '../store/posted-items.ts';
import type { FeedbackRole } from './feedback-questions.ts';

/** The week the check-in asks about: the last full week, which the latest scorecard covered. */
export function checkInWeek(settings: Pick<Settings, 'timeZone'>, now: number): string {
  return addWeeks(weekAt(settings, now), -1);
}

/** The month's first check-in (its scorecard is posted in the first seven days of a month) asks one more question. */
export const isMonthlyWeek = isFirstWeekOfMonth;

export interface SavedAnswers {
  readonly answers: Readonly<Record<string, string>>;
  readonly edited: boolean;
}

/** Each side's answers for the week, null where that side has not answered. */
export async function checkInAnswers(db: Queryable, pairingId: string, week: string): Promise<Record<FeedbackRole, SavedAnswers | null>> {
  const entries = (await listFeedback(db, pairingId)).filter((entry) => entry.week === week);
  const of = (role: FeedbackRole) => {
    const entry = entries.find((item) => item.author === role);
    return entry === undefined ? null : { answers: entry.answers, edited: entry.edited };
  };
  return { owner: of('owner'), va: of('va') };
}

/** Kinds of delivery the check-in timeline shows beside the answers. */
const TIMELINE_KINDS = new Set(['scorecard', 'feedback_reminder', 'monthly_question', 'review']);

/** Both sides' weekly answers and what Tandem delivered to the chat, newest first. */
export async function checkInTimeline(db: Queryable, pairingId: string) {
  const [feedback, posted] = await Promise.all([listFeedback(db, pairingId), listPostedItems(db, [pairingId])]);
  const deliveries = posted
    .filter((item) => TIMELINE_KINDS.has(item.kind) && item.state === 'sent')
    .map((item) => ({ kind: item.kind, period: item.period, sentAt: item.sentAt, late: item.late }));
  return { feedback: [...feedback].reverse(), deliveries: deliveries.sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0)) };
}
