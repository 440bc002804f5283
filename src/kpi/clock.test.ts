import { describe, expect, it } from 'vitest';
import { at } from '../../test/support/mail.ts';
import { buildClock } from './clock.ts';
import type { Interval } from './message.ts';
import { parseSettings, type SettingsInput } from './settings.ts';

const HOUR = 3_600_000;

function hours(settings: SettingsInput, from: string, to: string, paused: Interval[] = []): number {
  const span = { start: at(from), end: at(to) };
  return buildClock(parseSettings(settings), paused, span).elapsed(at(from), at(to)) / HOUR;
}

const leave = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

describe('calendar clock', () => {
  it('is wall time minus paused intervals, overlapping pauses merged', () => {
    expect(hours({}, '2026-11-16T12:00Z', '2026-11-18T11:00Z')).toBe(47);
    const pauses = [leave('2026-11-17T00:00Z', '2026-11-17T12:00Z'), leave('2026-11-17T06:00Z', '2026-11-18T00:00Z'), leave('2026-11-17T10:00Z', '2026-11-17T11:00Z')];
    expect(hours({}, '2026-11-16T12:00Z', '2026-11-18T11:00Z', pauses)).toBe(23);
  });

  it('counts a pause only where it overlaps the response', () => {
    expect(hours({}, '2026-11-16T12:00Z', '2026-11-16T18:00Z', [leave('2026-11-16T17:00Z', '2026-11-20T00:00Z')])).toBe(5);
    expect(hours({}, '2026-11-16T12:00Z', '2026-11-16T18:00Z', [leave('2026-11-10T00:00Z', '2026-11-16T13:00Z')])).toBe(5);
  });

  it('is wall time across DST changes (Copenhagen autumn: the local day has 25 hours)', () => {
    // Sat 12:00 CEST → Sun 12:00 CET is a local "day" but 25 real hours.
    expect(hours({ timeZone: 'Europe/Copenhagen' }, '2026-10-24T10:00Z', '2026-10-25T11:00Z')).toBe(25);
  });

  it('is wall time across DST changes (New York spring: the local day has 23 hours)', () => {
    expect(hours({ timeZone: 'America/New_York' }, '2026-03-07T17:00Z', '2026-03-08T16:00Z')).toBe(23);
  });
});

describe('working clock', () => {
  const officeHours = { clock: 'working' } as const;

  it('counts only working hours, across a weekend', () => {
    expect(hours(officeHours, '2026-11-20T16:30Z', '2026-11-23T09:15Z')).toBe(0.75);
    expect(hours(officeHours, '2026-11-21T10:00Z', '2026-11-22T20:00Z')).toBe(0);
    expect(hours(officeHours, '2026-11-16T07:00Z', '2026-11-23T07:00Z')).toBe(40);
  });

  it('follows local working hours across the Copenhagen autumn DST change', () => {
    // Fri 16:00 CEST (14:00Z) → Mon 10:00 CET (09:00Z): one hour on Friday, one on Monday.
    const copenhagen = { ...officeHours, timeZone: 'Europe/Copenhagen' } as const;
    expect(hours(copenhagen, '2026-10-23T14:00Z', '2026-10-26T09:00Z')).toBe(2);
  });

  it('follows local working hours across the New York spring DST change', () => {
    // Fri 16:30 EST (21:30Z) → Mon 09:30 EDT (13:30Z).
    const newYork = { ...officeHours, timeZone: 'America/New_York' } as const;
    expect(hours(newYork, '2026-03-06T21:30Z', '2026-03-09T13:30Z')).toBe(1);
  });

  it('accepts Windows time zone names from mailboxSettings', () => {
    const windows = { ...officeHours, timeZone: 'Romance Standard Time' } as const;
    expect(hours(windows, '2026-10-23T14:00Z', '2026-10-26T09:00Z')).toBe(2);
  });

  it('uses the working-hours time zone when it differs from the pairing zone', () => {
    const settings: SettingsInput = {
      clock: 'working',
      timeZone: 'Europe/Copenhagen',
      workingHours: { daysOfWeek: ['monday'], startTime: '09:00', endTime: '17:00', timeZone: { name: 'Eastern Standard Time' } },
    };
    // Monday 09:00–17:00 New York time is 14:00–22:00Z in November.
    expect(hours(settings, '2026-11-23T00:00Z', '2026-11-23T15:00Z')).toBe(1);
  });

  it('supports working weeks that span the weekend (Thu–Mon)', () => {
    const settings: SettingsInput = { clock: 'working', workingHours: { daysOfWeek: ['thursday', 'friday', 'saturday', 'sunday', 'monday'], startTime: '10:00', endTime: '14:00' } };
    // Fri 13:00 → Tue 12:00: Fri 1 + Sat 4 + Sun 4 + Mon 4 = 13 hours; Tuesday is off.
    expect(hours(settings, '2026-11-20T13:00Z', '2026-11-24T12:00Z')).toBe(13);
  });

  it('supports shifts that run past midnight', () => {
    const night: SettingsInput = { clock: 'working', workingHours: { daysOfWeek: ['monday'], startTime: '22:00', endTime: '06:00' } };
    expect(hours(night, '2026-11-16T12:00Z', '2026-11-17T12:00Z')).toBe(8);
  });

  it('subtracts leave from working hours', () => {
    // Mon 16:00 → Wed 10:00 with Tuesday on leave: Mon 1 h + Wed 1 h.
    expect(hours(officeHours, '2026-11-16T16:00Z', '2026-11-18T10:00Z', [leave('2026-11-17T00:00Z', '2026-11-18T00:00Z')])).toBe(2);
    // Leave over a weekend changes nothing.
    expect(hours(officeHours, '2026-11-20T16:30Z', '2026-11-23T09:15Z', [leave('2026-11-21T00:00Z', '2026-11-23T00:00Z')])).toBe(0.75);
  });
});
