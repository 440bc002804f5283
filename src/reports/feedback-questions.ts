// The weekly check-in questions for each side, from the seeds' check-in model: one list drives both the
// form card and the validation of its submissions, so they cannot disagree.
import { t, type MessageKey } from '../i18n/messages.ts';

export type FeedbackRole = 'owner' | 'va';

/** Longest answer accepted per field. */
export const MAX_ANSWER_LENGTH = 2000;

export interface FeedbackQuestion {
  /** The answer's key in the stored answers (shared with the summary e-mail). */
  readonly key: string;
  readonly label: MessageKey;
  readonly kind: 'text' | 'choice';
  /** For choices: value → label. */
  readonly choices?: ReadonlyArray<{ readonly value: string; readonly label: MessageKey }>;
  /** A rating from 1 to this: answers read "4 of 5" wherever they are shown, not a bare "4". */
  readonly scale?: number;
  readonly required: boolean;
  /** Asked only on the month's first check-in. */
  readonly monthly?: boolean;
}

const FAIR_CHOICES = [
  { value: 'yes', label: 'feedback.choice.yes' },
  { value: 'partly', label: 'feedback.choice.partly' },
  { value: 'no', label: 'feedback.choice.no' },
] as const;

const RATING_VALUES = ['1', '2', '3', '4', '5'] as const;
/** Both ratings run from 1 to this. */
export const RATING_SCALE = RATING_VALUES.length;
const INVOLVED_CHOICES = RATING_VALUES.map((value) => ({ value, label: `feedback.choice.involved${value}` as MessageKey }));
const QUALITY_CHOICES = RATING_VALUES.map((value) => ({ value, label: `feedback.choice.quality${value}` as MessageKey }));

/** The answer key of each side's 1–5 rating (docs/kpi.md §12), shown as trends beside the KPIs. */
export const RATING_QUESTIONS = { owner: 'quality', va: 'involved' } as const satisfies Record<FeedbackRole, string>;

export const FEEDBACK_QUESTIONS: Readonly<Record<FeedbackRole, readonly FeedbackQuestion[]>> = {
  owner: [
    { key: 'wentWell', label: 'feedback.q.owner.wentWell', kind: 'text', required: true },
    { key: 'improve', label: 'feedback.q.owner.improve', kind: 'text', required: true },
    { key: 'nextTime', label: 'feedback.q.owner.nextTime', kind: 'text', required: true },
    { key: 'kpisFair', label: 'feedback.q.owner.kpisFair', kind: 'choice', choices: FAIR_CHOICES, required: true },
    // Optional: a week without a rating is shown empty in the trend, never as a low one.
    { key: 'quality', label: 'feedback.q.owner.quality', kind: 'choice', choices: QUALITY_CHOICES, scale: RATING_SCALE, required: false },
    { key: 'gladAbout', label: 'feedback.q.owner.gladAbout', kind: 'text', required: false, monthly: true },
  ],
  va: [
    { key: 'wentWell', label: 'feedback.q.va.wentWell', kind: 'text', required: true },
    { key: 'needFromOwner', label: 'feedback.q.va.needFromOwner', kind: 'text', required: true },
    { key: 'support', label: 'feedback.q.va.support', kind: 'text', required: true },
    { key: 'involved', label: 'feedback.q.va.involved', kind: 'choice', choices: INVOLVED_CHOICES, scale: RATING_SCALE, required: true },
    // Both sides are asked whether the targets are fair: the VA is measured by them. Optional, so a VA with nothing
    // to say about the targets is not held up; an unanswered week reads as no answer, never as "no".
    { key: 'kpisFair', label: 'feedback.q.va.kpisFair', kind: 'choice', choices: FAIR_CHOICES, required: false },
  ],
};

/** The questions one side is asked this week. */
export function questionsFor(role: FeedbackRole, monthly: boolean): readonly FeedbackQuestion[] {
  return FEEDBACK_QUESTIONS[role].filter((question) => question.monthly !== true || monthly);
}

export interface LabelledAnswer {
  readonly question: string;
  readonly answer: string;
}

/**
 * One side's answers as the card, the tab and the summary mail show them: under the questions the form asked,
 * in its order, a choice by its label, a rating out of its scale ("4 of 5"); answers to questions the form no longer asks come last, as "Other".
 */
export function labelledAnswers(locale: string, role: FeedbackRole, answers: Readonly<Record<string, string>>): LabelledAnswer[] {
  const questions = FEEDBACK_QUESTIONS[role];
  const asked = questions.flatMap((question) => {
    const answer = answers[question.key]?.trim() ?? '';
    if (answer === '') return [];
    const choice = question.choices?.find((option) => option.value === answer);
    const shown = choice === undefined ? answer : question.scale === undefined ? t(locale, choice.label) : t(locale, 'feedback.rating', { value: Number(answer), max: question.scale });
    return [{ question: t(locale, question.label), answer: shown }];
  });
  const other = Object.entries(answers)
    .filter(([key, answer]) => answer.trim() !== '' && !questions.some((question) => question.key === key))
    .map(([, answer]) => ({ question: t(locale, 'feedback.q.other'), answer }));
  return [...asked, ...other];
}
