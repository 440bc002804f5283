// Where a task opens in Microsoft's own web apps. Graph v1.0 gives tasks no web address (neither
// https://learn.microsoft.com/graph/api/resources/plannertask nor .../resources/todotask has one), so a Planner
// task's is built as Planner's own task links are written: tasks.office.com/{tenant id}/Home/Task/{task id}.
// It is not a documented API, which is why it is built here alone; it opens the task for every member of the
// plan. To Do has no address both sides could open: a list is one person's, and To Do on the web opens only the
// signed-in person's own tasks, so To Do tasks get no link rather than one that fails for the other side.
import type { TaskSourceKind } from '../ports/tasks.ts';

const PLANNER = 'https://tasks.office.com';

/** The page that opens the task in its app, or null when there is none both people could open. */
export function taskLink(source: TaskSourceKind, tenantId: string, taskId: string): string | null {
  if (source !== 'planner') return null;
  return `${PLANNER}/${encodeURIComponent(tenantId)}/Home/Task/${encodeURIComponent(taskId)}`;
}
