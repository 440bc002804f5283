// The dev Graph's Planner and To Do reads refuse what Graph refuses: no token, a token without
// Tasks.Read.All, a list asked of someone who does not hold it; and they throttle as Graph does. What a pairing
// can choose from (a person's groups, a group's plans, a person's lists) pages and refuses the same way.
import { afterEach, describe, expect, it } from 'vitest';
import { createAppAuth } from '../graph/auth.ts';
import { createGraphClient, GraphError, type GraphClient } from '../graph/graph-client.ts';
import { devTenantMaterial } from '../../test/support/dev-tenant-client.ts';
import { devSeed, OWNER, START, VA } from '../../test/support/dev-tenant-seed.ts';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import type { FaultConfig } from './graph-faults.ts';
import type { TenantSeed } from './tenant-seed.ts';

const PLAN = 'plan0000000000000000000001';
const LIST = 'AAMkADlist0000000000000000001=';
const seed: TenantSeed = {
  ...devSeed(),
  tasks: {
    plans: [{ id: PLAN, title: 'Plan', groupId: 'group-1' }],
    lists: [{ id: LIST, userId: VA.id, displayName: 'List', timeZone: 'Europe/London' }],
    groups: [
      { id: 'group-1', displayName: 'Team', unified: true, memberIds: [OWNER.id, VA.id] },
      { id: 'group-2', displayName: 'Owners', unified: true, memberIds: [OWNER.id] },
      { id: 'group-3', displayName: 'All staff', unified: false, memberIds: [OWNER.id, VA.id] },
    ],
    events: [
      { at: START, kind: 'create', container: { planId: PLAN }, task: { id: 'p1', title: 'Plan task', dueAt: START + 86_400_000, assignees: [VA.id] } },
      { at: START, kind: 'create', container: { listId: LIST }, task: { id: 't1', title: 'List task', dueDate: '2026-11-04' } },
    ],
    groundTruth: {},
  },
};

let tenant: DevTenant | undefined;
let client: GraphClient | undefined;
afterEach(async () => {
  await client?.close();
  await tenant?.close();
});

async function connect(roles: readonly string[] | 'basic', faults?: FaultConfig, token?: string) {
  tenant = await startDevTenant({ ...(await devTenantMaterial()), seed, roles, ...(faults ? { faults } : {}) });
  const auth = token === undefined ? createAppAuth(tenant.authConfig) : { appToken: async () => ({ accessToken: token, expiresOn: null }) };
  client = createGraphClient({ auth: auth as ReturnType<typeof createAppAuth>, baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, retry: { maxRetries: 0, sleep: async () => {} } });
  return client;
}

const status = (promise: Promise<unknown>) => promise.then(() => 200, (error: unknown) => (error instanceof GraphError ? error.statusCode : error));

describe('dev Graph tasks', () => {
  it('serves plannerTask and todoTask shapes, To Do dates in the zone asked for', async () => {
    const graph = await connect('basic');
    const plan = (await graph.get(`/planner/plans/${PLAN}/tasks`)) as { value: Record<string, unknown>[] };
    expect(plan.value[0]).toMatchObject({ id: 'p1', planId: PLAN, percentComplete: 0, dueDateTime: '2026-11-03T00:00:00.000Z', assignments: { [VA.id]: { '@odata.type': '#microsoft.graph.plannerAssignment' } } });
    expect(plan.value[0]!['@odata.etag']).toMatch(/^W\/"/);
    const delta = (await graph.get(`/users/${VA.userPrincipalName}/todo/lists/${LIST}/tasks/delta`, { headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' } })) as Record<string, unknown> & { value: Record<string, unknown>[] };
    // Picked as 4 November in London (UTC+0 then): 01:00 in Berlin.
    expect(delta.value[0]).toMatchObject({ id: 't1', status: 'notStarted', dueDateTime: { dateTime: '2026-11-04T01:00:00.0000000', timeZone: 'W. Europe Standard Time' } });
    expect(delta['@odata.deltaLink']).toContain('$deltatoken=');
    const utc = (await graph.get(`/users/${VA.userPrincipalName}/todo/lists/${LIST}/tasks/delta`)) as { value: Record<string, unknown>[] };
    expect(utc.value[0]).toMatchObject({ dueDateTime: { dateTime: '2026-11-04T00:00:00.0000000', timeZone: 'UTC' } });
  });

  it('refuses without Tasks.Read.All, without a valid token, and for a list its user does not hold', async () => {
    const graph = await connect(['Mail.Read', 'User.Read.All']);
    expect(await status(graph.get(`/planner/plans/${PLAN}/tasks`))).toBe(403);
    expect(await status(graph.get(`/users/${VA.id}/todo/lists/${LIST}/tasks/delta`))).toBe(403);
    await client!.close();
    await tenant!.close();
    const forged = await connect('basic', undefined, 'not-a-token');
    expect(await status(forged.get(`/planner/plans/${PLAN}/tasks`))).toBe(401);
    await client!.close();
    await tenant!.close();
    const allowed = await connect('basic');
    expect(await status(allowed.get(`/users/${OWNER.id}/todo/lists/${LIST}/tasks/delta`))).toBe(404);
    expect(await status(allowed.get(`/planner/plans/unknownPlan/tasks`))).toBe(404);
  });

  it('lists a person’s groups in pages, with their properties only for an app that may read groups', async () => {
    const graph = await connect('basic');
    const url = `/users/${OWNER.userPrincipalName}/transitiveMemberOf/microsoft.graph.group`;
    const first = (await graph.get(`${url}?$top=2`)) as { value: Record<string, unknown>[]; '@odata.nextLink': string };
    // User.Read.All alone: the id and type, every other property null (Graph's "limited information").
    expect(first.value).toEqual([
      { '@odata.type': '#microsoft.graph.group', id: 'group-1', displayName: null, groupTypes: null, mailEnabled: null, securityEnabled: null },
      { '@odata.type': '#microsoft.graph.group', id: 'group-2', displayName: null, groupTypes: null, mailEnabled: null, securityEnabled: null },
    ]);
    const second = (await graph.get(first['@odata.nextLink'])) as { value: Record<string, unknown>[]; '@odata.nextLink'?: string };
    expect(second.value.map((group) => group.id)).toEqual(['group-3']);
    expect(second['@odata.nextLink']).toBeUndefined();
    expect(await status(graph.get(`${url}?$top=1000`))).toBe(400);
    expect(await status(graph.get('/users/nobody@contoso.test/transitiveMemberOf/microsoft.graph.group'))).toBe(404);
    await client!.close();
    await tenant!.close();
    const reader = await connect(['User.Read.All', 'GroupMember.Read.All', 'Tasks.Read.All']);
    const full = (await reader.get(`/users/${VA.id}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName`)) as { value: Record<string, unknown>[] };
    expect(full.value).toEqual([{ '@odata.type': '#microsoft.graph.group', id: 'group-1', displayName: 'Team' }, { '@odata.type': '#microsoft.graph.group', id: 'group-3', displayName: 'All staff' }]);
  });

  it('lists a group’s plans and a person’s To Do lists, 404 for a group without plans or an unknown person, 403 without Tasks.Read.All', async () => {
    const graph = await connect('basic');
    const plans = (await graph.get('/groups/group-1/planner/plans')) as { value: Record<string, unknown>[] };
    expect(plans.value).toEqual([expect.objectContaining({ id: PLAN, title: 'Plan', owner: 'group-1', container: expect.objectContaining({ containerId: 'group-1', type: 'group' }) })]);
    expect(((await graph.get('/groups/group-2/planner/plans')) as { value: unknown[] }).value).toEqual([]);
    expect(await status(graph.get('/groups/group-3/planner/plans'))).toBe(404);
    const lists = (await graph.get(`/users/${VA.userPrincipalName}/todo/lists`)) as { value: Record<string, unknown>[] };
    expect(lists.value).toEqual([expect.objectContaining({ id: LIST, displayName: 'List', wellknownListName: 'none', isOwner: true })]);
    expect(((await graph.get(`/users/${OWNER.id}/todo/lists`)) as { value: unknown[] }).value).toEqual([]);
    expect(await status(graph.get('/users/nobody@contoso.test/todo/lists'))).toBe(404);
    await client!.close();
    await tenant!.close();
    const refused = await connect(['Mail.Read', 'User.Read.All']);
    expect(await status(refused.get('/groups/group-1/planner/plans'))).toBe(403);
    expect(await status(refused.get(`/users/${VA.id}/todo/lists`))).toBe(403);
  });

  it('injects 429s into Planner reads as into the mailbox endpoints', async () => {
    const graph = await connect('basic', { rate: 1, seed: 1, kinds: [429], retryAfterSeconds: 7 });
    const error = await graph.get(`/planner/plans/${PLAN}/tasks`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).statusCode).toBe(429);
    expect(tenant!.graphStats.faultsByKind.get(429)).toBe(1);
  });
});
