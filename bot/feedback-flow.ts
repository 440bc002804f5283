// The weekly feedback form's logic: which week it is about, each person's view of it, and a submission
// validated against the questions (required, ≤ 2,000 characters, known choices), then stored.
import { DateTime } from 'luxon';
import { t } from '../src/i18n/messages.ts';
import { currentWeek } from '../src/api/periods.ts';
import { isoWeekDates } from '../src/jobs/week-kpi.ts';
import { listFeedback, saveFeedback } from '../src/store/feedback.ts';
import type { Pairing } from '../src/store/pairings.ts';
import type { Queryable } from '../src/store/database.ts';
import { feedbackCard, type FeedbackCardInput, type SavedAnswers } from './cards/feedback-card.ts';
import { MAX_ANSWER_LENGTH, questionsFor, type FeedbackRole } from './cards/feedback-questions.ts';
import type { Role } from './turn-context.ts';

/** The week feedback is asked about: the last full week, which the latest scorecard covered. */
export function feedbackWeek(pairing: Pairing, now: number): string {
  const { monday } = isoWeekDates(currentWeek(pairing.settings, now));
  return DateTime.fromISO(monday, { zone: 'UTC' }).minus({ weeks: 1 }).toFormat("kkkk-'W'WW");
}

/** The month's first check-in (its scorecard is posted in the first seven days of a month) asks one more question. */
export function isMonthlyWeek(week: string): boolean {
  return DateTime.fromISO(isoWeekDates(week).sunday, { zone: 'UTC' }).plus({ days: 1 }).day <= 7;
}

async function savedAnswers(db: Queryable, pairingId: string, week: string): Promise<Record<FeedbackRole, SavedAnswers | null>> {
  const entries = (await listFeedback(db, pairingId)).filter((entry) => entry.week === week);
  const of = (role: FeedbackRole) => {
    const entry = entries.find((item) => item.author === role);
    return entry === undefined ? null : { answers: entry.answers, edited: entry.edited };
  };
  return { owner: of('owner'), va: of('va') };
}

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
  const saved = await savedAnswers(db, pairing.id, week);
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

/** Checks a submission against the role's questions; errors are worded for the field they sit under. */
export function checkFeedback(locale: string, role: FeedbackRole, week: string, raw: Readonly<Record<string, unknown>>): FeedbackCheck {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const question of questionsFor(role, isMonthlyWeek(week))) {
    const value = raw[question.key];
    // PostgreSQL cannot store NUL in text or jsonb; nobody types it, so it is dropped.
    const typed = (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '').replaceAll('\u0000', '');
    // Keep what was typed, even too long, so nothing is lost; the error says how much to cut.
    values[question.key] = typed;
    const trimmed = typed.trim();
    if (trimmed === '') {
      if (question.required) errors[question.key] = t(locale, 'feedback.error.required');
    } else if (trimmed.length > MAX_ANSWER_LENGTH) {
      errors[question.key] = t(locale, 'feedback.error.tooLong', { max: MAX_ANSWER_LENGTH, length: trimmed.length });
    } else if (question.choices !== undefined && !question.choices.some((choice) => choice.value === trimmed)) {
      errors[question.key] = t(locale, 'feedback.error.choice');
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, answers: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== '')) };
}

/** Stores a valid submission (a second one replaces the first, marked edited) and returns the new view. */
export async function submitFeedback(db: Queryable, pairing: Pairing, week: string, role: Role, raw: Readonly<Record<string, unknown>>, locales: FeedbackLocales) {
  const check = checkFeedback(locales.viewer, role, week, raw);
  if (!check.ok) return { ...(await feedbackView(db, pairing, week, role, locales, { values: check.values, errors: check.errors })), saved: false };
  await saveFeedback(db, pairing.id, week, role, check.answers);
  return { ...(await feedbackView(db, pairing, week, role, locales)), saved: true };
}
