// The weekly scorecard as an Adaptive Card 1.5, built from the engine's numbers (the week and its 8-week
// trend, and the week's task KPI when the pairing reads tasks). Pure: plain data in, card JSON out. The trend
// is a Teams chart with a text fallback.
import type { WeekKpi } from '../../src/kpi/engine.ts';
import type { TaskWeek } from '../../src/kpi/tasks.ts';
import { formatDate, formatDateTime, formatDuration, formatPercent, formatWeek } from '../../src/i18n/format.ts';
import type { Settings } from '../../src/kpi/settings.ts';
import { resolveTimeZone } from '../../src/kpi/time-zone.ts';
import { t } from '../../src/i18n/messages.ts';
import { zoneLabel } from '../../src/i18n/time-zones.ts';
import { weekTotals } from '../../src/i18n/week-totals.ts';
import { STATUS_MARK } from '../../src/i18n/status-marks.ts';
import { card, execute, facts, openUrl, statusText, text, toggleButton, type Card, type Element } from './card-parts.ts';

/** Missed mail listed on the card, oldest first; the rest is counted ("+4 more") and listed in the tab. */
export const MISSED_ON_CARD = 3;
export const TREND_ON_CARD = 8;

/** What the trend needs of each week. */
export type TrendWeek = Pick<WeekKpi, 'week' | 'rate' | 'met'>;

export interface ScorecardInput {
  readonly pairingId: string;
  readonly week: WeekKpi;
  /** Up to the last 8 weeks, oldest first, ending with `week`. */
  readonly trend: readonly TrendWeek[];
  /** The week's completion KPI (docs/kpi.md §11); null: the pairing reads no tasks and the card says nothing about them. */
  readonly tasks: TaskWeek | null;
  readonly settings: Settings;
  readonly streak: number | null;
  readonly locale: string;
  /** Posted after its due time because Tandem was not running. */
  readonly late: boolean;
  /** Subjects of missed mail are not shown. */
  readonly privacyMode: boolean;
  /** Deep link to the KPI tab at this pairing and week; null hides the button. */
  readonly tabUrl: string | null;
}

function inboxZeroLine({ week, settings, streak, locale }: ScorecardInput): string {
  const day = t(locale, `day.${settings.inboxZeroDay}` as const);
  const result = week.inboxZero;
  if (result === null || result.status === 'unknown') return t(locale, 'scorecard.inboxZero.unknown', { day });
  if (result.status === 'pass') return t(locale, 'scorecard.inboxZero.pass', { day, count: result.count ?? 0, streak: streak ?? 0 });
  return t(locale, 'scorecard.inboxZero.fail', { day, count: result.count ?? 0 });
}

/** Target met or not, by mark and words. */
const verdict = (locale: string, met: boolean | null): Element[] => (met === null ? [] : [statusText(met ? 'good' : 'bad', t(locale, met ? 'scorecard.met' : 'scorecard.notMet'), { spacing: 'None' })]);

/**
 * The rate's change from the week before in percentage points, to one decimal; none when either week had no
 * counted mail (a change from "no mail" means nothing).
 */
function changeLine({ week, trend, locale }: ScorecardInput): Element[] {
  const before = trend.length >= 2 && trend.at(-1)!.week === week.week ? trend.at(-2)!.rate : null;
  if (week.rate === null || before === null) return [];
  // Tenths of a point, from the rates as the engine gives them, so 82.5% after 78% reads 4.5, not 4.499….
  const tenths = Math.round((week.rate - before) * 1000);
  const points = Math.abs(tenths) / 10;
  const key = tenths > 0 ? 'scorecard.change.up' : tenths < 0 ? 'scorecard.change.down' : 'scorecard.change.same';
  return [text(t(locale, key, { points }), { size: 'Small', spacing: 'None', isSubtle: true })];
}

function mailHeadline(input: ScorecardInput): Element[] {
  const { week, settings, locale } = input;
  const headline = week.rate === null ? t(locale, 'scorecard.noMail') : t(locale, 'scorecard.rate', { rate: formatPercent(locale, week.rate), window: settings.windowHours, target: settings.responseTargetPct });
  return [text(headline, { size: 'Large', weight: 'Bolder' }), ...verdict(locale, week.met), ...changeLine(input)];
}

/** The week's totals as one sentence that adds up (src/i18n/week-totals.ts). */
function totals({ week, locale }: ScorecardInput): Element[] {
  const sentence = weekTotals(locale, week);
  return sentence === null ? [] : [text(sentence, { spacing: 'Medium' })];
}

/** The finer figures, folded away: one glance for the week, the rest one click off. */
function details({ week, locale }: ScorecardInput): Element[] {
  const answered = week.answeredBy;
  const toggle = (title: string) => toggleButton(title, ['details-show', 'details'], 'Small');
  return [
    // Apart from the list above it, so "…and 4 more" does not read as the button's caption.
    { type: 'Container', id: 'details-show', spacing: 'Medium', items: [toggle(t(locale, 'scorecard.details.show'))] },
    {
      type: 'Container',
      id: 'details',
      isVisible: false,
      items: [
        facts([
          [t(locale, 'scorecard.fact.median'), formatDuration(locale, week.medianMinutes)],
          [t(locale, 'scorecard.fact.p90'), formatDuration(locale, week.p90Minutes)],
          [t(locale, 'scorecard.fact.answeredBy'), t(locale, 'scorecard.answeredBy', { va: answered.va, owner: answered.owner, other: answered.other })],
        ]),
        toggle(t(locale, 'scorecard.details.hide')),
      ],
    },
  ];
}

/**
 * On time, late, overdue and still open on one line; each part's spaces do not break, so a count never parts
 * from its words. A week with nothing due and nothing open has no parts to tell.
 */
function taskParts(tasks: TaskWeek, locale: string): Element[] {
  if (tasks.rate === null && tasks.open === 0) return [];
  const parts = [t(locale, 'scorecard.tasks.onTime', { count: tasks.onTime }), t(locale, 'scorecard.tasks.late', { count: tasks.late }), t(locale, 'scorecard.tasks.overdue', { count: tasks.overdue }), t(locale, 'scorecard.tasks.open', { count: tasks.open })];
  return [text(parts.map((part) => part.replace(/ /g, '\u00a0')).join(' · '), { size: 'Small', spacing: 'Small' })];
}

/** The task KPI (docs/kpi.md §11): its rate against its target, met or not, and its parts on one line. */
function taskHeadline(tasks: TaskWeek, { settings, locale }: ScorecardInput): Element[] {
  const headline = tasks.rate === null ? t(locale, 'scorecard.tasks.noneDue') : t(locale, 'scorecard.tasks.rate', { rate: formatPercent(locale, tasks.rate), target: settings.taskTargetPct });
  return [text(headline, { size: 'Large', weight: 'Bolder' }), ...verdict(locale, tasks.met), ...taskParts(tasks, locale)];
}

/**
 * The week at a glance: the mail KPI's rate and verdict and, when the pairing reads tasks, the task KPI's beside
 * it (two columns, so the card grows by little more than the task parts' line).
 */
function headlines(input: ScorecardInput): Element[] {
  if (input.tasks === null) return mailHeadline(input);
  return [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: mailHeadline(input) },
        { type: 'Column', width: 'stretch', separator: true, spacing: 'Medium', items: taskHeadline(input.tasks, input) },
      ],
    },
  ];
}

/**
 * A trend week as its Monday ("16 Nov"), under a title and axis that say weeks; the year only on weeks in another
 * year than the newest one shown.
 */
const trendLabel = (locale: string, week: string, newest: string | undefined) => formatWeek(locale, week, { form: 'monday', ...(newest === undefined ? {} : { near: newest }) });

/**
 * One entry per week, for hosts without charts and for screen readers. An entry's spaces do not break (a line
 * wraps only between weeks), so a date never parts from its rate or splits as "19. / okt.".
 */
export function trendText(locale: string, trend: readonly TrendWeek[]): string {
  const newest = trend.at(-1)?.week;
  return trend
    .map((week) => `${trendLabel(locale, week.week, newest)} ${week.rate === null ? t(locale, 'scorecard.trend.noMail') : formatPercent(locale, week.rate)}${week.met === true ? ` ${STATUS_MARK.good}` : ''}`.replace(/ /g, '\u00a0'))
    .join(' · ');
}

function trendChart(input: ScorecardInput): Element[] {
  const { locale, settings } = input;
  const trend = input.trend.slice(-TREND_ON_CARD);
  if (trend.length === 0) return [];
  const fallback = text(`${t(locale, 'scorecard.trend.title', { weeks: trend.length })}: ${trendText(locale, trend)}`, { size: 'Small', spacing: 'Medium' });
  return [
    {
      // Teams renders Chart.* elements; every other host shows the fallback line.
      type: 'Chart.VerticalBar',
      title: t(locale, 'scorecard.trend.title', { weeks: trend.length }),
      xAxisTitle: t(locale, 'scorecard.trend.xAxis'),
      yAxisTitle: t(locale, 'scorecard.trend.yAxis', { target: settings.responseTargetPct }),
      showBarValues: true,
      data: trend.map((week) => ({
        x: trendLabel(locale, week.week, trend.at(-1)!.week),
        y: week.rate === null ? 0 : Math.round(week.rate * 1000) / 10,
        color: week.met === true ? 'good' : week.met === false ? 'attention' : 'neutral',
      })),
      fallback,
    },
  ];
}

function missedItems(input: ScorecardInput): Element[] {
  const { locale, settings } = input;
  const missed = input.week.oldestWaiting.filter((item) => item.status === 'missed').slice(0, MISSED_ON_CARD);
  if (missed.length === 0) return [];
  const more = input.week.missed - missed.length;
  return [
    text(t(locale, 'scorecard.missed.title', { count: input.week.missed }), { weight: 'Bolder', spacing: 'Medium' }),
    ...missed.map((item) =>
      text(
        t(locale, input.privacyMode ? 'scorecard.missed.itemPrivate' : 'scorecard.missed.item', {
          from: item.from ?? t(locale, 'scorecard.missed.unknownSender'),
          received: formatDateTime(locale, item.receivedAt, resolveTimeZone(settings.timeZone) ?? 'UTC'),
          subject: item.subject === '' ? t(locale, 'scorecard.missed.noSubject') : item.subject,
        }),
        { size: 'Small', spacing: 'Small', maxLines: 2 },
      ),
    ),
    ...(more > 0 ? [text(t(locale, 'scorecard.missed.more', { count: more }), { size: 'Small', spacing: 'Small', isSubtle: true })] : []),
  ];
}

export function scorecardCard(input: ScorecardInput): Card {
  const { week, settings, locale } = input;
  const actions = [
    execute(t(locale, 'scorecard.action.feedback'), 'feedback.open', { pairingId: input.pairingId, week: week.week, source: 'scorecard' }),
    ...(input.tabUrl === null ? [] : [openUrl(t(locale, 'scorecard.action.tab'), input.tabUrl)]),
  ];
  return card(
    [
      text(t(locale, 'scorecard.title', { monday: formatWeek(locale, week.week, { form: 'monday' }) }), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
      text(t(locale, 'scorecard.range', { from: formatDate(locale, week.start, { weekday: true }), to: formatDate(locale, week.end, { weekday: true }), zone: zoneLabel(locale, resolveTimeZone(settings.timeZone) ?? settings.timeZone, Date.parse(`${week.start}T12:00:00Z`)) }), { isSubtle: true, spacing: 'None', size: 'Small' }),
      ...headlines(input),
      ...totals(input),
      text(inboxZeroLine(input)),
      ...trendChart(input),
      ...missedItems(input),
      ...details(input),
      ...(input.late ? [text(t(locale, 'scorecard.late'), { isSubtle: true, size: 'Small' })] : []),
    ],
    { actions, fallbackText: t(locale, 'scorecard.title', { monday: formatWeek(locale, week.week, { form: 'monday' }) }) },
  );
}
