// Numbers and durations for cards and e-mails, formatted by Intl in the reader's locale.
import { t } from './messages.ts';

export function formatPercent(locale: string, rate: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

export function formatDuration(locale: string, minutes: number | null): string {
  if (minutes === null) return t(locale, 'none');
  const whole = Math.round(minutes);
  if (whole < 60) return t(locale, 'duration.minutes', { minutes: whole });
  return t(locale, 'duration.hours', { hours: Math.floor(whole / 60), minutes: whole % 60 });
}
