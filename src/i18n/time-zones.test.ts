import { describe, expect, it } from 'vitest';
import { formatNumericDate, numericDatePattern, parseNumericDate } from './format.ts';
import { zoneChoices, zoneLabel } from './time-zones.ts';

/** Mid-January: standard time north of the equator. */
const WINTER = Date.UTC(2026, 0, 15, 12);
const SUMMER = Date.UTC(2026, 6, 15, 12);

describe('zoneLabel', () => {
  it('names a zone by its generic name, its city and its offset, in English', () => {
    expect(zoneLabel('en', 'Europe/Copenhagen', WINTER)).toBe('Central European Time (Copenhagen) · UTC+01:00');
    expect(zoneLabel('en', 'America/New_York', WINTER)).toBe('Eastern Time (New York) · UTC-05:00');
    expect(zoneLabel('en', 'Asia/Kolkata', WINTER)).toBe('India Standard Time (Kolkata) · UTC+05:30');
  });

  it('in German', () => {
    expect(zoneLabel('de-DE', 'Europe/Copenhagen', WINTER)).toBe('Mitteleuropäische Zeit (Copenhagen) · UTC+01:00');
    expect(zoneLabel('de-DE', 'America/New_York', WINTER)).toBe('Nordamerikanische Ostküstenzeit (New York) · UTC-05:00');
    expect(zoneLabel('de-DE', 'Asia/Kolkata', WINTER)).toBe('Indische Normalzeit (Kolkata) · UTC+05:30');
  });

  it('gives the offset at the instant asked about', () => {
    expect(zoneLabel('en', 'Europe/Copenhagen', SUMMER)).toBe('Central European Time (Copenhagen) · UTC+02:00');
  });

  it('shows UTC as its offset and a name Intl does not know as it is', () => {
    expect(zoneLabel('en', 'UTC', WINTER)).toBe('UTC+00:00');
    expect(zoneLabel('de', 'Mars/Olympus', WINTER)).toBe('Mars/Olympus');
  });
});

describe('zoneChoices', () => {
  it('lists every zone Intl knows and UTC, west to east, labelled in the locale', () => {
    const choices = zoneChoices('de', WINTER);
    expect(choices.length).toBeGreaterThan(300);
    expect(choices.map((choice) => choice.offsetMinutes)).toEqual(choices.map((choice) => choice.offsetMinutes).sort((a, b) => a - b));
    expect(choices.find((choice) => choice.value === 'Europe/Copenhagen')?.label).toBe('Mitteleuropäische Zeit (Copenhagen) · UTC+01:00');
    expect(choices.find((choice) => choice.value === 'UTC')?.label).toBe('UTC+00:00');
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(choices.length);
  });

  it('keeps the zones asked for, even under a name Intl lists differently', () => {
    const zone = 'Asia/Kolkata';
    expect(zoneChoices('en', WINTER, [zone]).find((choice) => choice.value === zone)?.label).toBe('India Standard Time (Kolkata) · UTC+05:30');
    expect(zoneChoices('en', WINTER, ['Mars/Olympus']).some((choice) => choice.value === 'Mars/Olympus')).toBe(false);
  });
});

describe('numeric dates in the reader\'s order', () => {
  it.each([
    ['de-DE', 'TT.MM.JJJJ', '13.10.2026'],
    ['da-DK', 'DD.MM.ÅÅÅÅ', '13.10.2026'],
    ['nl-NL', 'DD-MM-JJJJ', '13-10-2026'],
    ['nb-NO', 'DD.MM.ÅÅÅÅ', '13.10.2026'],
    ['en-GB', 'DD/MM/YYYY', '13/10/2026'],
    ['en-US', 'MM/DD/YYYY', '10/13/2026'],
  ])('%s writes %s and reads its own dates back', (locale, pattern, written) => {
    expect(numericDatePattern(locale)).toBe(pattern);
    expect(formatNumericDate(locale, '2026-10-13')).toBe(written);
    expect(parseNumericDate(locale, written)).toBe('2026-10-13');
  });

  it('reads strictly: the locale\'s order, a real date, a four-digit year', () => {
    expect(parseNumericDate('de', '3.1.2027')).toBe('2027-01-03');
    expect(parseNumericDate('de', '13/10/2026')).toBe('2026-10-13');
    expect(parseNumericDate('de', '31.02.2026')).toBeNull();
    expect(parseNumericDate('de', '13.10.26')).toBeNull();
    expect(parseNumericDate('de', '2026-10-13')).toBeNull();
    expect(parseNumericDate('en-US', '13/10/2026')).toBeNull();
    expect(parseNumericDate('de', 'morgen')).toBeNull();
    expect(parseNumericDate('de', '')).toBeNull();
  });
});
