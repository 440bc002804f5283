// The summary's plain-text part, from the same view as the HTML: for clients that show no HTML and for
// screen readers that prefer text.
import type { Stat, SummaryView } from './summary-view.ts';
import { STATUS_MARK } from '../i18n/status-marks.ts';

const rule = (title: string) => `\n${title}\n${'-'.repeat(title.length)}`;
/** A KPI's rate and what it measures, or only the words when it has no rate. */
const rateLine = (kpi: Pick<SummaryView, 'rate' | 'rateLabel'>) => (kpi.rate === null ? kpi.rateLabel : `${kpi.rate} ${kpi.rateLabel}`);
const statLine = (stats: readonly Stat[]) => stats.map((stat) => `${stat.label}: ${stat.value}`).join(' · ');

/** The plain-text part of the weekly summary. Pure. */
export function summaryText(view: SummaryView): string {
  const lines: string[] = [view.title, view.weekLine, ''];
  lines.push(rateLine(view));
  if (view.verdict !== null) lines.push(view.verdict.text);
  lines.push('', statLine(view.counts));
  for (const stat of [...view.times, view.answeredBy]) lines.push(`${stat.label}: ${stat.value}`);
  lines.push(`${view.inboxZero.label}: ${view.inboxZero.value}`);
  if (view.inboxZero.streak !== null) lines.push(view.inboxZero.streak);

  if (view.tasks !== null) {
    lines.push(rule(view.tasks.title), rateLine(view.tasks));
    if (view.tasks.verdict !== null) lines.push(view.tasks.verdict.text);
    if (view.tasks.counts.length > 0) lines.push(statLine(view.tasks.counts));
  }

  lines.push(rule(view.trendTitle));
  for (const bar of view.trend) lines.push(`${bar.label}  ${bar.value}${bar.tone === 'neutral' ? '' : ` ${STATUS_MARK[bar.tone]}`}`);
  lines.push(view.trendCaption);

  lines.push(rule(view.waitingTitle));
  if (view.waiting.length === 0) lines.push(view.waitingNone);
  for (const item of view.waiting) lines.push(`- ${item.from}, ${item.received}: ${item.subject} [${item.status}]`);

  lines.push(rule(view.feedbackTitle));
  for (const block of view.feedback) {
    lines.push(`${block.author}:`);
    for (const entry of block.answers) lines.push(`  ${entry.question}: ${entry.answer.replace(/\r?\n/g, '\n    ')}`);
    if (block.note !== null) lines.push(`  ${block.note}`);
  }

  if (view.tab !== null) lines.push('', `${view.tab.label}: ${view.tab.url}`);
  if (view.lateNote !== null) lines.push('', view.lateNote);
  lines.push('', '--', view.footer);
  return `${lines.join('\n')}\n`;
}
