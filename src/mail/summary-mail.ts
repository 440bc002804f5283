// The weekly summary e-mail to the owner, built from the same week result as the scorecard. Pure.
// Issue #8 gives it the full Outlook-safe layout (trend, feedback, tab link); the numbers stay the engine's.
import type { WeekKpi } from '../kpi/engine.ts';
import type { Settings } from '../kpi/settings.ts';
import { formatDuration, formatPercent } from '../i18n/format.ts';
import { t } from '../i18n/messages.ts';
import type { OutgoingMail } from '../jobs/ports.ts';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function summaryMail(to: string, week: WeekKpi, settings: Settings, locale: string): OutgoingMail {
  const rate = week.rate === null ? t(locale, 'none') : formatPercent(locale, week.rate);
  const lines = [
    week.rate === null ? t(locale, 'scorecard.noMail') : t(locale, 'scorecard.rate', { rate, window: settings.windowHours, target: settings.responseTargetPct }),
    t(locale, 'scorecard.counts', { counted: week.counted, onTime: week.onTime, late: week.late, missed: week.missed, pending: week.pending }),
    t(locale, 'scorecard.times', { median: formatDuration(locale, week.medianMinutes), p90: formatDuration(locale, week.p90Minutes) }),
  ];
  return {
    to: [to],
    subject: t(locale, 'mail.subject', { week: week.week, rate, window: settings.windowHours }),
    text: lines.join('\n'),
    html: `<table role="presentation">${lines.map((line) => `<tr><td style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;padding:4px 0">${escapeHtml(line)}</td></tr>`).join('')}</table>`,
  };
}
