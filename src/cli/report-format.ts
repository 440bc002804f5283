// How `tandem report` shows the engine's result: a readable weekly table, or one JSON document.
import { EXCLUSION_REASONS } from '../kpi/classify.ts';
import type { KpiReport, WeekKpi } from '../kpi/engine.ts';
import type { InboxZeroWeek } from '../kpi/inbox-zero.ts';
import type { PairingPeople } from '../kpi/message.ts';
import type { Settings } from '../kpi/settings.ts';
import type { ImportResult } from '../sources/import-result.ts';

export interface ReportContext {
  readonly settings: Settings;
  readonly people: PairingPeople;
  readonly now: number;
  readonly period: { readonly from: string; readonly to: string };
  readonly imported: ImportResult;
  readonly report: KpiReport;
}

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

function jsonInboxZero(inboxZero: InboxZeroWeek | null) {
  return inboxZero === null ? null : { ...inboxZero, cutoff: iso(inboxZero.cutoff), takenAt: iso(inboxZero.takenAt) };
}

function jsonWeek(week: WeekKpi) {
  return {
    ...week,
    oldestWaiting: week.oldestWaiting.map((item) => ({ ...item, receivedAt: iso(item.receivedAt) })),
    inboxZero: jsonInboxZero(week.inboxZero),
  };
}

/** Sums of the weekly counts over the period (counts only; rates are the engine's, per week). */
function totals(weeks: readonly WeekKpi[]) {
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, weeks.reduce((sum, week) => sum + week.excluded[reason], 0)]));
  const sum = (field: 'counted' | 'onTime' | 'late' | 'missed' | 'pending') => weeks.reduce((total, week) => total + week[field], 0);
  return { counted: sum('counted'), onTime: sum('onTime'), late: sum('late'), missed: sum('missed'), pending: sum('pending'), excluded };
}

export function formatJsonReport({ settings, people, now, period, imported, report }: ReportContext) {
  return {
    settings,
    people,
    now: iso(now),
    period,
    weeks: report.weeks.map(jsonWeek),
    inboxZeroStreak: report.inboxZeroStreak,
    totals: { messages: imported.messages.length, ...totals(report.weeks) },
    invalid: imported.invalid.length,
    invalidMessages: imported.invalid,
    duplicates: imported.duplicates,
    unreadable: imported.unreadable,
    warnings: imported.warnings,
  };
}

function duration(minutes: number | null): string {
  if (minutes === null) return '–';
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole}m`;
  const hours = Math.floor(whole / 60);
  return `${hours}h ${String(whole % 60).padStart(2, '0')}m`;
}

function percent(rate: number | null): string {
  return rate === null ? 'no mail' : `${(rate * 100).toFixed(1)}%`;
}

function inboxZeroCell(inboxZero: InboxZeroWeek | null): string {
  if (inboxZero === null) return '–';
  if (inboxZero.status === 'unknown') return 'unknown';
  return `${inboxZero.status} (${inboxZero.count})${inboxZero.late ? ' late' : ''}`;
}

function met(week: WeekKpi): string {
  return week.met === null ? '–' : week.met ? 'yes' : 'no';
}

const COLUMNS: ReadonlyArray<[string, (week: WeekKpi) => string]> = [
  ['week', (week) => week.week],
  ['counted', (week) => String(week.counted)],
  ['on time', (week) => String(week.onTime)],
  ['late', (week) => String(week.late)],
  ['missed', (week) => String(week.missed)],
  ['pending', (week) => String(week.pending)],
  ['rate', (week) => percent(week.rate)],
  ['met', met],
  ['median', (week) => duration(week.medianMinutes)],
  ['p90', (week) => duration(week.p90Minutes)],
  ['inbox-zero', (week) => inboxZeroCell(week.inboxZero)],
];

export function formatTable({ settings, period, imported, report }: ReportContext): string {
  const rows = [COLUMNS.map(([title]) => title), ...report.weeks.map((week) => COLUMNS.map(([, cell]) => cell(week)))];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const sums = totals(report.weeks);
  const excluded = EXCLUSION_REASONS.filter((reason) => sums.excluded[reason]! > 0).map((reason) => `${reason} ${sums.excluded[reason]}`);
  return [
    `Target: ${settings.responseTargetPct}% answered within ${settings.windowHours} h (${settings.clock} clock, ${settings.timeZone}); ${period.from} to ${period.to}`,
    '',
    line(rows[0]!),
    ...rows.slice(1).map(line),
    '',
    `Counted ${sums.counted}, pending ${sums.pending}, excluded ${excluded.length > 0 ? excluded.join(', ') : 'none'}.`,
    `Messages ${imported.messages.length}, duplicates ${imported.duplicates}, invalid ${imported.invalid.length}${imported.unreadable.length > 0 ? `, unreadable files ${imported.unreadable.length}` : ''}.`,
    report.inboxZeroStreak === null ? 'Inbox-zero: not measured (file exports have no Inbox snapshots).' : `Inbox-zero streak: ${report.inboxZeroStreak} week(s).`,
    '',
  ].join('\n');
}
