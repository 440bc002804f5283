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
//
// What a pairing can choose from (src/graph/task-choices.ts): a person's groups,
// `GET /users/{id}/transitiveMemberOf/microsoft.graph.group` (https://learn.microsoft.com/graph/api/user-list-transitivememberof:
// User.Read.All; pages of 100 unless `$top` asks for up to 999; an app that cannot read groups gets their id
// and type only), a group's plans (plannerPlan, https://learn.microsoft.com/graph/api/plannergroup-list-plans:
// Tasks.Read.All; a group that is not a Microsoft 365 group answers 404 here, one of the answers Planner
// documents), and a person's To Do lists (todoTaskList, https://learn.microsoft.com/graph/api/todo-list-lists:
// Tasks.Read.All). Graph does not document the lists' page size; this stand-in pages them by
// TODO_LIST_PAGE_SIZE (or `$top`) so a client must follow `@odata.nextLink`.
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { SYNC_STATE_GONE } from './graph-delta.ts';
import { ACCESS_DENIED, graphError, hasRole, ITEM_NOT_FOUND, preferences, ROLES, USER_NOT_FOUND, type GraphEnv, type GraphFailure } from './graph-response.ts';
import type { MailboxStore } from './mailbox-store.ts';
import type { DevTaskSeed } from './task-seed.ts';
import type { StoredTask, TaskStore } from './task-store.ts';

export const TASK_ROLES = ['Tasks.Read.All', 'Tasks.ReadWrite.All'] as const;
/** Planner's fixed page. */
export const PLANNER_PAGE_SIZE = 400;
const TODO_DEFAULT_PAGE_SIZE = 10;
const TODO_MAX_PAGE_SIZE = 1_000;
const PLAN_NOT_FOUND: GraphFailure = { status: 404, code: '', message: 'The requested item is not found.' };
/** Directory pages: 100 by default, `$top` up to 999. */
const MEMBER_PAGE = { default: 100, max: 999 } as const;
export const TODO_LIST_PAGE_SIZE = 10;
const BAD_PAGE_SIZE: GraphFailure = { status: 400, code: 'Request_UnsupportedQuery', message: 'Invalid page size specified.' };
const BAD_SKIP_TOKEN: GraphFailure = { status: 400, code: 'BadRequest', message: 'The skip token is not valid.' };

type TodoState =
  | { readonly kind: 'page'; readonly listId: string; readonly userId: string; readonly ids: readonly string[]; readonly offset: number; readonly position: number; readonly size: number }
  | { readonly kind: 'delta'; readonly listId: string; readonly userId: string; readonly position: number };
type PlannerState = { readonly planId: string; readonly ids: readonly string[]; readonly offset: number };
/** A listing under way: what it is of (the request's path), its items as first listed, its page size and where the next page starts. */
type ListingState = { readonly of: string; readonly items: readonly Record<string, unknown>[]; readonly size: number; readonly offset: number };

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

function plannerPlanJson(plan: DevTaskSeed['plans'][number], baseUrl: string): Record<string, unknown> {
  const etag = `W/"${Buffer.from(`${plan.id}:1`).toString('base64')}"`;
  return {
    '@odata.etag': etag,
    createdDateTime: '2026-01-05T09:00:00.0000000Z',
    owner: plan.groupId,
    title: plan.title,
    id: plan.id,
    createdBy: { user: { displayName: null, id: null }, application: { displayName: null, id: '09abbdfd-ed23-44ee-a2d9-a627aa1c90f3' } },
    container: { containerId: plan.groupId, type: 'group', url: `${baseUrl}/groups/${plan.groupId}` },
  };
}

function todoListJson(list: DevTaskSeed['lists'][number]): Record<string, unknown> {
  return {
    '@odata.etag': `W/"${Buffer.from(`${list.id}:1`).toString('base64')}"`,
    displayName: list.displayName,
    isOwner: true,
    isShared: false,
    wellknownListName: list.wellknownListName ?? 'none',
    id: list.id,
  };
}

export function registerTaskRoutes(app: Hono<GraphEnv>, tasks: TaskStore, mailboxes: MailboxStore, baseUrl: string): void {
  const plannerStates = new Map<string, PlannerState>();
  const todoStates = new Map<string, TodoState>();
  const listingStates = new Map<string, ListingState>();
  const issue = <T>(states: Map<string, T>, state: T) => {
    const token = randomBytes(24).toString('base64url');
    states.set(token, state);
    return token;
  };

  /** One page of a collection: the first from `list()`, the next ones from the `$skiptoken` of the page before. */
  function listing(c: Context<GraphEnv>, path: string, context: string, size: number, list: () => Record<string, unknown>[]) {
    const token = new URL(c.req.url).searchParams.get('$skiptoken');
    const found = token === null ? undefined : listingStates.get(token);
    if (token !== null && found?.of !== path) return graphError(c, BAD_SKIP_TOKEN);
    const state = found ?? { of: path, items: list(), size, offset: 0 };
    const end = state.offset + state.size;
    const next = end < state.items.length ? `${baseUrl}${path.replace(/^\/v1\.0/, '')}?$skiptoken=${issue(listingStates, { ...state, offset: end })}` : null;
    return c.json({ '@odata.context': `${baseUrl}/$metadata#${context}`, ...(next ? { '@odata.nextLink': next } : {}), value: state.items.slice(state.offset, end) });
  }

  /** `$top` as a page size: absent, the default; outside 1 to `max`, null (Graph answers 400). */
  function pageSize(c: Context<GraphEnv>, fallback: number, max: number): number | null {
    const top = new URL(c.req.url).searchParams.get('$top');
    if (top === null) return fallback;
    const size = Number(top);
    return Number.isInteger(size) && size >= 1 && size <= max ? size : null;
  }

  app.get('/v1.0/users/:user/transitiveMemberOf/microsoft.graph.group', (c) => {
    if (!hasRole(c, ROLES.memberOf)) return graphError(c, ACCESS_DENIED);
    const user = mailboxes.user(c.req.param('user'));
    if (user === undefined) return graphError(c, USER_NOT_FOUND);
    const size = pageSize(c, MEMBER_PAGE.default, MEMBER_PAGE.max);
    if (size === null) return graphError(c, BAD_PAGE_SIZE);
    const full = hasRole(c, ROLES.groupProperties);
    const select = new URL(c.req.url).searchParams.get('$select');
    return listing(c, new URL(c.req.url).pathname, 'groups', size, () =>
      [...tasks.groups.values()]
        .filter((group) => group.memberIds.includes(user.id))
        .map((group) => {
          const properties = { displayName: group.displayName, groupTypes: group.unified ? ['Unified'] : [], mailEnabled: group.unified, securityEnabled: !group.unified };
          const shown = select === null ? Object.keys(properties) : select.split(',').map((name) => name.trim());
          // Without a permission that reads groups, Graph gives the id and type, and null for every property.
          return { '@odata.type': '#microsoft.graph.group', id: group.id, ...Object.fromEntries(Object.entries(properties).filter(([name]) => shown.includes(name)).map(([name, value]) => [name, full ? value : null])) };
        }),
    );
  });

  app.get('/v1.0/groups/:group/planner/plans', (c) => {
    if (!hasRole(c, TASK_ROLES)) return graphError(c, ACCESS_DENIED);
    const group = tasks.groups.get(c.req.param('group'));
    if (group === undefined || !group.unified) return graphError(c, PLAN_NOT_FOUND);
    return listing(c, new URL(c.req.url).pathname, 'Collection(microsoft.graph.plannerPlan)', PLANNER_PAGE_SIZE, () =>
      [...tasks.plans.values()].filter((plan) => plan.groupId === group.id).map((plan) => plannerPlanJson(plan, baseUrl)),
    );
  });

  app.get('/v1.0/users/:user/todo/lists', (c) => {
    if (!hasRole(c, TASK_ROLES)) return graphError(c, ACCESS_DENIED);
    const mailbox = mailboxes.mailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const size = pageSize(c, TODO_LIST_PAGE_SIZE, TODO_MAX_PAGE_SIZE);
    if (size === null) return graphError(c, BAD_PAGE_SIZE);
    return listing(c, new URL(c.req.url).pathname, `users('${encodeURIComponent(c.req.param('user'))}')/todo/lists`, size, () =>
      [...tasks.lists.values()].filter((list) => list.userId === mailbox.user.id).map(todoListJson),
    );
  });

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
