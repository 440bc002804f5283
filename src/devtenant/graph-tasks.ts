// The dev Graph's Planner and To Do reads, in Graph's shapes, behind the application permission Tasks.Read.All
// (or Tasks.ReadWrite.All), as https://learn.microsoft.com/graph/api/plannerplan-list-tasks and
// https://learn.microsoft.com/graph/api/todotask-delta state for application callers.
//
// Planner lists a plan's tasks (plannerTask, https://learn.microsoft.com/graph/api/resources/plannertask) in
// pages of a fixed size it chooses, ignoring `$top` (about 400: Planner's maintainers in
// microsoftgraph/microsoft-graph-docs#6438). To Do's delta lists a list, then what changed from a deltaLink,
// `@removed` for what left; an unknown or expired token answers 410 as the mail delta does. Its dates are
// dateTimeTimeZone in UTC unless `Prefer: outlook.timezone` names a zone
// (https://learn.microsoft.com/graph/api/resources/todotask), and a picked due date is midnight in the list
// owner's zone (the `2020-08-25T04:00:00` UTC due date of https://learn.microsoft.com/graph/api/todotask-get).
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { DateTime } from 'luxon';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { SYNC_STATE_GONE } from './graph-delta.ts';
import { ACCESS_DENIED, graphError, hasRole, ITEM_NOT_FOUND, preferences, USER_NOT_FOUND, type GraphEnv, type GraphFailure } from './graph-response.ts';
import type { MailboxStore } from './mailbox-store.ts';
import type { StoredTask, TaskStore } from './task-store.ts';

export const TASK_ROLES = ['Tasks.Read.All', 'Tasks.ReadWrite.All'] as const;
/** Planner's fixed page. */
export const PLANNER_PAGE_SIZE = 400;
const TODO_DEFAULT_PAGE_SIZE = 10;
const TODO_MAX_PAGE_SIZE = 1_000;
const PLAN_NOT_FOUND: GraphFailure = { status: 404, code: '', message: 'The requested item is not found.' };

type TodoState =
  | { readonly kind: 'page'; readonly listId: string; readonly userId: string; readonly ids: readonly string[]; readonly offset: number; readonly position: number; readonly size: number }
  | { readonly kind: 'delta'; readonly listId: string; readonly userId: string; readonly position: number };
type PlannerState = { readonly planId: string; readonly ids: readonly string[]; readonly offset: number };

const iso = (ms: number) => new Date(ms).toISOString();
const etagOf = (stored: StoredTask) => `W/"${Buffer.from(`${stored.task.id}:${stored.version}`).toString('base64')}"`;

/** Graph's dateTimeTimeZone: seven fraction digits, in the zone asked for. */
function dateTimeTimeZone(ms: number, zoneName: string): { dateTime: string; timeZone: string } {
  const zone = resolveTimeZone(zoneName) ?? 'UTC';
  return { dateTime: DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'0000'"), timeZone: resolveTimeZone(zoneName) === null ? 'UTC' : zoneName };
}

function plannerJson(stored: StoredTask, planId: string): Record<string, unknown> {
  const { task } = stored;
  const by = (id: string) => ({ user: { displayName: null, id }, application: { displayName: null, id: '09abbdfd-ed23-44ee-a2d9-a627aa1c90f3' } });
  return {
    '@odata.etag': etagOf(stored),
    planId,
    bucketId: `bucket-${planId}`.slice(0, 28),
    title: stored.title,
    orderHint: '8586633654432719852',
    assigneePriority: '',
    percentComplete: stored.completedAt !== null ? 100 : 0,
    startDateTime: null,
    createdDateTime: iso(stored.createdAt),
    dueDateTime: task.dueAt === undefined ? null : iso(task.dueAt),
    hasDescription: false,
    previewType: 'automatic',
    completedDateTime: stored.completedAt === null ? null : iso(stored.completedAt),
    completedBy: stored.completedAt === null ? null : by(task.assignees?.[0] ?? ''),
    referenceCount: 0,
    checklistItemCount: 0,
    activeChecklistItemCount: 0,
    conversationThreadId: null,
    priority: 5,
    id: task.id,
    createdBy: by(task.assignees?.[0] ?? ''),
    appliedCategories: {},
    assignments: Object.fromEntries(
      (task.assignees ?? []).map((id) => [id, { '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: iso(stored.createdAt), orderHint: '8586633654432719852P(', assignedBy: by(id) }]),
    ),
  };
}

function todoJson(stored: StoredTask, ownerZone: string, zone: string): Record<string, unknown> {
  const { task } = stored;
  const dueMidnight = task.dueDate === undefined ? null : DateTime.fromISO(task.dueDate, { zone: ownerZone }).toMillis();
  return {
    '@odata.etag': etagOf(stored),
    importance: 'normal',
    isReminderOn: false,
    status: stored.completedAt !== null ? 'completed' : 'notStarted',
    title: stored.title,
    createdDateTime: iso(stored.createdAt),
    lastModifiedDateTime: iso(stored.modifiedAt),
    hasAttachments: false,
    categories: [],
    id: task.id,
    body: { content: '', contentType: 'text' },
    ...(dueMidnight === null ? {} : { dueDateTime: dateTimeTimeZone(dueMidnight, zone) }),
    ...(stored.completedAt === null ? {} : { completedDateTime: dateTimeTimeZone(stored.completedAt, zone) }),
  };
}

export function registerTaskRoutes(app: Hono<GraphEnv>, tasks: TaskStore, mailboxes: MailboxStore, baseUrl: string): void {
  const plannerStates = new Map<string, PlannerState>();
  const todoStates = new Map<string, TodoState>();
  const issue = <T>(states: Map<string, T>, state: T) => {
    const token = randomBytes(24).toString('base64url');
    states.set(token, state);
    return token;
  };

  app.get('/v1.0/planner/plans/:plan/tasks', (c) => {
    if (!hasRole(c, TASK_ROLES)) return graphError(c, ACCESS_DENIED);
    const planId = c.req.param('plan');
    if (!tasks.plans.has(planId)) return graphError(c, PLAN_NOT_FOUND);
    const token = new URL(c.req.url).searchParams.get('$skiptoken');
    let state: PlannerState;
    if (token !== null) {
      const found = plannerStates.get(token);
      if (!found || found.planId !== planId) return graphError(c, { status: 400, code: 'BadRequest', message: 'The skip token is not valid.' });
      state = found;
    } else {
      state = { planId, ids: tasks.tasksOf('plan', planId).filter((stored) => !stored.deleted).map((stored) => stored.task.id), offset: 0 };
    }
    const value = state.ids
      .slice(state.offset, state.offset + PLANNER_PAGE_SIZE)
      .flatMap((id) => {
        const stored = tasks.get(id);
        return stored && !stored.deleted ? [plannerJson(stored, planId)] : [];
      });
    const more = state.offset + PLANNER_PAGE_SIZE < state.ids.length;
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#planner/plans('${planId}')/tasks`,
      '@odata.count': value.length,
      ...(more ? { '@odata.nextLink': `${baseUrl}/planner/plans/${encodeURIComponent(planId)}/tasks?$skiptoken=${issue(plannerStates, { ...state, offset: state.offset + PLANNER_PAGE_SIZE })}` } : {}),
      value,
    });
  });

  app.get('/v1.0/users/:user/todo/lists/:list/tasks/delta', (c) => {
    if (!hasRole(c, TASK_ROLES)) return graphError(c, ACCESS_DENIED);
    const user = c.req.param('user');
    const mailbox = mailboxes.mailbox(user);
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const list = tasks.lists.get(c.req.param('list'));
    if (!list || list.userId !== mailbox.user.id) return graphError(c, ITEM_NOT_FOUND);
    const params = new URL(c.req.url).searchParams;
    const token = params.get('$skiptoken') ?? params.get('$deltatoken');
    const preferred = Number(preferences(c).get('odata.maxpagesize'));
    const zone = preferences(c).get('outlook.timezone') ?? 'UTC';
    if (preferences(c).has('outlook.timezone')) c.header('Preference-Applied', `outlook.timezone="${zone}"`, { append: true });

    let round: Extract<TodoState, { kind: 'page' }>;
    const found = token === null ? undefined : todoStates.get(token);
    if (token !== null && (!found || found.listId !== list.id || found.userId !== mailbox.user.id)) return graphError(c, SYNC_STATE_GONE);
    if (found?.kind === 'page') round = found;
    else {
      const size = Number.isInteger(preferred) && preferred > 0 ? Math.min(preferred, TODO_MAX_PAGE_SIZE) : TODO_DEFAULT_PAGE_SIZE;
      const since = found?.position ?? -1;
      const changed = tasks
        .tasksOf('list', list.id)
        // An initial round lists what exists; a later one what changed since, removals included.
        .filter((stored) => (since < 0 ? !stored.deleted : stored.changedAt > since))
        .sort((a, b) => a.changedAt - b.changedAt);
      round = { kind: 'page', listId: list.id, userId: mailbox.user.id, ids: changed.map((stored) => stored.task.id), offset: 0, position: tasks.position(), size };
    }
    const value = round.ids.slice(round.offset, round.offset + round.size).map((id) => {
      const stored = tasks.get(id)!;
      return stored.deleted ? { '@odata.type': '#microsoft.graph.todoTask', id, '@removed': { reason: 'deleted' } } : todoJson(stored, list.timeZone, zone);
    });
    const done = round.offset + round.size >= round.ids.length;
    const link = (name: string, state: TodoState) => `${baseUrl}/users/${encodeURIComponent(user)}/todo/lists/${encodeURIComponent(list.id)}/tasks/delta?${name}=${issue(todoStates, state)}`;
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#Collection(todoTask)`,
      ...(done
        ? { '@odata.deltaLink': link('$deltatoken', { kind: 'delta', listId: list.id, userId: mailbox.user.id, position: round.position }) }
        : { '@odata.nextLink': link('$skiptoken', { ...round, offset: round.offset + round.size }) }),
      value,
    });
  });
}
