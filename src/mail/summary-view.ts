// The weekly summary's content as plain, already-formatted strings: one view, rendered twice (HTML and
// plain text), so both parts always say the same thing. Every number comes from the engine's WeekKpi, and the
// task KPI's from its TaskWeek.
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { formatClockTime, formatDate, formatDateTime, formatDuration, formatPercent, formatWeek, formatWeekday } from '../i18n/format.ts';
import { t, type MessageKey } from '../i18n/messages.ts';
import { labelledAnswers, type FeedbackRole } from '../reports/feedback-questions.ts';
import { TREND_WEEKS, type SummaryMailInput, type TrendWeek } from '../reports/summary.ts';

export type Tone = 'good' | 'bad' | 'neutral';

export interface Stat {
  readonly label: string;
  readonly value: string;
}

/** The week's task KPI (docs/kpi.md §11), laid out like the mail KPI's headline and counts. */
export interface TaskBlock {
  readonly title: string;
  /** The rate as a percentage, or null for a week without tasks due. */
  readonly rate: string | null;
  readonly rateLabel: string;
  readonly verdict: { readonly text: string; readonly tone: Tone } | null;
  /** On time, late, overdue, still open; none for a week with nothing due and nothing open. */
  readonly counts: readonly Stat[];
}

export interface TrendBar {
  readonly label: string;
  readonly value: string;
  /** 0–1, the bar's height as a share of the full column; null for a week without mail. */
  readonly share: number | null;
  readonly tone: Tone;
  readonly current: boolean;
}

export interface WaitingRow {
  readonly from: string;
  readonly received: string;
  readonly subject: string;
  readonly subjectHidden: boolean;
  readonly status: string;
  readonly tone: Tone;
}

export interface FeedbackBlock {
  readonly author: string;
  /** Empty when that side has not answered. */
  readonly answers: readonly { readonly question: string; readonly answer: string }[];
  readonly note: string | null;
}

export interface SummaryView {
  readonly subject: string;
  readonly preheader: string;
  readonly title: string;
  readonly weekLine: string;
  /** The rate as a percentage, or null for a week without mail. */
  readonly rate: string | null;
  readonly rateLabel: string;
  readonly verdict: { readonly text: string; readonly tone: Tone } | null;
  readonly counts: readonly Stat[];
  readonly times: readonly Stat[];
  readonly answeredBy: Stat;
  readonly inboxZero: Stat & { readonly tone: Tone; readonly streak: string | null };
  /** Null when the pairing reads no tasks: the summary then says nothing about tasks. */
  readonly tasks: TaskBlock | null;
  readonly trendTitle: string;
  readonly trendCaption: string;
  readonly trend: readonly TrendBar[];
  readonly waitingTitle: string;
  readonly waiting: readonly WaitingRow[];
  readonly waitingNone: string;
  readonly feedbackTitle: string;
  readonly feedback: readonly FeedbackBlock[];
  readonly tab: { readonly url: string; readonly label: string } | null;
  readonly lateNote: string | null;
  readonly footer: string;
}

const AUTHORS: readonly { author: FeedbackRole; key: MessageKey }[] = [
  { author: 'owner', key: 'mail.feedback.owner' },
  { author: 'va', key: 'mail.feedback.va' },
];

/** A trend bar's week as its Monday ("16 Nov"); the year only on weeks in another year than the mail's week. */
function trendBar(locale: string, week: TrendWeek, current: boolean, reported: string): TrendBar {
  return {
    label: formatWeek(locale, week.week, { form: 'monday', near: reported }),
    value: week.rate === null ? t(locale, 'mail.trend.noMail') : formatPercent(locale, week.rate),
    share: week.rate,
    tone: week.met === null ? 'neutral' : week.met ? 'good' : 'bad',
    current,
  };
}

function inboxZeroStat(input: SummaryMailInput): SummaryView['inboxZero'] {
  const { week, settings, locale, streak } = input;
  const label = t(locale, 'mail.inboxZero', { day: formatWeekday(locale, settings.inboxZeroDay) });
  const result = week.inboxZero;
  if (result === null || result.status === 'unknown') return { label, value: t(locale, 'mail.inboxZero.unknown'), tone: 'neutral', streak: null };
  const params = { count: result.count ?? 0, cutoff: formatClockTime(locale, settings.inboxZeroCutoff), max: settings.inboxZeroMaxItems };
  const late = result.late ? ` (${t(locale, 'mail.inboxZero.late')})` : '';
  const pass = result.status === 'pass';
  return {
    label,
    value: t(locale, pass ? 'mail.inboxZero.pass' : 'mail.inboxZero.fail', params) + late,
    tone: pass ? 'good' : 'bad',
    // As on the scorecard: the streak is news when the week kept it going.
    streak: pass && streak !== null ? t(locale, 'mail.streak', { streak }) : null,
  };
}

const verdict = (locale: string, met: boolean | null): SummaryView['verdict'] => (met === null ? null : { text: t(locale, met ? 'mail.met' : 'mail.notMet'), tone: met ? 'good' : 'bad' });

function taskBlock({ tasks, settings, locale }: SummaryMailInput): TaskBlock | null {
  if (tasks === null) return null;
  const rate = tasks.rate === null ? null : formatPercent(locale, tasks.rate);
  return {
    title: t(locale, 'mail.tasks'),
    rate,
    rateLabel: rate === null ? t(locale, 'mail.tasks.noneDue') : t(locale, 'mail.tasks.rateLabel', { target: settings.taskTargetPct }),
    verdict: verdict(locale, tasks.met),
    // As on the scorecard: a week with nothing due and nothing open has no parts to tell.
    counts:
      rate === null && tasks.open === 0
        ? []
        : [
            { label: t(locale, 'mail.onTime'), value: String(tasks.onTime) },
            { label: t(locale, 'mail.late'), value: String(tasks.late) },
            { label: t(locale, 'mail.tasks.overdue'), value: String(tasks.overdue) },
            { label: t(locale, 'mail.tasks.open'), value: String(tasks.open) },
          ],
  };
}

/** The task KPI in a few words, for the preheader: its rate, or that none were due. */
const taskSummary = (tasks: TaskBlock) => (tasks.rate === null ? tasks.rateLabel : `${tasks.title}: ${tasks.rate} ${tasks.rateLabel}`);

function waitingRows(input: SummaryMailInput): WaitingRow[] {
  const { locale } = input;
  return input.week.oldestWaiting.map((item) => ({
    from: item.from ?? t(locale, 'mail.waiting.unknownSender'),
    received: formatDateTime(locale, item.receivedAt, resolveTimeZone(input.settings.timeZone) ?? 'UTC'),
    subject: input.privacyMode ? t(locale, 'mail.waiting.hidden') : item.subject,
    subjectHidden: input.privacyMode,
    status: item.status === 'missed' ? t(locale, 'mail.waiting.missed') : t(locale, 'mail.waiting.pending', { left: formatDuration(locale, item.remainingMinutes) }),
    tone: item.status === 'missed' ? 'bad' : 'neutral',
  }));
}

/**
 * Each side's answers, labelled as the card labels them, where the check-in view shows them (once both have
 * answered: the mail is read in the owner's mailbox, which the VA runs); otherwise only whether that side answered.
 */
function feedbackBlocks(input: SummaryMailInput): FeedbackBlock[] {
  const { locale } = input;
  return AUTHORS.map(({ author, key }) => {
    const side = input.checkIn[author];
    const answers = side.state === 'shown' ? labelledAnswers(locale, author, side.answers) : [];
    const name = side.state === 'shown' && side.edited ? `${t(locale, key)} ${t(locale, 'mail.feedback.edited')}` : t(locale, key);
    const note = side.state === 'answered' ? t(locale, 'mail.feedback.withheld') : answers.length === 0 ? t(locale, 'mail.feedback.missing') : null;
    return { author: name, answers, note };
  });
}

/** Everything the summary says, formatted for the reader's locale. Pure. */
export function summaryView(input: SummaryMailInput): SummaryView {
  const { week, settings, locale } = input;
  const rate = week.rate === null ? null : formatPercent(locale, week.rate);
  const inboxZero = inboxZeroStat(input);
  const tasks = taskBlock(input);
  const trend = input.trend.slice(-TREND_WEEKS);
  const monday = formatWeek(locale, week.week, { form: 'monday' });
  return {
    subject: rate === null ? t(locale, 'mail.subject.noMail', { monday }) : t(locale, 'mail.subject', { monday, rate, window: settings.windowHours }),
    preheader: `${rate === null ? t(locale, 'mail.noMail') : `${rate} ${t(locale, 'mail.rateLabel', { window: settings.windowHours, target: settings.responseTargetPct })}`} · ${inboxZero.label}: ${inboxZero.value}${tasks === null ? '' : ` · ${taskSummary(tasks)}`}`,
    title: t(locale, 'mail.title'),
    weekLine: t(locale, 'mail.week', { from: formatDate(locale, week.start, { year: false }), to: formatDate(locale, week.end) }),
    rate,
    rateLabel: rate === null ? t(locale, 'mail.noMail') : t(locale, 'mail.rateLabel', { window: settings.windowHours, target: settings.responseTargetPct }),
    verdict: verdict(locale, week.met),
    counts: [
      { label: t(locale, 'mail.counted'), value: String(week.counted) },
      { label: t(locale, 'mail.onTime'), value: String(week.onTime) },
      { label: t(locale, 'mail.late'), value: String(week.late) },
      { label: t(locale, 'mail.missed'), value: String(week.missed) },
      { label: t(locale, 'mail.pending'), value: String(week.pending) },
    ],
    times: [
      { label: t(locale, 'mail.median'), value: formatDuration(locale, week.medianMinutes) },
      { label: t(locale, 'mail.p90'), value: formatDuration(locale, week.p90Minutes) },
    ],
    answeredBy: { label: t(locale, 'mail.answeredBy'), value: t(locale, 'mail.answeredBy.counts', week.answeredBy) },
    inboxZero,
    tasks,
    trendTitle: t(locale, 'mail.trend'),
    trendCaption: t(locale, 'mail.trend.caption', { window: settings.windowHours, target: settings.responseTargetPct }),
    trend: trend.map((entry, index) => trendBar(locale, entry, index === trend.length - 1, week.week)),
    waitingTitle: t(locale, 'mail.waiting'),
    waiting: waitingRows(input),
    waitingNone: t(locale, 'mail.waiting.none'),
    feedbackTitle: t(locale, 'mail.feedback'),
    feedback: feedbackBlocks(input),
    tab: input.tabUrl === null ? null : { url: input.tabUrl, label: t(locale, 'mail.openTab') },
    lateNote: input.late ? t(locale, 'mail.sentLate') : null,
    footer: t(locale, 'mail.footer', { mailbox: input.mailbox }),
  };
}
