// The tab's strings and formats: the shared message catalog (src/i18n) in the host's locale.
import { formatDuration, formatPercent } from '../../src/i18n/format.ts';
import { t, type MessageKey, type Params } from '../../src/i18n/messages.ts';

let current = 'en';

export function setLocale(locale: string): void {
  current = locale;
}

export const text = (key: MessageKey, params?: Params): string => t(current, key, params);
export const percent = (rate: number | null): string => (rate === null ? text('tab.week.noMail') : formatPercent(current, rate));
export const duration = (minutes: number | null): string => formatDuration(current, minutes);

export function dateTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat(current, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
}

export function shortDate(isoDate: string): string {
  return new Intl.DateTimeFormat(current, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(`${isoDate}T00:00:00Z`));
}
