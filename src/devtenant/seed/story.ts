// The shared state and the small moves of the seeded mailbox's story: delivering, filing (archive, custom
// folders, Deleted Items, hard deletes), categorizing, and placing a reply so that its working-time response
// duration is known exactly, away from the window's edge. Every designed outcome is recorded here.
import { DateTime } from 'luxon';
import type { Interval } from '../../kpi/message.ts';
import type { DevAddress, DevMessage, TimelineEvent } from '../tenant-seed.ts';
import type { Cast } from './cast.ts';
import type { DesignedOutcome } from './ground-truth.ts';
import type { MailFactory } from './mail-factory.ts';
import type { Random } from './random.ts';
import type { WorkingCalendar } from './working-time.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Designed durations keep at least this far from the window, so no rounding or off-by-one decides a status. */
const WINDOW_MARGIN_MS = 10 * MINUTE_MS;
/** A hard delete comes at least this long after delivery, so a daily sync has seen the message first. */
const HARD_DELETE_AFTER_MS = 48 * HOUR_MS;

export const FOLDER = {
  inbox: 'inbox',
  sent: 'sentitems',
  archive: 'archive',
  deleted: 'deleteditems',
  junk: 'junkemail',
  clients: 'clients',
  newsletters: 'newsletters',
  receipts: 'receipts',
} as const;

export interface Story {
  readonly random: Random;
  readonly mail: MailFactory;
  readonly calendar: WorkingCalendar;
  readonly cast: Cast;
  readonly owner: DevAddress;
  readonly va: DevAddress;
  /** The owner's user id: events address the mailbox by it. */
  readonly mailbox: string;
  readonly zone: string;
  readonly start: number;
  /** The evaluation instant; nothing happens after it. */
  readonly end: number;
  readonly windowMs: number;
  readonly leave: Interval;
  readonly noReplyCategory: string;
  readonly events: TimelineEvent[];
  readonly outcomes: DesignedOutcome[];
}

/** Who sent an answer: the VA as delegate, the owner, or another delegate (a colleague). */
export type Author = 'va' | 'owner' | 'other';

export interface ReplyPlan {
  readonly at: number;
  readonly author: Author;
}

export function minutes(count: number): number {
  return count * MINUTE_MS;
}

export function deliver(story: Story, message: DevMessage): DevMessage {
  const at = message.folder === FOLDER.sent ? message.sentDateTime : message.receivedDateTime;
  story.events.push({ at, kind: 'deliver', mailbox: story.mailbox, message });
  return message;
}

function fits(story: Story, at: number): boolean {
  return at < story.end;
}

export function move(story: Story, message: DevMessage, at: number, folder: string): boolean {
  if (!fits(story, at)) return false;
  story.events.push({ at, kind: 'move', mailbox: story.mailbox, messageId: message.id, folder });
  return true;
}

export function categorize(story: Story, message: DevMessage, at: number, categories: readonly string[]): boolean {
  if (!fits(story, at)) return false;
  story.events.push({ at, kind: 'categorize', mailbox: story.mailbox, messageId: message.id, categories });
  return true;
}

/** A permanent delete, never sooner than HARD_DELETE_AFTER_MS after delivery nor before `notBefore`. */
export function hardDelete(story: Story, message: DevMessage, notBefore: number): void {
  const at = Math.max(message.receivedDateTime + HARD_DELETE_AFTER_MS, notBefore) + minutes(story.random.int(1, 36 * 60));
  if (fits(story, at)) story.events.push({ at, kind: 'delete', mailbox: story.mailbox, messageId: message.id });
}

/**
 * What happens to a message once it has been dealt with at `handled`: left in the Inbox, filed (Archive or a
 * custom folder), or thrown away (Deleted Items, sometimes purged later).
 */
export function file(story: Story, message: DevMessage, handled: number, customFolder: string): void {
  const { random } = story;
  const at = handled + minutes(random.int(5, 18 * 60));
  const roll = random.next();
  if (roll < 0.35) move(story, message, at, FOLDER.archive);
  else if (roll < 0.5) move(story, message, at, customFolder);
  else if (roll < 0.62 && move(story, message, at, FOLDER.deleted) && random.chance(0.5)) hardDelete(story, message, at);
}

/** The instant of a local wall-clock time on the same local date as `instant`. */
export function sameDayAt(story: Story, instant: number, hour: number, minute: number): number {
  return DateTime.fromMillis(instant, { zone: story.zone }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

function nearWindow(story: Story, ms: number): boolean {
  return Math.abs(ms - story.windowMs) <= WINDOW_MARGIN_MS;
}

/** The status an unanswered message has at the end, or null when it would sit too near the window's edge. */
export function waitingStatus(story: Story, receivedAt: number): { status: 'missed' | 'pending'; minutes: number } | null {
  const waited = story.calendar.between(receivedAt, story.end);
  if (nearWindow(story, waited)) return null;
  return { status: waited > story.windowMs ? 'missed' : 'pending', minutes: waited / MINUTE_MS };
}

function acceptable(story: Story, received: readonly number[], at: number): boolean {
  return at > received[received.length - 1]! && at <= story.end && received.every((r) => !nearWindow(story, story.calendar.between(r, at)));
}

/**
 * Places a reply `workingMinutes` of counted time after the last of `received` (moving it later in steps while
 * an earlier message of the group would land near the window's edge). Null when it would come after the end
 * (a reply at the end itself is known at the evaluation instant and answers).
 */
export function replyAfter(story: Story, received: readonly number[], workingMinutes: number, author: Author): ReplyPlan | null {
  const last = received[received.length - 1]!;
  for (let step = 0; step < 40; step++) {
    const at = story.calendar.advance(last, minutes(workingMinutes + step * 25));
    if (!(at <= story.end)) return null;
    if (acceptable(story, received, at)) return { at, author };
  }
  return null;
}

/** A reply at a chosen wall-clock instant (the owner answering in the evening or during the VA's leave). */
export function replyAt(story: Story, received: readonly number[], at: number, author: Author): ReplyPlan | null {
  return acceptable(story, received, at) ? { at, author } : null;
}

/** Records the outcome of each inbound message of a group answered by `plan`. */
export function recordAnswered(story: Story, inbound: readonly DevMessage[], plan: ReplyPlan): void {
  for (const message of inbound) {
    const ms = story.calendar.between(message.receivedDateTime, plan.at);
    story.outcomes.push({
      messageId: message.id,
      receivedAt: message.receivedDateTime,
      status: ms <= story.windowMs ? 'onTime' : 'late',
      minutes: ms / MINUTE_MS,
      answeredAt: plan.at,
      answeredBy: plan.author,
    });
  }
}

export function recordExcluded(story: Story, message: DevMessage, reason: Extract<DesignedOutcome, { status: 'excluded' }>['reason']): void {
  story.outcomes.push({ messageId: message.id, receivedAt: message.receivedDateTime, status: 'excluded', reason });
}

export function recordWaiting(story: Story, message: DevMessage, waiting: { status: 'missed' | 'pending'; minutes: number }): void {
  story.outcomes.push({ messageId: message.id, receivedAt: message.receivedDateTime, ...waiting });
}
