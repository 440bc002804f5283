// The Graph side of a pairing's task sync (docs/kpi.md §11), one page per step, through the same client as
// mail (throttling, retries, logging).
//
// Planner (v1.0 has no delta for plans): each round lists the plan, `GET /planner/plans/{id}/tasks`
// (https://learn.microsoft.com/graph/api/plannerplan-list-tasks: application permission Tasks.Read.All),
// following `@odata.nextLink`; Planner pages at a fixed size of about 400 and ignores `$top` (its maintainers
// in microsoftgraph/microsoft-graph-docs#6438), so a plan of up to ~400 tasks costs one request. A task whose
// `@odata.etag` is the one stored is skipped; one no longer listed is gone.
//
// To Do: `GET /users/{id}/todo/lists/{listId}/tasks/delta` (https://learn.microsoft.com/graph/api/todotask-delta:
// Tasks.Read.All), an initial round that lists the list, then rounds from the `@odata.deltaLink` with only
// what changed, `@removed` for what left. Its dates are dateTimeTimeZone values, UTC unless the request asks
// for another zone with `Prefer: outlook.timezone` (https://learn.microsoft.com/graph/api/resources/todotask);
// the sync asks for the pairing's zone, so a due date picked as "4 March" stays 4 March (docs/kpi.md §11).
import { DateTime } from 'luxon';
import { z } from 'zod';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import type { TaskDue } from '../kpi/tasks.ts';
import type { Logger } from '../log.ts';
import type { Clock } from '../ports/clock.ts';
import { parseTaskSource, type TaskSourceKind } from '../kpi/settings.ts';
import type { SyncedTask, TaskSource, TaskSyncRequest, TaskSyncStep } from '../ports/tasks.ts';
import { GraphError, type GraphClient } from './graph-client.ts';
import { explainTaskSyncError } from './sync-errors.ts';

export const TASK_POSITION_VERSION = 1;
/** Asked of To Do's delta; Planner's page size is its own. */
export const TODO_PAGE_SIZE = 200;

const positionSchema = z.object({
  version: z.literal(TASK_POSITION_VERSION),
  source: z.string(),
  /** Planner: etag per task id as of the last complete round. */
  etags: z.record(z.string(), z.string()),
  /** The round under way: its next page, and (Planner, or a To Do initial round) the ids listed so far. */
  nextLink: z.string().nullable(),
  listed: z.array(z.string()).nullable(),
  /** Planner, mid-round: etags of the tasks listed so far (they replace `etags` when the round ends). */
  roundEtags: z.record(z.string(), z.string()).nullable(),
  /** To Do: whose account holds the list, once found, and where the next round starts. */
  todoUser: z.string().nullable(),
  deltaLink: z.string().nullable(),
});
export type TaskPosition = z.infer<typeof positionSchema>;

const pageSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().nullish(), '@odata.deltaLink': z.string().nullish() });
const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });
const plannerTaskSchema = z.object({
  '@odata.etag': z.string().nullish(),
  id: z.string(),
  title: z.string().nullish(),
  percentComplete: z.number().nullish(),
  completedDateTime: z.string().nullish(),
  dueDateTime: z.string().nullish(),
  assignments: z.record(z.string(), z.unknown()).nullish(),
});
const todoTaskSchema = z.object({
  '@odata.etag': z.string().nullish(),
  id: z.string(),
  title: z.string().nullish(),
  status: z.string().nullish(),
  completedDateTime: dateTimeTimeZone.nullish(),
  dueDateTime: dateTimeTimeZone.nullish(),
});
const removedSchema = z.object({ id: z.string(), '@removed': z.object({}).passthrough() });

export interface GraphTaskSourceOptions {
  readonly graph: Pick<GraphClient, 'get'>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The source's kind and id from a pairing's taskSource; the sync is only asked for one that names a plan or list. */
function sourceOf(source: string): { kind: TaskSourceKind; id: string } {
  const parsed = parseTaskSource(source);
  if (parsed === null) throw new RangeError(`not a task source: ${source}`);
  return parsed;
}

function instant(text: string): number | null {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** A dateTimeTimeZone as an instant; null when its zone or text cannot be read. */
function zonedInstant(value: { dateTime: string; timeZone: string }): number | null {
  const zone = resolveTimeZone(value.timeZone);
  if (zone === null) return null;
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  return parsed.isValid ? parsed.toMillis() : null;
}

const freshPosition = (source: string): TaskPosition => ({
  version: TASK_POSITION_VERSION,
  source,
  etags: {},
  nextLink: null,
  listed: null,
  roundEtags: null,
  todoUser: null,
  deltaLink: null,
});

export function graphTaskSource(options: GraphTaskSourceOptions): TaskSource {
  const { graph, clock, logger } = options;

  function plannerTask(item: unknown, vaUserId: string | null): SyncedTask | string {
    const parsed = plannerTaskSchema.safeParse(item);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? 'unreadable';
    const task = parsed.data;
    const due = task.dueDateTime ? instant(task.dueDateTime) : null;
    if (task.dueDateTime && due === null) return `dueDateTime ${task.dueDateTime} is not an instant`;
    const completed = task.percentComplete === 100 && task.completedDateTime ? instant(task.completedDateTime) : null;
    const va = vaUserId?.toLowerCase();
    return {
      id: task.id,
      title: task.title ?? '',
      due: due === null ? null : { at: due },
      assignedToVa: va !== undefined && Object.keys(task.assignments ?? {}).some((key) => key.toLowerCase() === va),
      completedAt: completed,
      deletedAt: null,
      etag: task['@odata.etag'] ?? null,
    };
  }

  function todoTask(item: unknown): SyncedTask | string {
    const parsed = todoTaskSchema.safeParse(item);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? 'unreadable';
    const task = parsed.data;
    const due: TaskDue | null = task.dueDateTime ? { dateTime: task.dueDateTime.dateTime, timeZone: task.dueDateTime.timeZone } : null;
    if (task.dueDateTime && zonedInstant(task.dueDateTime) === null) return `dueDateTime ${JSON.stringify(task.dueDateTime)} cannot be read`;
    const completed = task.status === 'completed' && task.completedDateTime ? zonedInstant(task.completedDateTime) : null;
    return { id: task.id, title: task.title ?? '', due, assignedToVa: true, completedAt: completed, deletedAt: null, etag: task['@odata.etag'] ?? null };
  }

  async function plannerStep(request: TaskSyncRequest, planId: string, position: TaskPosition): Promise<TaskSyncStep> {
    const at = clock.now();
    const url = position.nextLink ?? `/planner/plans/${encodeURIComponent(planId)}/tasks`;
    const page = pageSchema.parse(await graph.get(url));
    const roundEtags: Record<string, string> = { ...(position.nextLink ? position.roundEtags : {}) };
    const tasks: SyncedTask[] = [];
    for (const item of page.value) {
      const task = plannerTask(item, request.vaUserId);
      if (typeof task === 'string') {
        logger.warn('graph_task_unreadable', { source: request.source, reason: task });
        continue;
      }
      if (task.etag !== null) roundEtags[task.id] = task.etag;
      // A task without an etag cannot be compared, so it is taken every time.
      if (task.etag === null || position.etags[task.id] !== task.etag) tasks.push(task);
    }
    const listed = [...(position.nextLink ? (position.listed ?? []) : []), ...page.value.flatMap((item) => plannerTaskSchema.safeParse(item).data?.id ?? [])];
    const nextLink = page['@odata.nextLink'] ?? null;
    if (nextLink !== null) {
      return { tasks, removed: [], listedAll: null, at, position: { ...position, nextLink, listed, roundEtags }, more: true };
    }
    return { tasks, removed: [], listedAll: listed, at, position: { ...position, nextLink: null, listed: null, roundEtags: null, etags: roundEtags }, more: false };
  }

  /** The first page of a To Do round: from the delta link, else an initial delta in the first account that has the list. */
  async function todoFirstPage(request: TaskSyncRequest, listId: string, position: TaskPosition, prefer: Record<string, string>) {
    if (position.deltaLink !== null && position.todoUser !== null) {
      try {
        return { page: pageSchema.parse(await graph.get(position.deltaLink, { headers: prefer })), user: position.todoUser, initial: false };
      } catch (error) {
        // The service dropped the sync state (410 SyncStateNotFound): a new initial round lists everything.
        if (!(error instanceof GraphError && error.statusCode === 410)) throw error;
        logger.warn('todo_delta_reset', { source: request.source });
      }
    }
    const users = position.todoUser !== null ? [position.todoUser] : request.users;
    let lastError: unknown = new Error(`no account to look for To Do list ${listId} in`);
    for (const user of users) {
      try {
        const url = `/users/${encodeURIComponent(user)}/todo/lists/${encodeURIComponent(listId)}/tasks/delta`;
        return { page: pageSchema.parse(await graph.get(url, { headers: prefer })), user, initial: true };
      } catch (error) {
        // Not this person's list (or not their account): the next candidate may hold it.
        if (!(error instanceof GraphError && error.statusCode === 404)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  async function todoStep(request: TaskSyncRequest, listId: string, position: TaskPosition): Promise<TaskSyncStep> {
    const at = clock.now();
    const prefer = { Prefer: `outlook.timezone="${request.timeZone}", odata.maxpagesize=${TODO_PAGE_SIZE}` };
    let page: z.infer<typeof pageSchema>;
    let user = position.todoUser;
    let listed: string[] | null;
    if (position.nextLink !== null) {
      page = pageSchema.parse(await graph.get(position.nextLink, { headers: prefer }));
      listed = position.listed;
    } else {
      const first = await todoFirstPage(request, listId, position, prefer);
      page = first.page;
      user = first.user;
      listed = first.initial ? [] : null;
    }
    const tasks: SyncedTask[] = [];
    const removed: string[] = [];
    for (const item of page.value) {
      const gone = removedSchema.safeParse(item);
      if (gone.success) {
        removed.push(gone.data.id);
        continue;
      }
      const task = todoTask(item);
      if (typeof task === 'string') {
        logger.warn('graph_task_unreadable', { source: request.source, reason: task });
        continue;
      }
      tasks.push(task);
    }
    if (listed !== null) listed = [...listed, ...page.value.flatMap((item) => (removedSchema.safeParse(item).success ? [] : (todoTaskSchema.safeParse(item).data?.id ?? [])))];
    const nextLink = page['@odata.nextLink'] ?? null;
    const deltaLink = page['@odata.deltaLink'] ?? null;
    if (nextLink === null && deltaLink === null) throw new Error(`To Do delta of ${request.source} answered with neither a nextLink nor a deltaLink`);
    const next: TaskPosition = { ...position, todoUser: user, nextLink, listed: nextLink === null ? null : listed, deltaLink: deltaLink ?? position.deltaLink };
    return { tasks, removed, listedAll: nextLink === null ? listed : null, at, position: next, more: nextLink !== null };
  }

  return {
    async sync(request) {
      const stored = positionSchema.safeParse(request.position);
      if (request.position !== null && (!stored.success || stored.data.source !== request.source)) {
        // Another source, or a shape this version cannot read: start over, listing everything.
        logger.info('task_sync_position_reset', { source: request.source });
      }
      const position = stored.success && stored.data.source === request.source ? stored.data : freshPosition(request.source);
      const { kind, id } = sourceOf(request.source);
      try {
        return await (kind === 'planner' ? plannerStep(request, id, position) : todoStep(request, id, position));
      } catch (error) {
        throw explainTaskSyncError(error, kind, request.locale);
      }
    },
  };
}
