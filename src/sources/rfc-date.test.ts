// Mail dates as real mail writes them, and the ones that cannot be read.
import { describe, expect, it } from 'vitest';
import { parseMailDate, parseReceivedDate } from './rfc-date.ts';

const utc = (iso: string): number => Date.parse(iso);

describe('parseMailDate', () => {
  it('reads an RFC 5322 date with a (PDT) comment', () => {
    expect(parseMailDate('Wed, 23 Aug 2000 03:03:00 -0700 (PDT)')).toBe(utc('2000-08-23T10:03:00Z'));
  });

  it.each([
    ['GMT', '12:00:00Z'],
    ['UT', '12:00:00Z'],
    ['UTC', '12:00:00Z'],
    ['Z', '12:00:00Z'],
    ['EST', '17:00:00Z'],
    ['EDT', '16:00:00Z'],
    ['CST', '18:00:00Z'],
    ['CDT', '17:00:00Z'],
    ['MST', '19:00:00Z'],
    ['MDT', '18:00:00Z'],
    ['PST', '20:00:00Z'],
    ['PDT', '19:00:00Z'],
    ['CET', '11:00:00Z'],
    ['CEST', '10:00:00Z'],
    ['+0530', '06:30:00Z'],
    ['-0000', '12:00:00Z'],
    ['+02:00', '10:00:00Z'],
    ['-0700 PDT', '19:00:00Z'],
  ])('reads the zone %s', (zone, time) => {
    expect(parseMailDate(`Mon, 1 Jan 2001 12:00:00 ${zone}`)).toBe(utc(`2001-01-01T${time}`));
  });

  it('takes a date without a zone as UTC', () => {
    expect(parseMailDate('Mon, 3 Jul 2023 17:00:00')).toBe(utc('2023-07-03T17:00:00Z'));
  });

  it('takes an unknown (e.g. military) zone as UTC, as RFC 5322 says', () => {
    expect(parseMailDate('Mon, 3 Jul 2023 17:00:00 A')).toBe(utc('2023-07-03T17:00:00Z'));
  });

  it('reads minute-precision dates', () => {
    expect(parseMailDate('Mon, 03 Jul 2023 13:00 EST')).toBe(utc('2023-07-03T18:00:00Z'));
  });

  it('ignores a wrong or missing weekday, and copes with case, spacing and single-digit hours', () => {
    expect(parseMailDate('Fri, 23 Aug 2000 03:03:00 -0700')).toBe(utc('2000-08-23T10:03:00Z'));
    expect(parseMailDate('23 Aug 2000 03:03:00 -0700')).toBe(utc('2000-08-23T10:03:00Z'));
    expect(parseMailDate('wed, 23 aug 2000 3:03:00 gmt')).toBe(utc('2000-08-23T03:03:00Z'));
    expect(parseMailDate('Wed,23 Aug 2000  03:03:00   +0000')).toBe(utc('2000-08-23T03:03:00Z'));
    expect(parseMailDate('Wednesday, 23 August 2000 03:03:00 +0000')).toBe(utc('2000-08-23T03:03:00Z'));
  });

  it('reads two-digit years the RFC 5322 way', () => {
    expect(parseMailDate('23 Aug 00 03:03:00 +0000')).toBe(utc('2000-08-23T03:03:00Z'));
    expect(parseMailDate('23 Aug 99 03:03:00 +0000')).toBe(utc('1999-08-23T03:03:00Z'));
  });

  it('reads asctime and ISO-like dates some mailers write', () => {
    expect(parseMailDate('Wed Aug 23 03:03:00 2000')).toBe(utc('2000-08-23T03:03:00Z'));
    expect(parseMailDate('2000-08-23 03:03:00')).toBe(utc('2000-08-23T03:03:00Z'));
  });

  it.each(['', 'Tuesday, Dec 12', '07/09/2001 05:12 PM', 'Mon, 31 Feb 2000 10:00:00 +0000', 'not a date', '23 Foo 2000 03:03:00 +0000', '23 Aug 2000 25:00:00 +0000'])(
    'refuses the bogus date %j',
    (value) => {
      expect(parseMailDate(value)).toBeNull();
    },
  );
});

describe('parseReceivedDate', () => {
  it('reads the date after the last semicolon', () => {
    const received = 'from mx.example.net (mx.example.net [192.0.2.1]) by mail.example.org with ESMTP id 1234 for <owner@example.org>; Mon, 3 Jul 2023 09:00:05 -0700 (PDT)';
    expect(parseReceivedDate(received)).toBe(utc('2023-07-03T16:00:05Z'));
  });

  it('is null without a semicolon or with a bogus date', () => {
    expect(parseReceivedDate('from a by b')).toBeNull();
    expect(parseReceivedDate('from a by b; sometime')).toBeNull();
  });
});
