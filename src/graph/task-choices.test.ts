// The task sources on offer, read from the dev tenant's Graph as from Entra's: the owner's and the VA's groups'
// plans and their To Do lists, every page followed, each source once with whose it is; throttling retried;
// a refusal (no Tasks.Read.All, no User.Read.All) or an outage reported as such, never thrown.
import { afterEach, describe, expect, it } from 'vitest';
import { devTenantMaterial, noWait } from '../../test/support/dev-tenant-client.ts';
import { devSeed, OWNER, VA } from '../../test/support/dev-tenant-seed.ts';
import { startDevTenant, type DevTenant } from '../devtenant/dev-tenant.ts';
import type { FaultConfig } from '../devtenant/graph-faults.ts';
import type { DevTaskSeed } from '../devtenant/task-seed.ts';
import type { TenantSeed } from '../devtenant/tenant-seed.ts';
import { recordingLogger } from '../../test/support/tab-tokens.ts';
import { createAppAuth } from './auth.ts';
import { createGraphClient, type GraphClient } from './graph-client.ts';
import { graphTaskChoices } from './task-choices.ts';

const SHARED_GROUP = '5a0e0000-0000-4000-8000-000000000001';
const OWNER_GROUP = '5a0e0000-0000-4000-8000-000000000002';
const SECURITY_GROUP = '5a0e0000-0000-4000-8000-000000000003';
const BIG_GROUP = '5a0e0000-0000-4000-8000-000000000004';
/** One more than Planner's fixed page of 400, so the group's plans come in two pages. */
const BIG_PLANS = 401;
/** The dev tenant pages To Do lists by 10: 23 lists are three pages. */
const VA_LISTS = 23;
const pad = (n: number) => String(n).padStart(3, '0');

const tasks: DevTaskSeed = {
  plans: [
    { id: 'planShared', title: 'Assistant tasks', groupId: SHARED_GROUP },
    { id: 'planBoard', title: 'Board meeting prep', groupId: OWNER_GROUP },
    ...Array.from({ length: BIG_PLANS }, (_, i) => ({ id: `planBulk${pad(i + 1)}`, title: `Project ${pad(i + 1)}`, groupId: BIG_GROUP })),
  ],
  lists: [
    { id: 'listOwnerTasks', userId: OWNER.id, displayName: 'Tasks', timeZone: 'Europe/Berlin', wellknownListName: 'defaultList' },
    ...Array.from({ length: VA_LISTS }, (_, i) => ({ id: `listVa${pad(i + 1)}`, userId: VA.id, displayName: `Errands ${pad(i + 1)}`, timeZone: 'Europe/London' })),
  ],
  groups: [
    { id: SHARED_GROUP, displayName: 'Assistant tasks', unified: true, memberIds: [OWNER.id, VA.id] },
    { id: OWNER_GROUP, displayName: 'Leadership', unified: true, memberIds: [OWNER.id] },
    // A security group holds no plans: Planner answers 404 for it, and it is skipped.
    { id: SECURITY_GROUP, displayName: 'All staff', unified: false, memberIds: [OWNER.id, VA.id] },
    { id: BIG_GROUP, displayName: 'Projects', unified: true, memberIds: [VA.id] },
  ],
  events: [],
  groundTruth: {},
};
const seed: TenantSeed = { ...devSeed(), tasks };

/** What the listing must give, written out from the seed above: plans by title, then lists by name. */
const EXPECTED = [
  { source: 'planner:planShared', kind: 'planner', name: 'Assistant tasks', of: 'both' },
  { source: 'planner:planBoard', kind: 'planner', name: 'Board meeting prep', of: 'owner' },
  ...Array.from({ length: BIG_PLANS }, (_, i) => ({ source: `planner:planBulk${pad(i + 1)}`, kind: 'planner', name: `Project ${pad(i + 1)}`, of: 'va' })),
  ...Array.from({ length: VA_LISTS }, (_, i) => ({ source: `todo:listVa${pad(i + 1)}`, kind: 'todo', name: `Errands ${pad(i + 1)}`, of: 'va' })),
  { source: 'todo:listOwnerTasks', kind: 'todo', name: 'Tasks', of: 'owner' },
];

let tenant: DevTenant | undefined;
let client: GraphClient | undefined;
afterEach(async () => {
  await client?.close();
  await tenant?.close();
  client = tenant = undefined;
});

async function choicesFrom(options: { roles?: readonly string[]; faults?: FaultConfig; maxRetries?: number } = {}) {
  tenant = await startDevTenant({ ...(await devTenantMaterial()), seed, roles: options.roles ?? 'basic', ...(options.faults ? { faults: options.faults } : {}) });
  const retries = { ...noWait, maxRetries: options.maxRetries ?? 8 };
  client = createGraphClient({ auth: createAppAuth(tenant.authConfig), baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, retry: retries });
  const log = recordingLogger();
  return { port: graphTaskChoices({ graph: client, logger: log, batch: retries }), log, stats: tenant.graphStats };
}

describe('the task sources Graph lists for a pairing', () => {
  it('lists both people’s plans (every page, security groups skipped) and lists (every page), each once with whose it is', async () => {
    const { port, stats } = await choicesFrom();
    const listed = await port.list({ owner: OWNER.id, va: VA.id });
    expect(listed.failure).toBeNull();
    expect(listed.choices).toEqual(EXPECTED);
    const paths = stats.requests.map((request) => `${request.path}?${request.query}`);
    // Planner's second page of the big group, and the VA's lists in three pages, were asked for by their nextLinks.
    expect(paths.filter((path) => path.includes(`/groups/${BIG_GROUP}/planner/plans`) && path.includes('$skiptoken='))).toHaveLength(1);
    expect(paths.filter((path) => path.includes(`/users/${VA.id}/todo/lists`))).toHaveLength(3);
    // The groups' plans went out in JSON batches, not one request each.
    expect(stats.requests.filter((request) => request.path === '/v1.0/$batch')).toHaveLength(1);
  });

  it('gives the same choices when a third of the requests are throttled (429 with Retry-After)', async () => {
    const { port, stats } = await choicesFrom({ faults: { rate: 0.3, seed: 19, kinds: [429] } });
    expect(await port.list({ owner: OWNER.id, va: VA.id })).toEqual({ choices: EXPECTED, failure: null });
    expect(stats.faultsByKind.get(429)).toBeGreaterThan(0);
  });

  it('lists the owner’s alone when there is no VA yet, or the VA is not in the directory', async () => {
    const { port } = await choicesFrom();
    const ownerOnly = EXPECTED.filter((choice) => choice.of !== 'va').map((choice) => ({ ...choice, of: 'owner' }));
    expect(await port.list({ owner: OWNER.id, va: null })).toEqual({ choices: ownerOnly, failure: null });
    expect(await port.list({ owner: OWNER.id, va: 'nobody@contoso.test' })).toEqual({ choices: ownerOnly, failure: null });
  });

  it('says "consent" when Graph refuses (no Tasks.Read.All, or no User.Read.All), and logs it as the tenant’s choice', async () => {
    for (const roles of [['Mail.Read', 'User.Read.All'], ['Mail.Read', 'Tasks.Read.All']]) {
      const { port, log } = await choicesFrom({ roles });
      expect(await port.list({ owner: OWNER.id, va: VA.id }), roles.join()).toEqual({ choices: [], failure: 'consent' });
      expect(log.lines).toContainEqual(expect.objectContaining({ event: 'task_choices_refused', fields: expect.objectContaining({ status: 403 }) }));
      await client!.close();
      await tenant!.close();
      client = tenant = undefined;
    }
  });

  it('says "unavailable" when Graph keeps failing past the retries, and logs why', async () => {
    const { port, log } = await choicesFrom({ faults: { rate: 1, seed: 3, kinds: [503] }, maxRetries: 1 });
    expect(await port.list({ owner: OWNER.id, va: VA.id })).toEqual({ choices: [], failure: 'unavailable' });
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'task_choices_failed' }));
  });
});
