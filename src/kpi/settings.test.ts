import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SettingsError } from './settings.ts';
import { resolveTimeZone } from './time-zone.ts';

function problems(input: unknown): readonly string[] {
  try {
    parseSettings(input);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected the settings to be rejected');
}

describe('settings', () => {
  it("fills in the spec's defaults", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      responseTargetPct: 90,
      windowHours: 24,
      clock: 'calendar',
      timeZone: 'UTC',
      workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '09:00', endTime: '17:00' },
      inboxZeroDay: 'friday',
      inboxZeroCutoff: '17:00',
      inboxZeroMaxItems: 0,
      countCcOnly: false,
      excludeInternal: false,
      excludeOtherFocused: false,
      noReplyCategory: 'No reply needed',
      scorecardDay: 'monday',
      scorecardTime: '09:00',
      reviewEveryWeeks: 13,
      privacyMode: false,
      taskSource: 'none',
      taskTargetPct: 90,
    });
  });

  it.each([
    [{ responseTargetPct: 0 }, 'responseTargetPct must be a whole number from 1 to 100 (percent)'],
    [{ taskTargetPct: 101 }, 'taskTargetPct must be a whole number from 1 to 100 (percent)'],
    [{ taskSource: 'planner:' }, 'taskSource must be "none", "planner:<plan id>" or "todo:<list id>"'],
    [{ taskSource: 'trello:abc' }, 'taskSource must be "none", "planner:<plan id>" or "todo:<list id>"'],
    [{ responseTargetPct: 100.5 }, 'responseTargetPct must be a whole number from 1 to 100 (percent)'],
    [{ responseTargetPct: '90' }, 'responseTargetPct must be a whole number from 1 to 100 (percent)'],
    [{ windowHours: 169 }, 'windowHours must be a whole number from 1 to 168 hours'],
    [{ windowHours: 0 }, 'windowHours must be a whole number from 1 to 168 hours'],
    [{ clock: 'business' }, 'clock must be "calendar" or "working"'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone must be an IANA time zone (e.g. Europe/Copenhagen) or a Windows time zone name (e.g. W. Europe Standard Time)'],
    [{ inboxZeroCutoff: '17:60' }, 'inboxZeroCutoff must be a time of day HH:MM from 00:00 to 23:59'],
    [{ inboxZeroCutoff: '5pm' }, 'inboxZeroCutoff must be a time of day HH:MM from 00:00 to 23:59'],
    [{ inboxZeroDay: 'fredag' }, 'inboxZeroDay must be a day of the week (monday, tuesday, wednesday, thursday, friday, saturday, sunday)'],
    [{ inboxZeroMaxItems: -1 }, 'inboxZeroMaxItems must be a whole number from 0 to 10000 items'],
    [{ reviewEveryWeeks: 53 }, 'reviewEveryWeeks must be a whole number from 1 to 52 weeks'],
    [{ noReplyCategory: '  ' }, 'noReplyCategory must be a category name of 1 to 255 characters'],
    [{ countCcOnly: 'yes' }, 'countCcOnly must be true or false'],
    [{ workingHours: { startTime: '09:00', endTime: '09:00' } }, 'workingHours.endTime must differ from startTime (an end before the start means the shift runs past midnight)'],
    [{ workingHours: { daysOfWeek: [] } }, 'workingHours.daysOfWeek must name at least one day'],
    [{ windowHourz: 24 }, 'unknown setting: windowHourz'],
  ])('rejects %j naming the field and the allowed range', (input, message) => {
    expect(problems(input)).toEqual([message]);
  });

  it('reports every bad field at once', () => {
    expect(problems({ responseTargetPct: 500, windowHours: 500 })).toHaveLength(2);
  });

  it("accepts Graph's mailboxSettings.workingHours shape", () => {
    const settings = parseSettings({
      workingHours: {
        daysOfWeek: ['Monday', 'Tuesday'],
        startTime: '08:00:00.0000000',
        endTime: '16:30:00.0000000',
        timeZone: { name: 'W. Europe Standard Time' },
      },
    });
    expect(settings.workingHours).toEqual({ daysOfWeek: ['monday', 'tuesday'], startTime: '08:00', endTime: '16:30', timeZone: 'W. Europe Standard Time' });
  });
});

describe('time zone names', () => {
  it.each([
    ['Europe/Copenhagen', 'Europe/Copenhagen'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Romance Standard Time', 'Europe/Paris'],
    ['Eastern Standard Time', 'America/New_York'],
    ['UTC', 'Etc/UTC'],
    ['Mars/Olympus_Mons', null],
    ['', null],
  ])('%s → %s', (name, iana) => expect(resolveTimeZone(name)).toBe(iana));
});
