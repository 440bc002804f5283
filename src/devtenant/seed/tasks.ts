// The seed's Planner plans and To Do lists, and the groups the plans belong to. One plan and one list carry
// tasks due across the seeded weeks, each given an outcome first
// (on time, late, overdue, open, removed before it was due, someone else's, due on a paused day) and then a
// timeline that produces it. The expected weeks are counted from those outcomes; nothing here asks the
// engine. Removals and completions keep a day's distance from the due moment, so a daily sync sees them on
// the side of it they were made on.
import { DateTime } from 'luxon';
import type { Interval } from '../../kpi/message.ts';
import type { DevTaskEvent, DevTaskSeed, ExpectedTaskWeek, TaskContainer } from '../task-seed.ts';
import { isoWeekKey } from './ground-truth.ts';
import { Random } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Outcome = 'onTime' | 'late' | 'overdue' | 'open' | 'notVa' | 'paused' | 'deleted' | 'noDueDate';

export interface TaskSeedOptions {
  readonly seed: number;
  /** The pairing's zone (IANA): due days are its dates. */
  readonly zone: string;
  readonly firstMonday: DateTime;
  readonly weeks: number;
  readonly start: number;
  readonly end: number;
  readonly vaId: string;
  /** The owner: a member of the plans' groups, with To Do lists of their own. */
  readonly ownerId: string;
  /** Planner assignees that are not the VA. */
  readonly others: readonly string[];
  /** Who holds the To Do list, and that mailbox's zone (IANA), where a picked due date is midnight. */
  readonly listOwner: { readonly id: string; readonly zone: string };
  /** Leave and out-of-office, as Tandem will know them. */
  readonly pauses: readonly Interval[];
}

/** Whether one pause covers the whole local day that starts at `dayStart`. */
function wholeDayPaused(pauses: readonly Interval[], dayStart: number, dayEnd: number): boolean {
  return pauses.some((pause) => pause.start <= dayStart && pause.end >= dayEnd);
}

const emptyWeek = (week: string): ExpectedTaskWeek => ({ week, onTime: 0, late: 0, overdue: 0, open: 0, excluded: { noDueDate: 0, notVa: 0, paused: 0, deleted: 0 } });

/** A plan and a list with their timelines and expected weeks, deterministic in `options.seed`. */
export function designTasks(options: TaskSeedOptions): DevTaskSeed {
  const random = new Random(options.seed);
  const { zone, start, end } = options;
  const planId = `plan${random.chars(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
  const listId = `AAMkAD${random.chars(30, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}=`;
  const events: DevTaskEvent[] = [];
  const truth: Record<string, Map<string, ExpectedTaskWeek>> = {};
  const weekKeys = Array.from({ length: options.weeks }, (_, i) => isoWeekKey(options.firstMonday.plus({ weeks: i, hours: 12 }).toMillis(), zone));
  let counter = 0;

  for (const kind of ['planner', 'todo'] as const) {
    const source = kind === 'planner' ? `planner:${planId}` : `todo:${listId}`;
    const weeks = new Map(weekKeys.map((key) => [key, emptyWeek(key)]));
    truth[source] = weeks;
    const container: TaskContainer = kind === 'planner' ? { planId } : { listId };
    const count = (week: string, outcome: Outcome) => {
      const expected = weeks.get(week)!;
      const next = { ...expected, excluded: { ...expected.excluded } };
      if (outcome === 'onTime' || outcome === 'late' || outcome === 'overdue' || outcome === 'open') next[outcome]++;
      else next.excluded[outcome]++;
      weeks.set(week, next);
    };

    for (let day = options.firstMonday; day < options.firstMonday.plus({ weeks: options.weeks }); day = day.plus({ days: 1 })) {
      const dayStart = day.toMillis();
      const dueAt = day.plus({ days: 1 }).toMillis();
      const perDay = day.weekday >= 6 ? random.int(0, 1) : random.int(1, 3);
      for (let n = 0; n < perDay; n++) {
        const id = `${kind}-task-${String(++counter).padStart(4, '0')}`;
        const createdAt = Math.max(start, dayStart - random.int(2, 9) * DAY + random.int(0, 23) * HOUR);
        const week = isoWeekKey(dayStart + 12 * HOUR, zone);
        const paused = wholeDayPaused(options.pauses, dayStart, dueAt);
        // What the generator wants to happen; what may happen depends on where `end` (the evaluation) falls.
        const choices: Outcome[] = dueAt <= end ? ['onTime', 'onTime', 'onTime', 'late', 'overdue', 'deleted', 'noDueDate'] : ['open', 'open', 'onTime'];
        if (kind === 'planner') choices.push('notVa');
        let outcome = random.pick(choices);
        // A removal is seen by a daily sync before the due moment, and the task by one before its removal
        // (a task made and removed between two syncs is never known, so it is in no count).
        const deleteAt = dueAt - random.int(2 * 24, 3 * 24) * HOUR;
        if (outcome === 'deleted' && (deleteAt < createdAt + DAY || deleteAt <= start + HOUR)) outcome = 'overdue';
        const local = (hour: number, minute: number) => day.set({ hour, minute }).toMillis();
        const due = outcome === 'noDueDate' ? {} : kind === 'planner' ? { dueAt: local(random.pick([0, 8, 12, 17, 23]), random.pick([0, 30])) } : { dueDate: day.toISODate()! };
        const assignees = kind === 'planner' ? (outcome === 'notVa' ? [random.pick(options.others)] : random.chance(0.3) ? [options.vaId, random.pick(options.others)] : [options.vaId]) : undefined;
        events.push({ at: createdAt, kind: 'create', container, task: { id, title: `Task ${counter}`, ...due, ...(assignees ? { assignees } : {}) } });
        // A change the KPI ignores (only its etag moves); never after a removal.
        if (outcome !== 'deleted' && random.chance(0.2)) events.push({ at: createdAt + random.int(1, 20) * HOUR, kind: 'rename', taskId: id, title: `Task ${counter} (renamed)` });

        if (outcome === 'onTime') {
          // Anywhere from its creation to the due moment itself (≤ counts as on time), before the evaluation.
          const at = random.chance(0.1) ? dueAt : random.int(Math.max(createdAt + MINUTE, dayStart - DAY), dueAt - MINUTE);
          if (at < end) events.push({ at, kind: 'complete', taskId: id });
          else outcome = 'open';
        }
        if (outcome === 'late' && dueAt + HOUR > end) outcome = 'overdue';
        if (outcome === 'late') {
          const at = random.int(dueAt + MINUTE, Math.min(end - MINUTE, dueAt + 4 * DAY));
          // Some were ticked off on time, reopened, and finished late: only the last completion counts.
          if (random.chance(0.3)) events.push({ at: dueAt - HOUR, kind: 'complete', taskId: id }, { at: dueAt - 30 * MINUTE, kind: 'reopen', taskId: id });
          events.push({ at, kind: 'complete', taskId: id });
        }
        if (outcome === 'deleted') events.push({ at: deleteAt, kind: 'delete', taskId: id });
        // An overdue task removed later still counts as overdue.
        if (outcome === 'overdue' && dueAt + 2 * DAY < end && random.chance(0.25)) events.push({ at: random.int(dueAt + DAY, end - MINUTE), kind: 'delete', taskId: id });
        if (outcome === 'noDueDate') continue;
        // The spec's order: someone else's, then a paused day, then removed before it was due.
        count(week, outcome === 'notVa' ? 'notVa' : paused ? 'paused' : outcome);
      }
    }
  }
  events.sort((a, b) => a.at - b.at);
  const groupId = random.guid();
  // What else the set-up offers besides the plan and list with tasks: a plan only the owner's group holds, the
  // owner's own To Do list, and a security group (no plans) both are in. Their ids come from the ones above, so the
  // random stream, and with it every task of a seed, stays what it was before they existed.
  const ownerGroupId = `${groupId.slice(0, -4)}0b0a`;
  return {
    plans: [
      { id: planId, title: 'Assistant tasks', groupId },
      { id: `${planId.slice(0, -5)}Board`, title: 'Board meeting prep', groupId: ownerGroupId },
    ],
    lists: [
      { id: listId, userId: options.listOwner.id, displayName: 'For my assistant', timeZone: options.listOwner.zone },
      { id: `${listId.slice(0, -6)}Tasks=`, userId: options.ownerId, displayName: 'Tasks', timeZone: zone, wellknownListName: 'defaultList' },
    ],
    groups: [
      { id: groupId, displayName: 'Assistant tasks', unified: true, memberIds: [options.ownerId, options.vaId, ...options.others] },
      { id: ownerGroupId, displayName: 'Leadership', unified: true, memberIds: [options.ownerId] },
      { id: `${groupId.slice(0, -4)}5ec0`, displayName: 'All staff', unified: false, memberIds: [options.ownerId, options.vaId, ...options.others] },
    ],
    events,
    groundTruth: Object.fromEntries(Object.entries(truth).map(([source, weeks]) => [source, [...weeks.values()]])),
  };
}
