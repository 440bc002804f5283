// Confirms VA leave recorded from the chat: the dates, and that the response clock pauses for them.
import { formatDate } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/messages.ts';
import { zoneLabel } from '../../src/i18n/time-zones.ts';
import { resolveTimeZone } from '../../src/kpi/time-zone.ts';
import { card, heading, text, type Card } from './card-parts.ts';

export interface LeaveCardInput {
  readonly locale: string;
  readonly va: string;
  /** Local dates, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
}

export function leaveCard({ locale, va, from, to, timeZone }: LeaveCardInput): Card {
  return card(
    [
      heading(t(locale, 'leave.title')),
      text(t(locale, 'leave.recorded', { name: va, from: formatDate(locale, from, { weekday: true }), to: formatDate(locale, to, { weekday: true }), zone: zoneLabel(locale, resolveTimeZone(timeZone) ?? timeZone, Date.parse(`${from}T12:00:00Z`)) })),
      text(t(locale, 'leave.undo'), { isSubtle: true, size: 'Small' }),
    ],
    { fallbackText: t(locale, 'leave.title') },
  );
}
