// The completion KPI of a pairing and a period (docs/kpi.md §11): the tasks stored from its task source and
// the same pauses the response KPI weighs (leave and observed out-of-office), through the engine.
import { evaluateTasks, type TaskReport } from '../kpi/tasks.ts';
import type { Period } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import type { Pairing } from '../store/pairings.ts';
import { listPauses } from '../store/paused.ts';
import { listTasks } from '../store/tasks.ts';

/** The task KPI of every week of the period at `now`, or null when the pairing reads no tasks. */
export async function loadTaskReport(db: Queryable, pairing: Pairing, period: Period, now: number, settings = pairing.settings): Promise<TaskReport | null> {
  if (settings.taskSource === 'none') return null;
  const [tasks, paused] = await Promise.all([listTasks(db, pairing.id, settings.taskSource), listPauses(db, pairing.id)]);
  return evaluateTasks({ tasks, timeZone: settings.timeZone, targetPct: settings.taskTargetPct, paused, now, period });
}
