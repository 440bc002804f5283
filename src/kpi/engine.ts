// The KPI engine: message metadata, settings, pauses and snapshots in; weekly response KPIs and inbox-zero
// out, exactly as docs/kpi.md defines them. Pure: `now` is an argument, nothing is read or written.
import { buildAnswerIndex } from './answers.ts';
import { buildClassifier, EXCLUSION_REASONS, KIND, type ExclusionReason } from './classify.ts';
import { buildClock } from './clock.ts';
import { inboxZeroStreak, inboxZeroWeek, sortSnapshots, type InboxZeroWeek } from './inbox-zero.ts';
import { lastAtOrBefore } from './intervals.ts';
import { addDays, buildWeekGrid, localDateOf, localInstant, type LocalDate } from './local-calendar.ts';
import type { InboxSnapshot, Interval, MessageMeta, PairingPeople } from './message.ts';
import { minutesLeft } from './minutes-left.ts';
import { nearestRank } from './percentile.ts';
import type { Settings } from './settings.ts';
import { resolveTimeZone } from './time-zone.ts';

const MINUTE_MS = 60_000;
/** How many of the oldest missed and pending messages each week lists. */
export const OLDEST_WAITING_LIMIT = 5;

export interface KpiInput {
  readonly messages: readonly MessageMeta[];
  readonly people: PairingPeople;
  readonly settings: Settings;
  /** VA leave and observed out-of-office intervals; may overlap. */
  readonly paused?: readonly Interval[];
  /** Ids of messages the owner or VA marked "no reply needed" in Tandem. */
  readonly marks?: ReadonlySet<string>;
  /** Inbox snapshots; undefined when the source cannot observe the Inbox (file imports). */
  readonly snapshots?: readonly InboxSnapshot[];
  /** The evaluation instant, epoch ms. */
  readonly now: number;
  /** Local dates (pairing time zone) whose received mail is reported, by ISO week. */
  readonly period: { readonly from: LocalDate; readonly to: LocalDate };
}

export type MessageStatus = 'onTime' | 'late' | 'missed' | 'pending';

export interface WaitingMessage {
  readonly id: string;
  readonly from: string | null;
  readonly subject: string;
  readonly receivedAt: number;
  readonly status: 'missed' | 'pending';
  /** Clock time left in the window for a pending message; null for a missed one. */
  readonly remainingMinutes: number | null;
}

export interface WeekKpi {
  /** ISO week key, e.g. "2026-W47". */
  readonly week: string;
  /** Monday and Sunday of the week, local dates. */
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly counted: number;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  readonly pending: number;
  /** onTime / counted; null when nothing counted ("no mail"). */
  readonly rate: number | null;
  readonly met: boolean | null;
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
  readonly excluded: Record<ExclusionReason, number>;
  readonly answeredBy: { readonly va: number; readonly owner: number; readonly other: number };
  /** Oldest missed and pending messages first, at most OLDEST_WAITING_LIMIT. */
  readonly oldestWaiting: readonly WaitingMessage[];
  readonly inboxZero: InboxZeroWeek | null;
}

export interface KpiReport {
  readonly weeks: readonly WeekKpi[];
  /** Current inbox-zero streak in weeks; null when there are no snapshots to judge. */
  readonly inboxZeroStreak: number | null;
}

/** Per-message status codes in `Evaluation.status`. */
export const STATUS = { NONE: 0, ON_TIME: 1, LATE: 2, MISSED: 3, PENDING: 4 } as const;

/** Per-message results in columns (a million messages stay a few typed arrays). */
export interface Evaluation {
  /** classify.ts KIND of each message. */
  readonly kind: Uint8Array;
  /** Index into the period's weeks, -1 when the message is outside the period or not yet received. */
  readonly week: Int32Array;
  readonly status: Uint8Array;
  /** Index of the answering message, -1 when unanswered or not inbound. */
  readonly answer: Int32Array;
  /** Response time on the pairing's clock (answered) or clock time waited so far (unanswered), ms. */
  readonly clockMs: Float64Array;
}

function zoneOf(settings: Settings): string {
  return resolveTimeZone(settings.timeZone)!;
}

/** The local dates from the first message's day to the latest message's day (or today, if earlier). */
export function defaultPeriod(messages: readonly MessageMeta[], now: number, timeZone: string): { from: LocalDate; to: LocalDate } {
  const zone = resolveTimeZone(timeZone)!;
  let first = Infinity;
  let last = -Infinity;
  for (const message of messages) {
    if (message.receivedAt > now) continue;
    first = Math.min(first, message.receivedAt);
    last = Math.max(last, message.receivedAt);
  }
  if (first === Infinity) return { from: localDateOf(now, zone), to: localDateOf(now, zone) };
  return { from: localDateOf(first, zone), to: localDateOf(last, zone) };
}

function clockSpan(input: KpiInput, kind: Uint8Array, week: Int32Array) {
  let start = Infinity;
  let end = -Infinity;
  input.messages.forEach((message, i) => {
    if (week[i]! >= 0 && kind[i] === KIND.COUNTED) start = Math.min(start, message.receivedAt);
    if (kind[i] === KIND.OUTBOUND && message.sentAt <= input.now) end = Math.max(end, message.sentAt);
    end = Math.max(end, Math.min(message.receivedAt, input.now));
  });
  for (const pause of input.paused ?? []) end = Math.max(end, pause.end);
  if (start === Infinity) start = input.now;
  return { start, end: Math.min(input.now, Math.max(end, start)) };
}

/** Classifies every message and finds its week, answer, clock time and status at `now`. */
export function evaluate(input: KpiInput): Evaluation {
  const { messages, settings, now } = input;
  const zone = zoneOf(settings);
  const grid = buildWeekGrid(input.period.from, input.period.to, zone);
  const periodStart = localInstant(input.period.from, '00:00', zone);
  const periodEnd = localInstant(addDays(input.period.to, 1), '00:00', zone);
  const classifier = buildClassifier(input.people, settings, input.marks ?? new Set());

  const count = messages.length;
  const kind = new Uint8Array(count);
  const week = new Int32Array(count).fill(-1);
  messages.forEach((message, i) => {
    kind[i] = classifier.kind(message);
    const received = message.receivedAt;
    if (kind[i]! >= KIND.COUNTED && received <= now && received >= periodStart && received < periodEnd) {
      week[i] = lastAtOrBefore(grid.bounds, received);
    }
  });

  const answers = buildAnswerIndex(messages, (i) => kind[i] === KIND.OUTBOUND, now);
  const clock = buildClock(settings, input.paused ?? [], clockSpan(input, kind, week));
  const windowMs = settings.windowHours * 3_600_000;
  const status = new Uint8Array(count);
  const answer = new Int32Array(count).fill(-1);
  const clockMs = new Float64Array(count);
  messages.forEach((message, i) => {
    if (week[i]! < 0 || kind[i] !== KIND.COUNTED) return;
    const a = answers.answerFor(message.conversationId, message.receivedAt);
    answer[i] = a;
    if (a >= 0) {
      clockMs[i] = clock.elapsed(message.receivedAt, messages[a]!.sentAt);
      status[i] = clockMs[i]! <= windowMs ? STATUS.ON_TIME : STATUS.LATE;
    } else {
      clockMs[i] = clock.elapsed(message.receivedAt, now);
      status[i] = clockMs[i]! > windowMs ? STATUS.MISSED : STATUS.PENDING;
    }
  });
  return { kind, week, status, answer, clockMs };
}

export type AnsweredBy = 'va' | 'owner' | 'other';

/** The answer's author by the spec: VA when `sender` is the VA, owner when sender (else from) is the owner. */
export function answeredBy(answer: MessageMeta, people: PairingPeople): AnsweredBy {
  if (answer.sender !== null && people.va.includes(answer.sender)) return 'va';
  const author = answer.sender ?? answer.from;
  return author !== null && people.owner.includes(author) ? 'owner' : 'other';
}

function toMinutes(ms: number): number {
  return Math.round(ms / (MINUTE_MS / 100)) / 100;
}

interface WeekTally {
  onTime: number;
  late: number;
  missed: number;
  pending: number;
  responses: number[];
  excluded: Record<ExclusionReason, number>;
  answeredBy: { va: number; owner: number; other: number };
  waiting: number[];
}

function emptyTally(): WeekTally {
  return {
    onTime: 0,
    late: 0,
    missed: 0,
    pending: 0,
    responses: [],
    excluded: Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, 0])) as Record<ExclusionReason, number>,
    answeredBy: { va: 0, owner: 0, other: 0 },
    waiting: [],
  };
}

/** Keeps the OLDEST_WAITING_LIMIT oldest indices, oldest first (ties by id, so input order never shows). */
function keepOldest(waiting: number[], index: number, messages: readonly MessageMeta[]): void {
  const older = (a: number, b: number) => messages[a]!.receivedAt - messages[b]!.receivedAt || (messages[a]!.id < messages[b]!.id ? -1 : 1);
  if (waiting.length === OLDEST_WAITING_LIMIT && older(index, waiting[waiting.length - 1]!) > 0) return;
  let at = waiting.length;
  while (at > 0 && older(index, waiting[at - 1]!) < 0) at--;
  waiting.splice(at, 0, index);
  if (waiting.length > OLDEST_WAITING_LIMIT) waiting.pop();
}

function tally(input: KpiInput, evaluation: Evaluation, weeks: number): WeekTally[] {
  const tallies = Array.from({ length: weeks }, emptyTally);
  const { messages, people } = input;
  for (let i = 0; i < messages.length; i++) {
    const w = evaluation.week[i]!;
    if (w < 0) continue;
    const t = tallies[w]!;
    const kind = evaluation.kind[i]!;
    if (kind >= KIND.EXCLUDED_BASE) {
      t.excluded[EXCLUSION_REASONS[kind - KIND.EXCLUDED_BASE]!]++;
      continue;
    }
    switch (evaluation.status[i]) {
      case STATUS.ON_TIME:
      case STATUS.LATE:
        if (evaluation.status[i] === STATUS.ON_TIME) t.onTime++;
        else t.late++;
        t.responses.push(evaluation.clockMs[i]!);
        t.answeredBy[answeredBy(messages[evaluation.answer[i]!]!, people)]++;
        break;
      case STATUS.MISSED:
        t.missed++;
        keepOldest(t.waiting, i, messages);
        break;
      case STATUS.PENDING:
        t.pending++;
        keepOldest(t.waiting, i, messages);
        break;
    }
  }
  return tallies;
}

function waitingMessage(input: KpiInput, evaluation: Evaluation, i: number): WaitingMessage {
  const message = input.messages[i]!;
  const missed = evaluation.status[i] === STATUS.MISSED;
  return {
    id: message.id,
    from: message.from,
    subject: message.subject,
    receivedAt: message.receivedAt,
    status: missed ? 'missed' : 'pending',
    remainingMinutes: missed ? null : minutesLeft(evaluation.clockMs[i]!, input.settings),
  };
}

/** Turns per-message results into the weekly report. */
export function summarize(input: KpiInput, evaluation: Evaluation): KpiReport {
  const { settings, now } = input;
  const zone = zoneOf(settings);
  const grid = buildWeekGrid(input.period.from, input.period.to, zone);
  const snapshots = input.snapshots === undefined ? undefined : sortSnapshots(input.snapshots);
  const tallies = tally(input, evaluation, grid.keys.length);

  const weeks = tallies.map((t, w): WeekKpi => {
    const counted = t.onTime + t.late + t.missed;
    const responses = Float64Array.from(t.responses).sort();
    const median = nearestRank(responses, 50);
    const p90 = nearestRank(responses, 90);
    return {
      week: grid.keys[w]!,
      start: grid.mondays[w]!,
      end: addDays(grid.mondays[w]!, 6),
      counted,
      onTime: t.onTime,
      late: t.late,
      missed: t.missed,
      pending: t.pending,
      rate: counted === 0 ? null : t.onTime / counted,
      // Exact integer comparison, never a rounded float (spec: onTime × 100 ≥ target × counted).
      met: counted === 0 ? null : t.onTime * 100 >= settings.responseTargetPct * counted,
      medianMinutes: median === null ? null : toMinutes(median),
      p90Minutes: p90 === null ? null : toMinutes(p90),
      excluded: t.excluded,
      answeredBy: t.answeredBy,
      oldestWaiting: t.waiting.map((i) => waitingMessage(input, evaluation, i)),
      inboxZero: snapshots === undefined ? null : inboxZeroWeek(grid.mondays[w]!, settings, zone, snapshots, now),
    };
  });
  return { weeks, inboxZeroStreak: snapshots === undefined ? null : inboxZeroStreak(settings, zone, snapshots, now) };
}

/** The weekly KPIs of a pairing at `now`. Every KPI Tandem shows comes from here. */
export function computeKpi(input: KpiInput): KpiReport {
  return summarize(input, evaluate(input));
}
