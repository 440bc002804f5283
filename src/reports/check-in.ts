// The weekly check-in as the read models see it: which week it asks about, whether it carries the monthly
// question, and a week's answers as a given audience may see them (never the raw answers: every surface reads
// them through the rule in check-in-privacy.ts).
import type { Settings } from '../kpi/settings.ts';
import { addWeeks, isFirstWeekOfMonth, weekAt } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import { listFeedback, type Feedback } from '../store/feedback.ts';
import { listPostedItems } from '../store/posted-items.ts';
import { checkInView, type Audience, type CheckInView } from './check-in-privacy.ts';
import type { FeedbackRole } from './feedback-questions.ts';

/** The week the check-in asks about: the last full week, which the latest scorecard covered. */
export function checkInWeek(settings: Pick<Settings, 'timeZone'>, now: number): string {
  return addWeeks(weekAt(settings, now), -1);
}

/** The month's first check-in (its scorecard is posted in the first seven days of a month) asks one more question. */
export function isMonthlyWeek(week: string, settings: Pick<Settings, 'scorecardDay'>): boolean {
  return isFirstWeekOfMonth(week, settings.scorecardDay);
}

/** The week's check-in as `audience` may see it (check-in-privacy.ts decides what that is). */
export async function checkInFor(db: Queryable, pairingId: string, week: string, audience: Audience): Promise<CheckInView> {
  return viewOf(audience, week, (await listFeedback(db, pairingId)).filter((entry) => entry.week === week));
}

/** Several weeks' check-ins as `audience` may see them, in the order asked. */
export async function checkInsFor(db: Queryable, pairingId: string, weeks: readonly string[], audience: Audience): Promise<CheckInView[]> {
  const feedback = await listFeedback(db, pairingId);
  return weeks.map((week) => viewOf(audience, week, feedback));
}

function viewOf(audience: Audience, week: string, entries: readonly Feedback[]): CheckInView {
  const of = (role: FeedbackRole) => {
    const entry = entries.find((item) => item.week === week && item.author === role);
    return entry === undefined ? null : { answers: entry.answers, edited: entry.edited, submittedAt: entry.submittedAt };
  };
  return checkInView(audience, week, { owner: of('owner'), va: of('va') });
}

/** Kinds of delivery the check-in timeline shows beside the answers. */
const TIMELINE_KINDS = new Set(['scorecard', 'feedback_reminder', 'monthly_question', 'review']);

/**
 * The check-ins as `audience` may see them, one per week that has answers or a scorecard (whose check-in it is),
 * and what Tandem delivered to the chat; newest first.
 */
export async function checkInTimeline(db: Queryable, pairingId: string, audience: Audience) {
  const [feedback, posted] = await Promise.all([listFeedback(db, pairingId), listPostedItems(db, [pairingId])]);
  const deliveries = posted
    .filter((item) => TIMELINE_KINDS.has(item.kind) && item.state === 'sent')
    .map((item) => ({ kind: item.kind, period: item.period, sentAt: item.sentAt, late: item.late }));
  const weeks = new Set([...feedback.map((entry) => entry.week), ...deliveries.filter((item) => item.kind === 'scorecard').map((item) => item.period)]);
  return {
    checkIns: [...weeks].sort().reverse().map((week) => viewOf(audience, week, feedback)),
    deliveries: deliveries.sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0)),
  };
}
