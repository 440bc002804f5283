// Inbound mail still unanswered, oldest first, with the time left in the window (or overdue).
import { formatDateTime, formatDuration } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/messages.ts';
import { marked } from '../../src/i18n/status-marks.ts';
import { resolveTimeZone } from '../../src/kpi/time-zone.ts';
import { card, openUrl, text, type Card, type Element } from './card-parts.ts';

/** Rows shown; the rest are counted. */
export const WAITING_ON_CARD = 15;

export interface WaitingItem {
  readonly from: string | null;
  readonly subject: string;
  readonly receivedAt: number;
  /** Minutes left in the window on the pairing's clock; null or ≤ 0 when overdue. */
  readonly minutesLeft: number | null;
  /** Outlook on the web's link to the message: selecting the row opens it there. */
  readonly webLink?: string | null;
}

export interface WaitingCardInput {
  readonly locale: string;
  readonly timeZone: string;
  readonly windowHours: number;
  readonly privacyMode: boolean;
  /** Oldest first. */
  readonly items: readonly WaitingItem[];
  /** Deep link to the KPI tab, which lists every waiting mail; null hides the button. */
  readonly tabUrl: string | null;
}

/** One waiting mail: sender and subject on the left, received time and time left on the right. Also used by the breach warning. */
export function waitingRow(input: Pick<WaitingCardInput, 'locale' | 'timeZone' | 'privacyMode'>, item: WaitingItem): Element {
  const { locale } = input;
  const overdue = item.minutesLeft === null || item.minutesLeft <= 0;
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    ...(item.webLink == null ? {} : { selectAction: openUrl(t(locale, 'waiting.openInOutlook'), item.webLink) }),
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          text(item.from ?? t(locale, 'scorecard.missed.unknownSender'), { weight: 'Bolder', size: 'Small', maxLines: 1 }),
          text(input.privacyMode ? t(locale, 'waiting.subjectHidden') : item.subject === '' ? t(locale, 'scorecard.missed.noSubject') : item.subject, { size: 'Small', spacing: 'None', isSubtle: true, maxLines: 1 }),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        items: [
          // Said to be the arrival, not the deadline the time left counts down to.
          text(t(locale, 'waiting.received', { time: formatDateTime(locale, item.receivedAt, resolveTimeZone(input.timeZone) ?? 'UTC') }), { size: 'Small', horizontalAlignment: 'Right' }),
          text(overdue ? marked('bad', t(locale, 'waiting.overdue')) : t(locale, 'waiting.left', { left: formatDuration(locale, item.minutesLeft) }), {
            size: 'Small',
            spacing: 'None',
            horizontalAlignment: 'Right',
            weight: overdue ? 'Bolder' : 'Default',
          }),
        ],
      },
    ],
  };
}

export function waitingCard(input: WaitingCardInput): Card {
  const { locale } = input;
  const shown = input.items.slice(0, WAITING_ON_CARD);
  const more = input.items.length - shown.length;
  return card(
    [
      text(t(locale, 'waiting.title', { count: input.items.length }), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
      ...(input.items.length === 0 ? [text(t(locale, 'waiting.none', { window: input.windowHours }))] : shown.map((item) => waitingRow(input, item))),
      ...(more > 0 ? [text(t(locale, 'waiting.more', { count: more }), { isSubtle: true, size: 'Small' })] : []),
    ],
    { actions: input.tabUrl === null ? [] : [openUrl(t(locale, 'scorecard.action.tab'), input.tabUrl)], fallbackText: t(locale, 'waiting.title', { count: input.items.length }) },
  );
}
