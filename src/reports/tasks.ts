// The completion KPI of a pairing and a period (docs/kpi.md §11): the tasks stored from its task source and
// the same pauses the response KPI weighs (leave and observed out-of-office), through the engine.
import { parseTaskSource, type Settings } from '../kpi/settings.ts';
import { evaluateTasks, type TaskReport, type TaskRow } from '../kpi/tasks.ts';
import type { Period } from '../kpi/weeks.ts';
import type { TaskSourceKind } from '../ports/tasks.ts';
import type { Queryable } from '../store/database.ts';
import type { Pairing } from '../store/pairings.ts';
import { listPauses } from '../store/paused.ts';
import { listTasks } from '../store/tasks.ts';
import { taskLink } from './task-links.ts';

/** Which tool the pairing's tasks come from, as the surfaces name it ("Open in Planner"). */
export type { TaskSourceKind };

/** A task as evaluated, with the page that opens it in Planner (src/reports/task-links.ts). */
export interface LinkedTaskRow extends TaskRow {
  readonly webUrl: string | null;
}

export interface PairingTaskReport extends TaskReport {
  readonly source: TaskSourceKind;
  readonly rows: readonly LinkedTaskRow[];
}

/** The pairing's task tool, or null when it reads no tasks (and the surfaces show nothing about tasks). */
export function taskSourceKind(settings: Pick<Settings, 'taskSource'>): TaskSourceKind | null {
  return parseTaskSource(settings.taskSource)?.kind ?? null;
}

/** The task KPI of every week of the period at `now`, or null when the pairing reads no tasks. */
export async function loadTaskReport(db: Queryable, pairing: Pairing, period: Period, now: number, settings = pairing.settings): Promise<PairingTaskReport | null> {
  const source = taskSourceKind(settings);
  if (source === null) return null;
  const [tasks, paused] = await Promise.all([listTasks(db, pairing.id, settings.taskSource), listPauses(db, pairing.id)]);
  const report = evaluateTasks({ tasks, timeZone: settings.timeZone, targetPct: settings.taskTargetPct, paused, now, period });
  return { source, weeks: report.weeks, rows: report.rows.map((row) => ({ ...row, webUrl: taskLink(source, pairing.tenantId, row.id) })) };
}
