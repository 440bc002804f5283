// The seeded dev tenant: `generateTenantSeed(seed)` builds, deterministically, a tenant with an owner, a VA
// and colleagues, nine weeks (by default) of the owner's mailbox across a DST change, the VA's leave and
// out-of-office, and the ground truth the KPI engine must reproduce from what a sync would see.
import { DateTime } from 'luxon';
import type { Interval } from '../../kpi/message.ts';
import type { SettingsInput } from '../../kpi/settings.ts';
import type { DevFolderSeed, DevMailboxSeed, TenantSeed, TimelineEvent } from '../tenant-seed.ts';
import { addressOf, castOf, TENANT_DOMAIN } from './cast.ts';
import { customerThread } from './customer-threads.ts';
import { fridayClearOuts } from './friday-clear-out.ts';
import { expectedWeeks, type DesignedOutcome } from './ground-truth.ts';
import { MailFactory } from './mail-factory.ts';
import { ccOnlyMail, internalMail, junkMail, meetingMessage, newsletter, noReplyMail } from './other-mail.ts';
import { Random } from './random.ts';
import { designTasks } from './tasks.ts';
import { FOLDER, minutes, type Story } from './story.ts';
import { WorkingCalendar } from './working-time.ts';

export interface TenantSeedOptions {
  /** ISO weeks of mail, 4–26 (default 9). */
  readonly weeks?: number;
  /** The first Monday, a local date (default 2026-10-05: the default weeks cross the end of DST on 2026-10-25). */
  readonly start?: string;
  /** The pairing's response window in working hours, 1–168 (default 8: one working day). */
  readonly windowHours?: number;
}

const DEFAULT_WEEKS = 9;
const DEFAULT_START = '2026-10-05';
const DEFAULT_WINDOW_HOURS = 8;
/** The owner's zone as Exchange names it, and the IANA zone the generator computes in. */
export const OWNER_TIME_ZONE = { windows: 'W. Europe Standard Time', iana: 'Europe/Berlin' } as const;
const VA_TIME_ZONE = 'GMT Standard Time';
/** The VA's zone as the generator computes in: the To Do list lives in her account. */
const VA_IANA_ZONE = 'Europe/London';
const WORKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const WORK_START_MINUTE = 9 * 60;
const WORK_END_MINUTE = 17 * 60;
/** The timeline ends on the last week's Friday at this local hour, with mail still pending. */
const END_HOUR = 15;
const NO_REPLY_CATEGORY = 'No reply needed';
/** How far past the end the working calendar reaches, so late replies can be placed (and found too late). */
const CALENDAR_SPARE_DAYS = 60;

/** The owner's own folders; every mailbox has Exchange's well-known folders besides (the dev Graph adds them). */
const OWNER_FOLDERS: readonly DevFolderSeed[] = [
  { key: FOLDER.clients, displayName: 'Clients', parentKey: 'inbox' },
  { key: FOLDER.newsletters, displayName: 'Newsletters', parentKey: 'inbox' },
  { key: FOLDER.receipts, displayName: 'Receipts' },
];

/** A generated tenant with the per-message outcomes its ground truth was summed from (for diagnostics). */
export interface DesignedTenant {
  readonly seed: TenantSeed;
  readonly outcomes: readonly DesignedOutcome[];
}

function firstMonday(start: string, zone: string): DateTime {
  const monday = DateTime.fromISO(start, { zone });
  if (!monday.isValid || monday.weekday !== 1) throw new RangeError(`start must be a Monday (YYYY-MM-DD), got ${start}`);
  return monday.startOf('day');
}

/** A time of day for mail from people: mostly office hours, some evenings, a few early mornings. */
function personMinute(random: Random, weekend: boolean): number {
  if (weekend) return random.int(9 * 60, 21 * 60);
  const roll = random.next();
  if (roll < 0.7) return random.int(8 * 60, 18 * 60 - 1);
  if (roll < 0.9) return random.int(18 * 60, 23 * 60 - 1);
  return random.int(6 * 60, 8 * 60 - 1);
}

/** The VA's leave (a whole week, entered in Tandem) and out-of-office (1–2 days, from her mailbox) in two other weeks. */
function absences(random: Random, monday: DateTime, weeks: number): { leave: Interval; outOfOffice: Interval } {
  const candidates = Array.from({ length: weeks - 2 }, (_, i) => i + 1);
  const [leaveWeek, oooWeek] = random.sample(candidates, 2) as [number, number];
  const leaveStart = monday.plus({ weeks: leaveWeek });
  const oooDay = monday.plus({ weeks: oooWeek, days: random.int(0, 2) });
  const oooStart = oooDay.set({ hour: random.pick([12, 13, 14]) });
  const oooEnd = oooDay.plus({ days: random.int(1, 2) }).set({ hour: random.pick([12, 17]) });
  return {
    leave: { start: leaveStart.toMillis(), end: leaveStart.plus({ weeks: 1 }).toMillis() },
    outOfOffice: { start: oooStart.toMillis(), end: oooEnd.toMillis() },
  };
}

function mailbox(userId: string, timeZone: string, folders: readonly DevFolderSeed[]): DevMailboxSeed {
  return {
    userId,
    timeZone,
    workingHours: { daysOfWeek: WORKDAYS, startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: timeZone } },
    automaticReplies: { status: 'disabled' },
    folders,
  };
}

/** One local day's mail: a few customer conversations and the usual noise around them. */
function day(story: Story, date: DateTime, isLast: boolean): void {
  const { random } = story;
  const weekend = date.weekday >= 6;
  const at = (minute: number) => date.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
  const beforeEnd = (instant: number) => instant < story.end - minutes(5);
  const times = (count: number, pickMinute: () => number) => Array.from({ length: count }, () => at(pickMinute())).filter(beforeEnd);
  const person = () => personMinute(random, weekend);

  for (const t of times(weekend ? (random.chance(0.5) ? 1 : 0) : random.int(3, 6), person)) customerThread(story, t);
  for (const t of times(weekend ? random.int(0, 1) : random.int(1, 3), () => random.int(5 * 60, 11 * 60))) newsletter(story, t);
  for (const t of times(random.int(0, 2), () => random.int(0, 24 * 60 - 1))) noReplyMail(story, t);
  for (const t of times(random.int(0, 2), () => random.int(0, 24 * 60 - 1))) junkMail(story, t);
  if (weekend) return;
  for (const t of times(random.int(0, 3), () => random.int(8 * 60, 18 * 60))) internalMail(story, t);
  for (const t of times(random.chance(0.4) ? 1 : 0, () => random.int(8 * 60, 18 * 60))) meetingMessage(story, t);
  for (const t of times(random.int(0, 2), person)) ccOnlyMail(story, t);
  if (!isLast) return;
  // On the last day some mail is certainly still waiting, inside its window, when the timeline ends, and one
  // message is answered at the very end (a reply at the evaluation instant answers).
  for (const t of times(2, () => random.int(WORK_START_MINUTE, END_HOUR * 60 - 30))) customerThread(story, t, { unanswered: true });
  for (const t of times(1, () => random.int(WORK_START_MINUTE, END_HOUR * 60 - 30))) customerThread(story, t, { answeredAtEnd: true });
}

/**
 * Mail received exactly on the instants where an off-by-one would show: the first instant of a week (local
 * midnight, also across the DST change), the start and end of the working day, and the edges of the pauses.
 */
function boundaryMail(story: Story, monday: DateTime, weeks: number, pauses: readonly Interval[]): void {
  const { random } = story;
  const instants: number[] = [...pauses.flatMap((pause) => [pause.start, pause.end])];
  for (let week = 1; week < weeks; week++) {
    const weekStart = monday.plus({ weeks: week });
    const weekday = weekStart.plus({ days: random.int(0, 4) });
    instants.push(weekStart.toMillis(), weekday.set({ hour: 9 }).toMillis(), weekday.set({ hour: 17 }).toMillis());
  }
  for (const instant of instants) if (instant < story.end - minutes(5) && random.chance(0.7)) customerThread(story, instant);
}

function automaticRepliesEvents(random: Random, vaUserId: string, outOfOffice: Interval, start: number, end: number): TimelineEvent[] {
  const setAt = Math.max(start, outOfOffice.start - minutes(random.int(24 * 60, 3 * 24 * 60)));
  const clearAt = Math.min(end - minutes(1), outOfOffice.end + minutes(random.int(60, 24 * 60)));
  return [
    { at: setAt, kind: 'automaticReplies', mailbox: vaUserId, setting: { status: 'scheduled', scheduledStart: outOfOffice.start, scheduledEnd: outOfOffice.end } },
    { at: clearAt, kind: 'automaticReplies', mailbox: vaUserId, setting: { status: 'disabled' } },
  ];
}

/** The tenant and the outcome designed for every inbound message of the owner's mailbox. */
export function designTenant(seed: number, options: TenantSeedOptions = {}): DesignedTenant {
  const weeks = options.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 4 || weeks > 26) throw new RangeError(`weeks must be a whole number from 4 to 26, got ${weeks}`);
  const windowHours = options.windowHours ?? DEFAULT_WINDOW_HOURS;
  if (!Number.isInteger(windowHours) || windowHours < 1 || windowHours > 168) throw new RangeError(`windowHours must be a whole number from 1 to 168, got ${windowHours}`);
  const zone = OWNER_TIME_ZONE.iana;
  const random = new Random(seed);
  const cast = castOf(random);
  const monday = firstMonday(options.start ?? DEFAULT_START, zone);
  const lastDay = monday.plus({ weeks: weeks - 1, days: 4 });
  const start = monday.toMillis();
  const end = lastDay.set({ hour: END_HOUR }).toMillis();
  const { leave, outOfOffice } = absences(random, monday, weeks);

  const story: Story = {
    random,
    mail: new MailFactory(random),
    calendar: new WorkingCalendar({
      zone,
      weekdays: [1, 2, 3, 4, 5],
      startMinute: WORK_START_MINUTE,
      endMinute: WORK_END_MINUTE,
      paused: [leave, outOfOffice],
      from: start,
      to: end + CALENDAR_SPARE_DAYS * 86_400_000,
    }),
    cast,
    owner: addressOf(cast.owner),
    va: addressOf(cast.va),
    mailbox: cast.owner.id,
    zone,
    start,
    end,
    windowMs: windowHours * 3_600_000,
    leave,
    noReplyCategory: NO_REPLY_CATEGORY,
    events: [],
    outcomes: [],
  };
  for (let date = monday; date <= lastDay; date = date.plus({ days: 1 })) day(story, date, date.hasSame(lastDay, 'day'));
  boundaryMail(story, monday, weeks, [leave, outOfOffice]);
  fridayClearOuts(story, Array.from({ length: weeks }, (_, i) => monday.plus({ weeks: i, days: 4 })));
  const events = [...story.events, ...automaticRepliesEvents(random, cast.va.id, outOfOffice, start, end)];
  // Stable: events at the same instant keep the order they were made in.
  events.sort((a, b) => a.at - b.at);

  const settings: SettingsInput = {
    responseTargetPct: 90,
    windowHours,
    clock: 'working',
    timeZone: OWNER_TIME_ZONE.windows,
    workingHours: { daysOfWeek: [...WORKDAYS], startTime: '09:00', endTime: '17:00', timeZone: { name: OWNER_TIME_ZONE.windows } },
    excludeInternal: true,
    noReplyCategory: NO_REPLY_CATEGORY,
  };
  const tenantSeed: TenantSeed = {
    tenantId: random.guid(),
    verifiedDomains: [TENANT_DOMAIN],
    users: [cast.owner, cast.va, ...cast.colleagues],
    mailboxes: [mailbox(cast.owner.id, OWNER_TIME_ZONE.windows, OWNER_FOLDERS), mailbox(cast.va.id, VA_TIME_ZONE, [])],
    events,
    start,
    end,
    tasks: designTasks({
      // Its own stream, so the mail of a seed stays what it was before tasks existed.
      seed: seed * 7_919 + 17,
      zone,
      firstMonday: monday,
      weeks,
      start,
      end,
      vaId: cast.va.id,
      ownerId: cast.owner.id,
      others: cast.colleagues.map((colleague) => colleague.id),
      listOwner: { id: cast.va.id, zone: VA_IANA_ZONE },
      pauses: [leave, outOfOffice],
    }),
    groundTruth: {
      pairing: { ownerUserId: cast.owner.id, vaUserId: cast.va.id, mailboxUserId: cast.owner.id, settings, leave: [leave] },
      outOfOffice: [outOfOffice],
      evaluatedAt: end,
      weeks: expectedWeeks(story.outcomes, zone, start, weeks),
    },
  };
  return { seed: tenantSeed, outcomes: story.outcomes };
}

/** A deterministic seeded tenant: the same `seed` and options always give the same JSON. */
export function generateTenantSeed(seed: number, options: TenantSeedOptions = {}): TenantSeed {
  return designTenant(seed, options).seed;
}
