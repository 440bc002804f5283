// The weekly check-in form in the chat: each person's view of it, and a submission checked and stored by the
// check-in action (src/actions/feedback.ts), its problems worded for the field they sit under. Every view reads the
// check-in through the privacy rule (src/reports/check-in-privacy.ts) for the people who will see the card.
import { checkAnswers, submitAnswers, type AnswerCheck } from '../src/actions/feedback.ts';
import { t } from '../src/i18n/messages.ts';
import { checkInFor, isMonthlyWeek } from '../src/reports/check-in.ts';
import { AUDIENCES, audienceOf, type Audience } from '../src/reports/check-in-privacy.ts';
import { roleIn } from '../src/reports/access.ts';
import { displayName } from '../src/reports/people.ts';
import { MAX_ANSWER_LENGTH, type FeedbackRole } from '../src/reports/feedback-questions.ts';
import type { Pairing } from '../src/store/pairings.ts';
import type { Queryable } from '../src/store/database.ts';
import { isPersonal } from './activity.ts';
import { feedbackCard, type FeedbackCardInput } from './cards/feedback-card.ts';
import { actionContext, chatLocale, replyLocale, type Turn } from './turn-context.ts';

/** Who a feedback card is for. */
export interface FeedbackSeat {
  /** Whose own view it is (their form and answers); null for the status card everyone sees. */
  readonly viewer: FeedbackRole | null;
  /** Everyone who will read the card: what it may show. */
  readonly audience: Audience;
  readonly locale: string;
}

/** A side's own view, read by them alone. */
export const ownSeat = (role: FeedbackRole, locale: string): FeedbackSeat => ({ viewer: role, audience: audienceOf(role), locale });
/** The status card, read by `audience`. */
export const sharedSeat = (audience: Audience, locale: string): FeedbackSeat => ({ viewer: null, audience, locale });

/**
 * Who reads what a turn sends back. `clicker`: the card that answers a click, which an invoke shows the clicker
 * alone, and a message turn (the Action.Submit fallback) the whole conversation. `everyone`: a post or an update
 * of the card for the conversation: a group chat is read by the owner, the VA and anyone else in it; a personal
 * chat by the speaker alone.
 */
export function feedbackSeats(turn: Turn, pairing: Pairing): { clicker: FeedbackSeat; everyone: FeedbackSeat } {
  const role = roleIn(pairing, turn.actor);
  const personal = isPersonal(turn.activity);
  const alone = (locale: string) => (role === null ? sharedSeat(AUDIENCES.other, locale) : ownSeat(role, locale));
  const everyone = personal ? alone(chatLocale(turn, pairing)) : sharedSeat(AUDIENCES.chat, chatLocale(turn, pairing));
  return { clicker: turn.activity.type === 'invoke' || personal ? alone(replyLocale(turn, pairing)) : everyone, everyone };
}

export async function feedbackView(db: Queryable, pairing: Pairing, week: string, seat: FeedbackSeat, draft?: FeedbackCardInput['draft']): Promise<{ card: ReturnType<typeof feedbackCard>; complete: boolean }> {
  const checkIn = await checkInFor(db, pairing.id, week, seat.audience);
  const card = feedbackCard({
    pairingId: pairing.id,
    week,
    locale: seat.locale,
    monthly: isMonthlyWeek(week, pairing.settings),
    names: { owner: displayName(pairing.owner), va: displayName(pairing.va) },
    userIds: { owner: pairing.owner.mri, va: pairing.va.mri },
    checkIn,
    viewer: seat.viewer,
    draft,
  });
  return { card, complete: checkIn.complete };
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
export function checkFeedback(locale: string, role: FeedbackRole, monthly: boolean, raw: Readonly<Record<string, unknown>>): FeedbackCheck {
  const check = checkAnswers(role, monthly, raw);
  return check.ok ? check : { ok: false, values: check.values, errors: worded(locale, check) };
}

/** Stores a valid submission (a second one replaces the first, marked edited) and returns the submitter's view in `seat`. */
export async function submitFeedback(turn: Turn, pairing: Pairing, week: string, raw: Readonly<Record<string, unknown>>, seat: FeedbackSeat) {
  const check = await submitAnswers(actionContext(turn), turn.actor, pairing.id, { week, answers: raw });
  if (!check.ok) return { ...(await feedbackView(turn.deps.db, pairing, week, seat, { values: check.values, errors: worded(seat.locale, check) })), saved: false };
  return { ...(await feedbackView(turn.deps.db, pairing, week, seat)), saved: true };
}
