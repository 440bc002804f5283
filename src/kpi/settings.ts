// A pairing's KPI settings: the spec's names, defaults and limits, validated with zod.
import { z } from 'zod';
import { resolveTimeZone } from './time-zone.ts';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const TARGET_PCT = { min: 1, max: 100 } as const;
export const WINDOW_HOURS = { min: 1, max: 168 } as const;
export const INBOX_ZERO_MAX_ITEMS = { min: 0, max: 10_000 } as const;
export const REVIEW_EVERY_WEEKS = { min: 1, max: 52 } as const;
const MAX_CATEGORY_LENGTH = 255;

const weekday = z
  .string()
  .transform((day) => day.trim().toLowerCase())
  .pipe(z.enum(WEEKDAYS, { error: `must be a day of the week (${WEEKDAYS.join(', ')})` }));

/** HH:MM, 24-hour. Graph's "08:00:00.0000000" is accepted and shortened, seconds must then be zero. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::00(?:\.0+)?)?$/;
const timeOfDay = z
  .string()
  .regex(TIME_OF_DAY, { error: 'must be a time of day HH:MM from 00:00 to 23:59' })
  .transform((time) => time.slice(0, 5));

const timeZone = z
  .string()
  .refine((name) => resolveTimeZone(name) !== null, { error: 'must be an IANA time zone (e.g. Europe/Copenhagen) or a Windows time zone name (e.g. W. Europe Standard Time)' });

/** Graph ids of Planner plans and To Do lists: URL-safe or standard base64 characters. */
const TASK_SOURCE = /^(?:none|planner:[A-Za-z0-9_=+/-]{1,200}|todo:[A-Za-z0-9_=+/-]{1,200})$/;
const taskSource = z.string().regex(TASK_SOURCE, { error: 'must be "none", "planner:<plan id>" or "todo:<list id>"' });

/** The task tool a taskSource names: a Planner plan or a To Do list. */
export type TaskSourceKind = 'planner' | 'todo';

/** A taskSource's tool and id; null for "none" and for anything that is not `planner:<id>` or `todo:<id>`. */
export function parseTaskSource(source: string): { readonly kind: TaskSourceKind; readonly id: string } | null {
  const match = /^(planner|todo):(.+)$/.exec(source);
  return match === null ? null : { kind: match[1] as TaskSourceKind, id: match[2]! };
}

function wholeNumber(range: { min: number; max: number }, unit = '') {
  const allowed = `must be a whole number from ${range.min} to ${range.max}${unit}`;
  return z.number({ error: allowed }).int({ error: allowed }).min(range.min, { error: allowed }).max(range.max, { error: allowed });
}

/** Graph's mailboxSettings.workingHours shape, with Tandem's defaults (Mon–Fri 09:00–17:00, pairing zone). */
export const workingHoursSchema = z
  .strictObject({
    daysOfWeek: z.array(weekday).min(1, { error: 'must name at least one day' }).default(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
    startTime: timeOfDay.default('09:00'),
    endTime: timeOfDay.default('17:00'),
    /** Graph's `{ name }` or a plain name; absent means the pairing's time zone. */
    timeZone: z
      .union([timeZone, z.strictObject({ name: timeZone }).transform((zone) => zone.name)])
      .optional(),
  })
  .refine((hours) => hours.startTime !== hours.endTime, {
    error: 'must differ from startTime (an end before the start means the shift runs past midnight)',
    path: ['endTime'],
  });

export const settingsSchema = z.strictObject({
  responseTargetPct: wholeNumber(TARGET_PCT, ' (percent)').default(90),
  windowHours: wholeNumber(WINDOW_HOURS, ' hours').default(24),
  clock: z.enum(['calendar', 'working'], { error: 'must be "calendar" or "working"' }).default('calendar'),
  timeZone: timeZone.default('UTC'),
  workingHours: workingHoursSchema.default({
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '09:00',
    endTime: '17:00',
  }),
  inboxZeroDay: weekday.default('friday'),
  inboxZeroCutoff: timeOfDay.default('17:00'),
  inboxZeroMaxItems: wholeNumber(INBOX_ZERO_MAX_ITEMS, ' items').default(0),
  countCcOnly: z.boolean({ error: 'must be true or false' }).default(false),
  excludeInternal: z.boolean({ error: 'must be true or false' }).default(false),
  excludeOtherFocused: z.boolean({ error: 'must be true or false' }).default(false),
  noReplyCategory: z
    .string()
    .trim()
    .min(1, { error: `must be a category name of 1 to ${MAX_CATEGORY_LENGTH} characters` })
    .max(MAX_CATEGORY_LENGTH, { error: `must be a category name of 1 to ${MAX_CATEGORY_LENGTH} characters` })
    .default('No reply needed'),
  scorecardDay: weekday.default('monday'),
  scorecardTime: timeOfDay.default('09:00'),
  reviewEveryWeeks: wholeNumber(REVIEW_EVERY_WEEKS, ' weeks').default(13),
  /** Where the task KPI reads tasks (docs/kpi.md §11); "none": no task KPI, and the surfaces show nothing about tasks. */
  taskSource: taskSource.default('none'),
  taskTargetPct: wholeNumber(TARGET_PCT, ' (percent)').default(90),
  /** Subjects of waiting and missed mail are hidden in chat cards and the summary mail (both people see the mailbox itself). */
  privacyMode: z.boolean({ error: 'must be true or false' }).default(false),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type WorkingHours = Settings['workingHours'];

/** Raised for invalid settings; each line names the field and what it allows. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid settings: ${problems.join('; ')}`);
    this.name = 'SettingsError';
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'settings';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? ` in ${field}` : '';
    return `unknown setting${issue.keys.length > 1 ? 's' : ''}${where}: ${issue.keys.join(', ')}`;
  }
  return `${field} ${issue.message}`;
}

/** Parses settings with defaults filled in; throws SettingsError naming every bad field. */
export function parseSettings(input: unknown): Settings {
  const result = settingsSchema.safeParse(input ?? {});
  if (!result.success) throw new SettingsError(result.error.issues.map(describeIssue));
  return result.data;
}

/** The defaults of every setting, as the spec lists them (time zone UTC until the mailbox's is known). */
export const DEFAULT_SETTINGS: Settings = parseSettings({});
