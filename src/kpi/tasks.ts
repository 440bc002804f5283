// The completion KPI (docs/kpi.md §11): the VA's tasks from a Planner plan or a To Do list, each due at the end
// of its local due day, judged on time, late, overdue or still open at `now`. Pure: tasks in, weeks out; the
// pauses are the response KPI's own (leave and observed automatic replies).
import { DateTime } from 'luxon';
import { mergeIntervals } from './intervals.ts';
import { addDays, localDateOf, localInstant, mondayOf, type LocalDate } from './local-calendar.ts';
import type { Interval } from './message.ts';
import { resolveTimeZone } from './time-zone.ts';
import { isoWeekOf, type Period } from './weeks.ts';

/**
 * When a task is due, as its source says it: Planner's `dueDateTime` is an instant; To Do's is a wall-clock
 * `dateTime` in the `timeZone` it carries (Graph's dateTimeTimeZone, an IANA or Windows name).
 */
export type TaskDue = { readonly at: number } | { readonly dateTime: string; readonly timeZone: string };

export interface TaskMeta {
  /** Stable id within the source (Planner task id, To Do task id). */
  readonly id: string;
  readonly title: string;
  readonly due: TaskDue | null;
  /** Planner: the VA is among `assignments`. To Do: always (the chosen list is the VA's work). */
  readonly assignedToVa: boolean;
  /** When it was completed, if it is completed now (a task reopened after completion has none). */
  readonly completedAt: number | null;
  /** When the source stopped listing it (deleted), if it did. */
  readonly deletedAt: number | null;
}

export type TaskStatus = 'onTime' | 'late' | 'overdue' | 'open';
export const TASK_EXCLUSIONS = ['noDueDate', 'notVa', 'paused', 'deleted'] as const;
export type TaskExclusion = (typeof TASK_EXCLUSIONS)[number];

export interface TaskInput {
  readonly tasks: readonly TaskMeta[];
  /** The pairing's time zone (IANA or Windows name): due days are its local dates. */
  readonly timeZone: string;
  readonly targetPct: number;
  readonly paused: readonly Interval[];
  readonly now: number;
  /** The local days whose due tasks are evaluated. */
  readonly period: Period;
}

/** One task as evaluated: its due day and either its status or why it does not count. */
export interface TaskRow {
  readonly id: string;
  readonly title: string;
  /** Null only for `noDueDate`. */
  readonly dueDay: LocalDate | null;
  /** The instant it is due: the local midnight that ends its due day. */
  readonly dueAt: number | null;
  readonly result: { readonly status: TaskStatus } | { readonly excluded: TaskExclusion };
}

export interface TaskWeek {
  /** ISO week key of the due days, e.g. "2026-W10". */
  readonly week: string;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly open: number;
  readonly excluded: Readonly<Record<TaskExclusion, number>>;
  /** onTime ÷ (onTime + late + overdue); null when nothing was due ("no tasks due"). */
  readonly rate: number | null;
  /** Decided in whole numbers (onTime × 100 ≥ target × due); null with the rate. */
  readonly met: boolean | null;
}

export interface TaskReport {
  /** Every ISO week of the period, in order, including weeks without tasks. */
  readonly weeks: readonly TaskWeek[];
  /** The period's tasks (and those without a due date), sorted by due moment, then id. */
  readonly rows: readonly TaskRow[];
}

function zoneOf(name: string): string {
  const zone = resolveTimeZone(name);
  if (zone === null) throw new RangeError(`Unknown time zone: ${name}`);
  return zone;
}

/** The instant a source's due date names. */
function dueInstant(due: TaskDue): number {
  if ('at' in due) return due.at;
  const instant = DateTime.fromISO(due.dateTime, { zone: zoneOf(due.timeZone) });
  if (!instant.isValid) throw new RangeError(`Not a date and time: ${due.dateTime}`);
  return instant.toMillis();
}

/** Whether one merged pause covers the whole of [start, end). */
function whollyPaused(pauses: readonly Interval[], start: number, end: number): boolean {
  return pauses.some((pause) => pause.start <= start && pause.end >= end);
}

function evaluateTask(task: TaskMeta, zone: string, pauses: readonly Interval[], now: number): TaskRow {
  const base = { id: task.id, title: task.title };
  if (task.due === null) return { ...base, dueDay: null, dueAt: null, result: { excluded: 'noDueDate' } };
  const dueDay = localDateOf(dueInstant(task.due), zone);
  const dayStart = localInstant(dueDay, '00:00', zone);
  const dueAt = localInstant(addDays(dueDay, 1), '00:00', zone);
  const row = (result: TaskRow['result']): TaskRow => ({ ...base, dueDay, dueAt, result });
  if (!task.assignedToVa) return row({ excluded: 'notVa' });
  if (whollyPaused(pauses, dayStart, dueAt)) return row({ excluded: 'paused' });
  // What happened after `now` is unknown at `now`, as with answers sent later.
  const deletedAt = task.deletedAt !== null && task.deletedAt <= now ? task.deletedAt : null;
  if (deletedAt !== null && deletedAt < dueAt) return row({ excluded: 'deleted' });
  const completedAt = task.completedAt !== null && task.completedAt <= now ? task.completedAt : null;
  if (completedAt !== null) return row({ status: completedAt <= dueAt ? 'onTime' : 'late' });
  return row({ status: now > dueAt ? 'overdue' : 'open' });
}

const noExclusions = (): Record<TaskExclusion, number> => ({ noDueDate: 0, notVa: 0, paused: 0, deleted: 0 });

/** The task KPI of every ISO week of the period, and each task's row. */
export function evaluateTasks(input: TaskInput): TaskReport {
  const zone = zoneOf(input.timeZone);
  const pauses = mergeIntervals(input.paused);
  const rows = input.tasks
    .map((task) => evaluateTask(task, zone, pauses, input.now))
    // Tasks without a due date belong to no period; they are listed so the surfaces can say why they are not counted.
    .filter((row) => row.dueDay === null || (row.dueDay >= input.period.from && row.dueDay <= input.period.to))
    .sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const weeks = new Map<string, { onTime: number; late: number; overdue: number; open: number; excluded: Record<TaskExclusion, number> }>();
  for (let monday = mondayOf(input.period.from); monday <= input.period.to; monday = addDays(monday, 7)) {
    weeks.set(isoWeekOf(monday), { onTime: 0, late: 0, overdue: 0, open: 0, excluded: noExclusions() });
  }
  for (const row of rows) {
    if (row.dueDay === null) continue;
    const week = weeks.get(isoWeekOf(row.dueDay))!;
    if ('status' in row.result) week[row.result.status]++;
    else week.excluded[row.result.excluded]++;
  }
  return {
    rows,
    weeks: [...weeks].map(([week, counts]) => {
      const due = counts.onTime + counts.late + counts.overdue;
      return { week, ...counts, rate: due === 0 ? null : counts.onTime / due, met: due === 0 ? null : counts.onTime * 100 >= input.targetPct * due };
    }),
  };
}
