// The tab's strings and formats: the shared message catalog (src/i18n) in the host's locale. Only that
// locale's catalog loads (setLocale, before the first render); the build serves messages.ts as catalog.ts.
import { labelledAnswers, RATING_SCALE, type FeedbackRole, type LabelledAnswer } from '../../src/reports/feedback-questions.ts';
import { formatClockTime, formatDate, formatDateTime, formatDuration, formatLanguage, formatNumber, formatNumericDate, formatPercent, formatWeek, formatWeekday, numericDatePattern, parseNumericDate } from '../../src/i18n/format.ts';
import { isIsoWeek } from '../../src/kpi/iso-week.ts';
import type { Weekday } from '../../src/kpi/settings.ts';
import { t, type MessageKey, type Params } from '../../src/i18n/catalog.ts';
import { loadCatalog } from '../../src/i18n/load-catalog.ts';
import { zoneChoices, zoneLabel, type ZoneChoice } from '../../src/i18n/time-zones.ts';
import { weekTotals } from '../../src/i18n/week-totals.ts';
import type { WeekKpi } from '../../src/kpi/engine.ts';

let current = 'en';

/** Loads `locale`'s catalog and speaks it from then on; awaited before the first render. */
export async function setLocale(locale: string): Promise<void> {
  await loadCatalog(locale);
  current = locale;
}

/** Starts loading a catalog likely to be needed; setLocale then finds it loaded or loading (and reports a failure). */
export function preloadLocale(locale: string): void {
  loadCatalog(locale).catch(() => undefined);
}

export const text = (key: MessageKey, params?: Params): string => t(current, key, params);
export const percent = (rate: number | null): string => (rate === null ? text('tab.week.noMail') : formatPercent(current, rate));
export const duration = (minutes: number | null): string => formatDuration(current, minutes);
/** The week's counted mail as its parts in one sentence, as the scorecard card says it. */
export const totals = (week: Pick<WeekKpi, 'counted' | 'onTime' | 'late' | 'missed' | 'pending'>): string | null => weekTotals(current, week);

export const dateTime = (ms: number, timeZone: string): string => formatDateTime(current, ms, timeZone);
/** A 1–5 check-in rating, or a mean of them to one decimal: "4 of 5", "3,5 af 5". */
export const rating = (value: number | null): string => (value === null ? text('tab.trend.noRating') : text('feedback.rating', { value: formatNumber(current, Math.round(value * 10) / 10), max: RATING_SCALE }));
export const shortDate = (isoDate: string): string => formatDate(current, isoDate, { year: false });
/** A local calendar day with its weekday, as a list of days shows it: "Mon 23 Nov", "ma. 23. nov.". */
export const day = (isoDate: string): string => formatDate(current, isoDate, { weekday: true, year: false });
/**
 * A week as people read it, "Week of 16 Nov" (issue #20): the tab lists months of history, so the year is
 * added on weeks whose Monday is in another year than today's. API paths, query strings and the CSV exports
 * keep the ISO key. A period that is not a week (a monthly question's "2026-11", a review) shows as given.
 */
export const weekLabel = (week: string): string => (isIsoWeek(week) ? formatWeek(current, week, { near: new Date().toISOString().slice(0, 10) }) : week);
export const shortWeekday = (day: Weekday): string => formatWeekday(current, day, 'short');
/** A language tag's name in the reader's language. */
export const languageName = (tag: string): string => formatLanguage(current, tag);
/** A language's name in itself, as a language picker lists it. */
export const ownLanguageName = (tag: string): string => formatLanguage(tag, tag);
/** One side's feedback under the questions it was asked, as the card and the summary mail label them. */
export const answersOf = (role: FeedbackRole, answers: Readonly<Record<string, string>>): LabelledAnswer[] => labelledAnswers(current, role, answers);
/** A time zone (IANA id) as people read it: "Mitteleuropäische Zeit (Copenhagen) · UTC+01:00". */
export const zoneName = (zone: string): string => zoneLabel(current, zone);
/** Every zone, labelled in the reader's language, `keep` among them. */
export const zoneList = (keep: readonly string[]): ZoneChoice[] => zoneChoices(current, Date.now(), keep);
/** A settings clock time (HH:MM) as the cards write it: "17:00", "5:00 PM" (en). */
export const clockTime = (time: string): string => formatClockTime(current, time);
/** Numeric dates in the reader's order: the placeholder ("TT.MM.JJJJ"), YYYY-MM-DD written that way, and typed text read back (null unless a real date). */
export const datePattern = (): string => numericDatePattern(current);
export const numericDate = (isoDate: string): string => formatNumericDate(current, isoDate);
export const parseDate = (typed: string): string | null => parseNumericDate(current, typed);
