// The quarterly KPI review: the period's results and the seeds' questions (still relevant? realistic?
// anything to add?). The owner can change the targets here (validated, history recomputed); both can comment.
import type { WeekKpi } from '../../src/kpi/engine.ts';
import type { Settings } from '../../src/kpi/settings.ts';
import { formatPercent } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/messages.ts';
import { MAX_ANSWER_LENGTH } from '../../src/reports/feedback-questions.ts';
import { card, execute, facts, heading, numberInput, statusText, text, textInput, type Card } from './card-parts.ts';
import { trendText } from './scorecard-card.ts';

export interface ReviewValues {
  readonly targetPct: number;
  readonly windowHours: number;
  readonly comment: string;
}

export interface ReviewCardInput {
  readonly locale: string;
  readonly pairingId: string;
  /** The weeks under review, oldest first. */
  readonly weeks: readonly WeekKpi[];
  readonly settings: Settings;
  readonly values?: ReviewValues;
  readonly errors?: Readonly<Partial<Record<keyof ReviewValues | 'form', string>>>;
}

/** The period's totals, from the engine's weeks. */
export function reviewTotals(weeks: readonly WeekKpi[]): { counted: number; onTime: number; rate: number | null; weeksMet: number; weeksWithMail: number; inboxZeroPassed: number } {
  const counted = weeks.reduce((sum, week) => sum + week.counted, 0);
  const onTime = weeks.reduce((sum, week) => sum + week.onTime, 0);
  return {
    counted,
    onTime,
    rate: counted === 0 ? null : onTime / counted,
    weeksMet: weeks.filter((week) => week.met === true).length,
    weeksWithMail: weeks.filter((week) => week.met !== null).length,
    inboxZeroPassed: weeks.filter((week) => week.inboxZero?.status === 'pass').length,
  };
}

export function reviewCard(input: ReviewCardInput): Card {
  const { locale, settings, errors = {} } = input;
  const totals = reviewTotals(input.weeks);
  const values = input.values ?? { targetPct: settings.responseTargetPct, windowHours: settings.windowHours, comment: '' };
  return card(
    [
      heading(t(locale, 'review.title', { weeks: input.weeks.length })),
      facts([
        [t(locale, 'review.rate'), totals.rate === null ? t(locale, 'scorecard.trend.noMail') : formatPercent(locale, totals.rate)],
        [t(locale, 'review.weeksMet'), t(locale, 'review.weeksMet.value', { met: totals.weeksMet, weeks: totals.weeksWithMail })],
        [t(locale, 'review.inboxZero'), t(locale, 'review.inboxZero.value', { passed: totals.inboxZeroPassed, weeks: input.weeks.length })],
        [t(locale, 'review.counted'), String(totals.counted)],
      ]),
      text(trendText(locale, input.weeks), { size: 'Small', isSubtle: true }),
      text(t(locale, 'review.questions'), { weight: 'Bolder', spacing: 'Medium' }),
      text(t(locale, 'review.q.relevant')),
      text(t(locale, 'review.q.realistic'), { spacing: 'None' }),
      text(t(locale, 'review.q.add'), { spacing: 'None' }),
      ...(errors.form === undefined ? [] : [statusText('warning', errors.form)]),
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: numberInput({ id: 'targetPct', label: t(locale, 'review.targetPct'), value: values.targetPct, min: 1, max: 100, error: errors.targetPct }) },
          { type: 'Column', width: 'stretch', items: numberInput({ id: 'windowHours', label: t(locale, 'review.windowHours'), value: values.windowHours, min: 1, max: 168, error: errors.windowHours }) },
        ],
      },
      text(t(locale, 'review.ownerOnly'), { isSubtle: true, size: 'Small', spacing: 'None' }),
      ...textInput({ id: 'comment', label: t(locale, 'review.comment'), value: values.comment, multiline: true, maxLength: MAX_ANSWER_LENGTH, error: errors.comment }),
    ],
    {
      actions: [execute(t(locale, 'review.action.submit'), 'review.submit', { pairingId: input.pairingId }, { associatedInputs: 'auto' })],
      fallbackText: t(locale, 'review.title', { weeks: input.weeks.length }),
    },
  );
}
