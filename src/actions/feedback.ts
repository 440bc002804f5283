// A check-in answer: the owner or the VA answers their own questions for a week. Each answer is required or
// optional as the question says, at most MAX_ANSWER_LENGTH characters, and a choice must be one offered; a
// second submission replaces the first and is marked edited. The audit line says who answered which week,
// never what they wrote.
import { z } from 'zod';
import { isMonthlyWeek } from '../reports/check-in.ts';
import { MAX_ANSWER_LENGTH, questionsFor, type FeedbackRole } from '../reports/feedback-questions.ts';
import { weekParam } from '../reports/params.ts';
import { appendAudit } from '../store/audit.ts';
import { atomically } from '../store/atomically.ts';
import { saveFeedback } from '../store/feedback.ts';
import { defineAction } from './action.ts';

export type AnswerProblem = { readonly code: 'required' } | { readonly code: 'tooLong'; readonly length: number } | { readonly code: 'choice' };

export type AnswerCheck =
  | { readonly ok: true; readonly answers: Record<string, string> }
  /** What was typed, kept even when too long so nothing is lost, and each field's problem. */
  | { readonly ok: false; readonly values: Record<string, string>; readonly problems: Record<string, AnswerProblem> };

/** Checks a submission against the questions `role` is asked in a check-in, the month's first (`monthly`) or another. */
export function checkAnswers(role: FeedbackRole, monthly: boolean, raw: Readonly<Record<string, unknown>>): AnswerCheck {
  const values: Record<string, string> = {};
  const problems: Record<string, AnswerProblem> = {};
  for (const question of questionsFor(role, monthly)) {
    const value = raw[question.key];
    // PostgreSQL cannot store NUL in text or jsonb; nobody types it, so it is dropped.
    const typed = (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '').replaceAll('\u0000', '');
    values[question.key] = typed;
    const trimmed = typed.trim();
    if (trimmed === '') {
      if (question.required) problems[question.key] = { code: 'required' };
    } else if (trimmed.length > MAX_ANSWER_LENGTH) {
      problems[question.key] = { code: 'tooLong', length: trimmed.length };
    } else if (question.choices !== undefined && !question.choices.some((choice) => choice.value === trimmed)) {
      problems[question.key] = { code: 'choice' };
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, values, problems };
  return { ok: true, answers: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== '')) };
}

export const answersInput = z.strictObject({
  week: weekParam,
  answers: z.record(z.string(), z.unknown()),
});

export const submitAnswers = defineAction({
  name: 'submit_feedback',
  input: answersInput,
  who: 'member',
  async run(ctx, { pairing, as }, { week, answers }): Promise<AnswerCheck & { readonly role: FeedbackRole }> {
    const role: FeedbackRole = as === 'owner' ? 'owner' : 'va';
    const check = checkAnswers(role, isMonthlyWeek(week, pairing.settings), answers);
    if (!check.ok) return { ...check, role };
    await atomically(ctx.db, async (tx) => {
      const { edited } = await saveFeedback(tx, pairing.id, week, role, check.answers);
      await appendAudit(tx, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: role, action: 'feedback_answered', details: { week, edited } });
    });
    return { ...check, role };
  },
});
