// A VA's Planner tasks around the week of Monday 16 November 2026 (2026-W47) in Europe/Copenhagen (UTC+1), for
// the scorecard and summary fixtures: the engine judges them, the tests state by hand what it must find.
// A task due on day D is due at the local midnight ending D, i.e. D 23:00 UTC.
//
//   task  due day (local)  completed (UTC)     at MIDWEEK (Fri 20 Nov 12:00 local)  after the week (Mon 23 Nov)
//   a     Mon 16           Mon 16 15:00        on time                              on time
//   b     Tue 17           Tue 17 22:30        on time (23:30 local)                on time
//   c     Tue 17           Tue 17 23:10        late (00:10 local Wednesday)         late
//   d     Wed 18           never               overdue                              overdue
//   e     Thu 19           Thu 19 09:00        on time                              on time
//   f     Fri 20           Fri 20 09:00        on time                              on time
//   g     Fri 20           never               open (due at 23:00 UTC)              overdue
//   h     Sun 22           Sat 21 10:00        open (done after MIDWEEK)            on time
//   i     Sat 21           Sun 22 08:00        open                                 late
//   j     Mon 16 00:30     Mon 16 22:59        on time (23:59 local)                on time
//   k     Sun 15 23:30     -                   the week before: not in W47
//   l     Wed 18           -                   not the VA's (excluded)
//   m     no due date      -                   excluded
//   n     Thu 19           deleted Wed 18      deleted before due (excluded)
//   o     Thu 26           -                   the week after: not in W47
//
// So at MIDWEEK: 5 on time, 1 late, 1 overdue, 3 open, rate 5/7 = 71.4%; after the week: 6 on time, 2 late,
// 2 overdue, 0 open, rate 6/10 = 60%.
import { evaluateTasks, type TaskMeta, type TaskWeek } from '../../src/kpi/tasks.ts';
import { weekPeriod } from '../../src/kpi/weeks.ts';

const at = (iso: string) => Date.parse(iso);

export const TASK_WEEK = '2026-W47';
/** Friday 20 November 2026, 12:00 in Copenhagen: the "scorecard" command's view of the week so far. */
export const MIDWEEK = at('2026-11-20T11:00Z');

function task(id: string, due: string | null, completed: string | null, extra: Partial<TaskMeta> = {}): TaskMeta {
  return { id, title: `Task ${id}`, due: due === null ? null : { at: at(due) }, assignedToVa: true, completedAt: completed === null ? null : at(completed), deletedAt: null, ...extra };
}

export const TASKS: readonly TaskMeta[] = [
  task('a', '2026-11-16T10:00Z', '2026-11-16T15:00Z'),
  task('b', '2026-11-17T10:00Z', '2026-11-17T22:30Z'),
  task('c', '2026-11-17T10:00Z', '2026-11-17T23:10Z'),
  task('d', '2026-11-18T10:00Z', null),
  task('e', '2026-11-19T10:00Z', '2026-11-19T09:00Z'),
  task('f', '2026-11-20T10:00Z', '2026-11-20T09:00Z'),
  task('g', '2026-11-20T10:00Z', null),
  task('h', '2026-11-22T10:00Z', '2026-11-21T10:00Z'),
  task('i', '2026-11-21T10:00Z', '2026-11-22T08:00Z'),
  task('j', '2026-11-15T23:30Z', '2026-11-16T22:59Z'),
  task('k', '2026-11-15T22:30Z', null),
  task('l', '2026-11-18T10:00Z', null, { assignedToVa: false }),
  task('m', null, null),
  task('n', '2026-11-19T10:00Z', null, { deletedAt: at('2026-11-18T12:00Z') }),
  task('o', '2026-11-26T10:00Z', null),
];

/** The engine's task KPI of `week` for TASKS at `now` against `targetPct`. */
export function taskWeek(now: number, targetPct: number, week = TASK_WEEK): TaskWeek {
  return evaluateTasks({ tasks: TASKS, timeZone: 'Europe/Copenhagen', targetPct, paused: [], now, period: weekPeriod(week) }).weeks[0]!;
}
