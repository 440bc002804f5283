// Date and Received header timestamps → epoch ms, tolerant of real mail (obsolete zones, wrong weekdays, no zone = UTC).
import { DateTime, FixedOffsetZone } from 'luxon';

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);

/** Offsets in minutes of the RFC 5322 obsolete zones plus abbreviations mailers commonly (and wrongly) send. */
const NAMED_ZONES: ReadonlyMap<string, number> = new Map([
  ['ut', 0], ['utc', 0], ['gmt', 0], ['z', 0], ['wet', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300],
  ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['akst', -540], ['akdt', -480], ['hst', -600],
  ['bst', 60], ['cet', 60], ['met', 60], ['west', 60], ['cest', 120], ['mest', 120], ['eet', 120], ['eest', 180],
  ['hkt', 480], ['jst', 540], ['aest', 600], ['aedt', 660], ['nzst', 720], ['nzdt', 780],
]);

// A numeric zone may carry a redundant abbreviation after it, e.g. `-0700 PDT`.
const ZONE = String.raw`(?:(?:gmt|utc|ut)?(?<offsetHours>[+-]\d{2}):?(?<offsetMinutes>\d{2})(?: [a-z]{1,5})?|(?<zoneName>[a-z]{1,5}))`;
const TIME = String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?`;
/** `[weekday,] 23 Aug 2000 03:03[:00] [zone]` with the weekday already removed. */
const RFC_DATE = new RegExp(String.raw`^(?<day>\d{1,2})[ -](?<month>[a-z]{3,9})\.?[ -](?<year>\d{2,4}),? ${TIME}(?: ${ZONE})?$`, 'i');
/** asctime-style `Aug 23 03:03:00 [zone] 2000`, as some mailers and mbox tools write. */
const ASCTIME_DATE = new RegExp(String.raw`^(?<month>[a-z]{3,9}) (?<day>\d{1,2}) ${TIME}(?: ${ZONE})? (?<year>\d{4})$`, 'i');
const WEEKDAY_PREFIX = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Removes RFC 5322 comments such as `(PDT)`, innermost first so nested ones go too. */
function stripComments(value: string): string {
  let text = value;
  let previous: string;
  do {
    previous = text;
    text = text.replace(/\([^()]*\)/g, ' ');
  } while (text !== previous);
  return text;
}

/** RFC 5322 obs-year: two digits are 19xx from 50 on, else 20xx; three digits add 1900. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (digits.length === 3) return 1900 + year;
  return year;
}

type DateGroups = Partial<Record<string, string>>;

function zoneOffset(groups: DateGroups): number {
  const { offsetHours, offsetMinutes, zoneName } = groups;
  if (offsetHours !== undefined && offsetMinutes !== undefined) {
    const offset = Number(offsetHours.slice(1)) * 60 + Number(offsetMinutes);
    return offsetHours.startsWith('-') ? -offset : offset;
  }
  // A missing zone is UTC by the spec; RFC 5322 reads unknown (e.g. military) zones as -0000, i.e. UTC too.
  if (zoneName === undefined) return 0;
  return NAMED_ZONES.get(zoneName.toLowerCase()) ?? 0;
}

/** Epoch ms of a date matched by one of the patterns above; null when it is no real calendar date. */
function parseWith(pattern: RegExp, text: string): number | null {
  const groups: DateGroups | undefined = pattern.exec(text)?.groups;
  if (groups === undefined) return null;
  const month = MONTHS.get((groups.month ?? '').slice(0, 3).toLowerCase());
  if (month === undefined) return null;
  // luxon validates the calendar (no 31 February) and applies the fixed offset.
  const date = DateTime.fromObject(
    {
      year: fullYear(groups.year ?? ''),
      month,
      day: Number(groups.day),
      hour: Number(groups.hour),
      minute: Number(groups.minute),
      second: Number(groups.second ?? 0),
    },
    { zone: FixedOffsetZone.instance(zoneOffset(groups)) },
  );
  return date.isValid ? date.toMillis() : null;
}

function parseIsoForm(text: string): number | null {
  if (!ISO_LIKE.test(text)) return null;
  const date = DateTime.fromISO(text.replace(' ', 'T').replace(/ /g, ''), { zone: 'utc' });
  return date.isValid ? date.toMillis() : null;
}

/** Epoch ms of an RFC 5322 date-time (or a common deviation from it); null when it cannot be read. */
export function parseMailDate(value: string): number | null {
  // The weekday is redundant and often wrong in real mail, so it is dropped rather than checked.
  const text = stripComments(value).replace(/\s+/g, ' ').trim().replace(WEEKDAY_PREFIX, '');
  if (text === '') return null;
  return parseWith(RFC_DATE, text) ?? parseWith(ASCTIME_DATE, text) ?? parseIsoForm(text);
}

/** Epoch ms of the date stamped at the end of a `Received` header (after its last `;`); null when absent. */
export function parseReceivedDate(value: string): number | null {
  const semicolon = value.lastIndexOf(';');
  if (semicolon < 0) return null;
  return parseMailDate(value.slice(semicolon + 1));
}
