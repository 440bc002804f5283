// The summary's HTML part: table layout that Outlook desktop (Word engine), Outlook on the web and mobile
// all render, styles written once in a <style> block and inlined by juice, no images or remote resources.
// Sections carry `data-section` so tests can check the structure without snapshotting the whole markup.
import juice from 'juice';
import { intlLocale } from '../i18n/locales.ts';
import { STATUS_MARK } from '../i18n/status-marks.ts';
import type { FeedbackBlock, Stat, SummaryView, TaskBlock, Tone, TrendBar, WaitingRow } from './summary-view.ts';

/** Height of a 100% bar in the trend row, in pixels. */
const BAR_MAX_PX = 64;
/** A week with a rate above zero still gets a visible sliver. */
const BAR_MIN_PX = 3;
const WIDTH_PX = 600;

const TONES: Readonly<Record<Tone, { fg: string; bg: string; bar: string }>> = {
  good: { fg: '#0e700e', bg: '#dff6dd', bar: '#13a10e' },
  bad: { fg: '#b10e1c', bg: '#fde7e9', bar: '#d13438' },
  neutral: { fg: '#424242', bg: '#f0f0f0', bar: '#c7c7c7' },
};

const STYLES = `
body, .body { margin: 0; padding: 0; background-color: #f3f2f1; }
table { border-collapse: collapse; }
td { font-family: 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #242424; font-size: 14px; line-height: 20px; }
.container { background-color: #ffffff; }
.pad { padding: 16px 24px; }
.header { background-color: #0f6cbd; padding: 20px 24px; }
.brand { margin: 0; color: #ffffff; font-size: 20px; line-height: 26px; font-weight: 600; }
.title { margin: 0; font-size: 16px; line-height: 22px; font-weight: 600; }
.week { color: #ebf3fc; font-size: 14px; }
.rate { font-size: 40px; line-height: 46px; font-weight: 700; }
.rate-label { color: #424242; font-size: 14px; }
.badge { font-size: 13px; line-height: 18px; font-weight: 600; padding: 4px 10px; }
.h2 { font-size: 16px; line-height: 22px; font-weight: 600; padding: 20px 24px 8px 24px; border-top: 1px solid #e0e0e0; }
.stat { padding: 8px 4px; text-align: center; vertical-align: top; }
.stat-value { font-size: 22px; line-height: 28px; font-weight: 600; }
.stat-label { font-size: 12px; line-height: 16px; color: #616161; }
.row-label { color: #616161; padding: 4px 12px 4px 0; width: 45%; vertical-align: top; }
.row-value { padding: 4px 0; font-weight: 600; vertical-align: top; }
.bar-cell { padding: 0 3px; vertical-align: bottom; text-align: center; }
.bar-space { font-size: 0; line-height: 0; }
.bar-value { font-size: 11px; line-height: 14px; color: #424242; padding-top: 4px; }
.bar-week { font-size: 11px; line-height: 14px; color: #616161; }
.bar-mark { font-size: 12px; line-height: 14px; font-weight: 700; }
.caption { font-size: 12px; line-height: 16px; color: #616161; padding: 8px 24px 12px 24px; }
.item { padding: 8px 0; border-bottom: 1px solid #f0f0f0; vertical-align: top; }
.item-from { font-weight: 600; word-break: break-word; }
.item-meta { font-size: 12px; line-height: 16px; color: #616161; }
.item-subject { word-break: break-word; }
.hidden { color: #616161; font-style: italic; }
.status { font-size: 12px; line-height: 16px; font-weight: 600; padding: 8px 0 8px 12px; vertical-align: top; text-align: right; width: 35%; }
.author { font-weight: 600; padding: 8px 0 4px 0; }
.question { font-size: 12px; line-height: 16px; color: #616161; padding-top: 4px; }
.answer { padding-bottom: 4px; word-break: break-word; }
.muted { color: #616161; }
.button-cell { background-color: #0f6cbd; padding: 12px 20px; }
.button { color: #ffffff; font-weight: 600; text-decoration: none; font-size: 15px; }
.footer { font-size: 12px; line-height: 16px; color: #616161; padding: 16px 24px 24px 24px; }
.preheader { display: none; max-height: 0; overflow: hidden; mso-hide: all; font-size: 1px; line-height: 1px; color: #f3f2f1; }
@media (max-width: 480px) {
  .pad, .h2, .caption, .footer { padding-left: 16px !important; padding-right: 16px !important; }
  .rate { font-size: 34px !important; line-height: 40px !important; }
  .stat-value { font-size: 18px !important; }
}
`;

/** The same marks the plain-text trend uses. */
const MARKS: Readonly<Record<Tone, string>> = { good: STATUS_MARK.good, bad: STATUS_MARK.bad, neutral: '&nbsp;' };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const presentation = (attributes: string, rows: string) => `<table role="presentation" cellpadding="0" cellspacing="0" border="0" ${attributes}>${rows}</table>`;

function badge(text: string, tone: Tone): string {
  const { fg, bg } = TONES[tone];
  return presentation('', `<tr><td class="badge" bgcolor="${bg}" style="background-color:${bg};color:${fg}">${escapeHtml(text)}</td></tr>`);
}

/** Real headings (margins reset inline for Outlook), so screen readers can jump between the parts. */
const sectionTitle = (title: string) => `<tr><td class="h2"><h2 class="title">${escapeHtml(title)}</h2></td></tr>`;

function section(name: string, title: string | null, body: string): string {
  const heading = title === null ? '' : sectionTitle(title);
  return `${heading}<tr><td class="pad" data-section="${name}" style="padding-top:0">${body}</td></tr>`;
}

/** A KPI's rate, what it measures and its verdict. */
function rateBlock(kpi: Pick<SummaryView, 'rate' | 'rateLabel' | 'verdict'>): string {
  const rate = kpi.rate === null ? '' : `<div class="rate">${escapeHtml(kpi.rate)}</div>`;
  const verdict = kpi.verdict === null ? '' : `<div style="padding-top:8px">${badge(kpi.verdict.text, kpi.verdict.tone)}</div>`;
  return `${rate}<div class="rate-label">${escapeHtml(kpi.rateLabel)}</div>${verdict}`;
}

function headline(view: SummaryView): string {
  return `<tr><td class="pad" data-section="headline">${rateBlock(view)}</td></tr>`;
}

/** A row of numbers over their labels, on a tinted band. */
function statRow(stats: readonly Stat[]): string {
  const width = `${Math.floor(100 / stats.length)}%`;
  const cells = stats.map((stat) => `<td class="stat" width="${width}"><div class="stat-value">${escapeHtml(stat.value)}</div><div class="stat-label">${escapeHtml(stat.label)}</div></td>`).join('');
  return presentation('width="100%" bgcolor="#faf9f8" style="background-color:#faf9f8"', `<tr>${cells}</tr>`);
}

function counts(view: SummaryView): string {
  return `<tr><td class="pad" data-section="counts" style="padding-top:0">${statRow(view.counts)}</td></tr>`;
}

/** The task KPI as the mail KPI is shown: rate and verdict, then its counts. */
function tasks(block: TaskBlock | null): string {
  if (block === null) return '';
  const counts = block.counts.length === 0 ? '' : `<div style="padding-top:12px">${statRow(block.counts)}</div>`;
  return section('tasks', block.title, `${rateBlock(block)}${counts}`);
}

function labelled(rows: readonly { label: string; value: string; extra?: string }[]): string {
  return presentation(
    'width="100%"',
    rows.map((row) => `<tr><td class="row-label">${escapeHtml(row.label)}</td><td class="row-value">${escapeHtml(row.value)}${row.extra ?? ''}</td></tr>`).join(''),
  );
}

function details(view: SummaryView): string {
  const { inboxZero } = view;
  const inboxValue = `<span style="color:${TONES[inboxZero.tone].fg}">${escapeHtml(inboxZero.value)}</span>`;
  const streak = inboxZero.streak === null ? '' : `<div class="muted" style="font-weight:400">${escapeHtml(inboxZero.streak)}</div>`;
  const rows = labelled([...view.times, view.answeredBy]);
  const inbox = presentation(
    'width="100%"',
    `<tr><td class="row-label">${escapeHtml(inboxZero.label)}</td><td class="row-value" data-section="inbox-zero">${inboxValue}${streak}</td></tr>`,
  );
  return `<tr><td class="pad" data-section="details" style="padding-top:0">${rows}${inbox}</td></tr>`;
}

function barColumn(bar: TrendBar, width: string): string {
  const height = bar.share === null ? 0 : Math.max(bar.share > 0 ? BAR_MIN_PX : 0, Math.round(bar.share * BAR_MAX_PX));
  const color = TONES[bar.tone].bar;
  const space = BAR_MAX_PX - height;
  const spacer = space > 0 ? `<tr><td class="bar-space" height="${space}" style="height:${space}px">&nbsp;</td></tr>` : '';
  const fill = height > 0 ? `<tr><td class="bar-space" height="${height}" bgcolor="${color}" style="height:${height}px;background-color:${color}">&nbsp;</td></tr>` : '';
  const weight = bar.current ? 'font-weight:700;color:#242424' : '';
  return (
    `<td class="bar-cell" width="${width}" data-week="${escapeHtml(bar.label)}">` +
    presentation('width="100%"', `${spacer}${fill}<tr><td class="bar-space" height="2" bgcolor="#8a8886" style="height:2px;background-color:#8a8886">&nbsp;</td></tr>`) +
    `<div class="bar-value" style="${weight}">${escapeHtml(bar.value)}</div><div class="bar-week" style="${weight}">${escapeHtml(bar.label)}</div>` +
    // Met / not met as a mark too, not by colour alone.
    `<div class="bar-mark" style="color:${TONES[bar.tone].fg}">${MARKS[bar.tone]}</div></td>`
  );
}

function trend(view: SummaryView): string {
  const width = `${Math.floor(100 / Math.max(view.trend.length, 1))}%`;
  const row = presentation('width="100%"', `<tr>${view.trend.map((bar) => barColumn(bar, width)).join('')}</tr>`);
  return `${sectionTitle(view.trendTitle)}<tr><td class="pad" data-section="trend" style="padding-top:4px;padding-bottom:0">${row}</td></tr><tr><td class="caption">${escapeHtml(view.trendCaption)}</td></tr>`;
}

function waitingItem(item: WaitingRow): string {
  const subject = item.subjectHidden ? `<div class="item-subject hidden">${escapeHtml(item.subject)}</div>` : `<div class="item-subject">${escapeHtml(item.subject)}</div>`;
  return (
    `<tr><td class="item" data-item="waiting"><div class="item-from">${escapeHtml(item.from)}</div>${subject}<div class="item-meta">${escapeHtml(item.received)}</div></td>` +
    `<td class="item status" style="color:${TONES[item.tone].fg}">${escapeHtml(item.status)}</td></tr>`
  );
}

function waiting(view: SummaryView): string {
  const body = view.waiting.length === 0 ? `<div class="muted">${escapeHtml(view.waitingNone)}</div>` : presentation('width="100%"', view.waiting.map(waitingItem).join(''));
  return section('waiting', view.waitingTitle, body);
}

function feedbackBlock(block: FeedbackBlock): string {
  // Outlook's Word engine ignores white-space: pre-wrap, so line breaks the writer typed become <br>.
  const answers = block.answers
    .map((entry) => `<div class="question">${escapeHtml(entry.question)}</div><div class="answer">${escapeHtml(entry.answer).replace(/\r?\n/g, '<br>')}</div>`)
    .join('');
  const note = block.note === null ? '' : `<div class="muted">${escapeHtml(block.note)}</div>`;
  return `<tr><td data-item="feedback"><div class="author">${escapeHtml(block.author)}</div>${answers}${note}</td></tr>`;
}

function tabButton(view: SummaryView): string {
  if (view.tab === null) return '';
  const button = presentation('', `<tr><td class="button-cell" bgcolor="#0f6cbd"><a class="button" href="${escapeHtml(view.tab.url)}" target="_blank">${escapeHtml(view.tab.label)}</a></td></tr>`);
  return `<tr><td class="pad" data-section="tab" style="padding-top:20px">${button}</td></tr>`;
}

/** The HTML part of the weekly summary, CSS inlined. Pure. */
export function summaryHtml(view: SummaryView, locale: string): string {
  // The language the text is in (a tag Tandem has no catalog for reads English; the pseudo-locale is English).
  const lang = escapeHtml(intlLocale(locale));
  const late = view.lateNote === null ? '' : `<tr><td class="pad muted" data-section="late" style="padding-top:0">${escapeHtml(view.lateNote)}</td></tr>`;
  const container = presentation(
    `width="100%" class="container" bgcolor="#ffffff" style="max-width:${WIDTH_PX}px"`,
    `<tr><td class="header" data-section="header"><h1 class="brand">${escapeHtml(view.title)}</h1><div class="week">${escapeHtml(view.weekLine)}</div></td></tr>` +
      headline(view) +
      counts(view) +
      details(view) +
      tasks(view.tasks) +
      trend(view) +
      waiting(view) +
      section('feedback', view.feedbackTitle, presentation('width="100%"', view.feedback.map(feedbackBlock).join(''))) +
      tabButton(view) +
      late +
      `<tr><td class="footer" data-section="footer">${escapeHtml(view.footer)}</td></tr>`,
  );
  const html =
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="x-apple-disable-message-reformatting"><meta name="color-scheme" content="light"><title>${escapeHtml(view.subject)}</title><style>${STYLES}</style></head>` +
    `<body class="body"><div class="preheader">${escapeHtml(view.preheader)}</div>` +
    presentation(
      'width="100%" bgcolor="#f3f2f1"',
      `<tr><td align="center" style="padding:16px 8px">` +
        // Outlook desktop ignores max-width: a fixed 600 px ghost table keeps it from stretching.
        `<!--[if mso]><table role="presentation" width="${WIDTH_PX}" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->` +
        container +
        `<!--[if mso]></td></tr></table><![endif]--></td></tr>`,
    ) +
    `</body></html>`;
  return juice(html, { removeStyleTags: true, preserveMediaQueries: true, preserveImportant: true, applyWidthAttributes: false, applyHeightAttributes: false });
}
