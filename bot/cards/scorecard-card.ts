// The weekly scorecard as an Adaptive Card 1.5, built from the engine's week result. Pure.
// Issue #6 extends it (chart with text fallback, feedback form, Action.Execute); the numbers stay the engine's.
import type { WeekKpi } from '../../src/kpi/engine.ts';
import type { Settings } from '../../src/kpi/settings.ts';
import { formatDuration, formatPercent } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/messages.ts';

export interface ScorecardInput {
  readonly week: WeekKpi;
  readonly settings: Settings;
  readonly streak: number | null;
  readonly locale: string;
  readonly late: boolean;
}

function inboxZeroLine({ week, settings, streak, locale }: ScorecardInput): string {
  const day = settings.inboxZeroDay;
  const result = week.inboxZero;
  if (result === null || result.status === 'unknown') return t(locale, 'scorecard.inboxZero.unknown', { day });
  if (result.status === 'pass') return t(locale, 'scorecard.inboxZero.pass', { day, count: result.count ?? 0, streak: streak ?? 0 });
  return t(locale, 'scorecard.inboxZero.fail', { day, count: result.count ?? 0 });
}

export function scorecardCard(input: ScorecardInput): Record<string, unknown> {
  const { week, settings, locale } = input;
  const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
  const headline =
    week.rate === null
      ? text(t(locale, 'scorecard.noMail'))
      : text(t(locale, 'scorecard.rate', { rate: formatPercent(locale, week.rate), window: settings.windowHours, target: settings.responseTargetPct }), {
          size: 'Large',
          weight: 'Bolder',
          color: week.met ? 'Good' : 'Attention',
        });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      text(t(locale, 'scorecard.title', { week: week.week }), { weight: 'Bolder', size: 'Medium' }),
      headline,
      ...(week.met === null ? [] : [text(t(locale, week.met ? 'scorecard.met' : 'scorecard.notMet'), { isSubtle: true, spacing: 'None' })]),
      text(t(locale, 'scorecard.counts', { counted: week.counted, onTime: week.onTime, late: week.late, missed: week.missed, pending: week.pending })),
      text(t(locale, 'scorecard.times', { median: formatDuration(locale, week.medianMinutes), p90: formatDuration(locale, week.p90Minutes) })),
      text(inboxZeroLine(input)),
      ...(input.late ? [text(t(locale, 'scorecard.late'), { isSubtle: true, size: 'Small' })] : []),
    ],
  };
}

/** A short card with one message (reminders, monthly question, review). */
export function noticeCard(message: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: message, wrap: true }],
  };
}
