// The weekly check-in form in the chat: each person's view of it, and a submission checked and stored by the
// check-in action (src/actions/feedback.ts), its problems worded for the field they sit under.
import { checkAnswers, submitAnswers, type AnswerCheck } from '../src/actions/feedback.ts';
import { t } from '../src/i18n/messages.ts';
import { checkInAnswers, isMonthlyWeek } from '../src/reports/check-in.ts';
import { MAX_ANSWER_LENGTH, type FeedbackRole } from '../src/reports/feedback-questions.ts';
import type { Pairing } from '../src/store/pairings.ts';
import type { Queryable } from '../src/store/database.ts';
import { feedbackCard, type FeedbackCardInput } from './cards/feedback-card.ts';
import { actionContext, type Role, type Turn } from './turn-context.ts';

/** The languages a feedback card can speak: the person's own for their view, the chat's for what everyone sees. */
export interface FeedbackLocales {
  readonly viewer: string;
  readonly chat: string;
}

export async function feedbackView(
  db: Queryable,
  pairing: Pairing,
  week: string,
  viewer: Role | null,
  locales: FeedbackLocales,
  draft?: FeedbackCardInput['draft'],
): Promise<{ card: ReturnType<typeof feedbackCard>; complete: boolean }> {
  const saved = await checkInAnswers(db, pairing.id, week);
  const complete = saved.owner !== null && saved.va !== null;
  // The shared status card and the summary (once both answered) look the same to everyone.
  const shared = viewer === null || (complete && draft === undefined);
  const card = feedbackCard({
    pairingId: pairing.id,
    week,
    locale: shared ? locales.chat : locales.viewer,
    monthly: isMonthlyWeek(week),
    names: { owner: pairing.owner.address, va: pairing.va.address },
    userIds: { owner: pairing.owner.userId, va: pairing.va.userId },
    saved,
    viewer,
    draft,
  });
  return { card, complete };
}

export type FeedbackCheck =
  | { readonly ok: true; readonly answers: Record<string, string> }
  | { readonly ok: false; readonly values: Record<string, string>; readonly errors: Record<string, string> };

/** A check's problems in the reader's words. */
function worded(locale: string, check: Extract<AnswerCheck, { ok: false }>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(check.problems).map(([key, problem]) => [
      key,
      problem.code === 'required' ? t(locale, 'feedback.error.required') : problem.code === 'tooLong' ? t(locale, 'feedback.error.tooLong', { max: MAX_ANSWER_LENGTH, length: problem.length }) : t(locale, 'feedback.error.choice'),
    ]),
  );
}

/** Checks a submission against the role's questions; errors are worded for the field they sit under. */
export function checkFeedback(locale: string, role: FeedbackRole, week: string, raw: Readonly<Record<string, unknown>>): FeedbackCheck {
  const check = checkAnswers(role, week, raw);
  return check.ok ? check : { ok: false, values: check.values, errors: worded(locale, check) };
}

/** Stores a valid submission (a second one replaces the first, marked edited) and returns the new view. */
export async function submitFeedback(turn: Turn, pairing: Pairing, week: string, raw: Readonly<Record<string, unknown>>, locales: FeedbackLocales) {
  const check = await submitAnswers(actionContext(turn), turn.actor, pairing.id, { week, answers: raw });
  if (!check.ok) return { ...(await feedbackView(turn.deps.db, pairing, week, check.role, locales, { values: check.values, errors: worded(locales.viewer, check) })), saved: false };
  return { ...(await feedbackView(turn.deps.db, pairing, week, check.role, locales)), saved: true };
}
