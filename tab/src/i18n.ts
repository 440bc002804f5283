// The tab's strings and formats: the shared message catalog (src/i18n) in the host's locale.
import { formatDate, formatDateTime, formatDuration, formatPercent, formatWeekday } from '../../src/i18n/format.ts';
import type { Weekday } from '../../src/kpi/settings.ts';
import { t, type MessageKey, type Params } from '../../src/i18n/messages.ts';

let current = 'en';

export function setLocale(locale: string): void {
  current = locale;
}

export const text = (key: MessageKey, params?: Params): string => t(current, key, params);
export const percent = (rate: number | null): string => (rate === null ? text('tab.week.noMail') : formatPercent(current, rate));
export const duration = (minutes: number | null): string => formatDuration(current, minutes);

export const dateTime = (ms: number, timeZone: string): string => formatDateTime(current, ms, timeZone);
export const shortDate = (isoDate: string): string => formatDate(current, isoDate, { year: false });
export const shortWeekday = (day: Weekday): string => formatWeekday(current, day, 'short');
