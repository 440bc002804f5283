// A week's counted mail as its parts in one sentence that adds up ("40 e-mails needed a reply: 33 on time and
// 7 missed."), then the mail still within its window, which is not part of the count yet. The scorecard card
// and the tab's This week say it alike.
import type { WeekKpi } from '../kpi/engine.ts';
import { formatList } from './format.ts';
import { t } from './messages.ts';

export function weekTotals(locale: string, week: Pick<WeekKpi, 'counted' | 'onTime' | 'late' | 'missed' | 'pending'>): string | null {
  const parts = (
    [
      ['scorecard.part.onTime', week.onTime],
      ['scorecard.part.late', week.late],
      ['scorecard.part.missed', week.missed],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => t(locale, key, { count }));
  const sentences = [
    ...(week.counted === 0 ? [] : [t(locale, 'scorecard.totals', { counted: week.counted, parts: formatList(locale, parts) })]),
    ...(week.pending === 0 ? [] : [t(locale, 'scorecard.totals.pending', { count: week.pending })]),
  ];
  return sentences.length === 0 ? null : sentences.join(' ');
}
