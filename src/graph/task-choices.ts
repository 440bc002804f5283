// The task sources a pairing may choose (docs/kpi.md §11): the Planner plans and To Do lists of its owner and its
// VA, read with the application permissions Tandem already holds.
//
// Planner: `GET /users/{id}/planner/plans` would list a person's plans, but it takes delegated permissions only
// (https://learn.microsoft.com/graph/api/planneruser-list-plans: "Application: Not supported"), and Tandem reads
// as itself. Plans belong to Microsoft 365 groups, so the person's groups are listed first,
// `GET /users/{id}/transitiveMemberOf/microsoft.graph.group` (https://learn.microsoft.com/graph/api/user-list-transitivememberof:
// application permission User.Read.All; the OData cast keeps groups only; pages of up to 999 with `$top`), then
// each group's plans, `GET /groups/{id}/planner/plans` (https://learn.microsoft.com/graph/api/plannergroup-list-plans:
// Tasks.Read.All), in JSON batches of 20. With User.Read.All alone Graph gives a group's id and type only
// ("limited information", same page), which is all this needs: the plan's own `title` names it. A group
// that holds no plans (a security group, a distribution list) may answer 403 or 404 rather than an empty
// list (Planner's common errors, same page): it is skipped, not a failure.
//
// To Do: `GET /users/{id}/todo/lists` (https://learn.microsoft.com/graph/api/todo-list-lists: Tasks.Read.All),
// the lists in the person's mailbox. A person without one (no Exchange Online licence) answers 404 and has none.
//
// Every page's `@odata.nextLink` is followed; throttling and transient errors are retried by the client and
// the batch (src/graph/throttle-retry.ts, src/graph/batch.ts). A plan both people's groups hold, or a list
// shared between them, is offered once, as both people's.
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { TaskChoice, TaskChoiceHolder, TaskSourceKind, TaskChoiceList, TaskChoices, TaskChoicesRequest } from '../ports/tasks.ts';
import { batchGet, okBody, type BatchOptions } from './batch.ts';
import { GraphError, type GraphClient } from './graph-client.ts';

/** Graph's largest page of directory objects. */
export const MEMBER_PAGE_SIZE = 999;

const pageSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().nullish() });
const idSchema = z.object({ id: z.string().min(1) });
const planSchema = z.object({ id: z.string().min(1), title: z.string().nullish() });
const listSchema = z.object({ id: z.string().min(1), displayName: z.string().nullish() });

export interface GraphTaskChoicesOptions {
  readonly graph: Pick<GraphClient, 'get' | 'post'>;
  readonly logger: Logger;
  /** Waits and randomness of batch retries (tests make them instant and seeded). */
  readonly batch?: Omit<BatchOptions, 'logger'>;
}

type Person = 'owner' | 'va';
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const PEOPLE: readonly Person[] = ['owner', 'va'];
const holderOf = (people: ReadonlySet<Person>): TaskChoiceHolder => (people.size === 2 ? 'both' : people.has('owner') ? 'owner' : 'va');

/** Not there for this person or group: nothing to offer from it. */
const absent = (error: unknown) => error instanceof GraphError && error.statusCode === 404;

export function graphTaskChoices(options: GraphTaskChoicesOptions): TaskChoices {
  const { graph, logger } = options;
  const batchOptions: BatchOptions = { ...options.batch, logger };

  /** Every item of a collection from its first page on. */
  async function rest(first: unknown): Promise<unknown[]> {
    let page = pageSchema.parse(first);
    const items = [...page.value];
    while (page['@odata.nextLink']) {
      page = pageSchema.parse(await graph.get(page['@odata.nextLink']));
      items.push(...page.value);
    }
    return items;
  }

  async function listed(path: string): Promise<unknown[]> {
    try {
      return await rest(await graph.get(path));
    } catch (error) {
      if (absent(error)) return [];
      throw error;
    }
  }

  const user = (id: string) => `/users/${encodeURIComponent(id)}`;
  const groupsOf = async (id: string) => (await listed(`${user(id)}/transitiveMemberOf/microsoft.graph.group?$select=id&$top=${MEMBER_PAGE_SIZE}`)).map((item) => idSchema.parse(item).id);
  const listsOf = async (id: string) => (await listed(`${user(id)}/todo/lists`)).map((item) => listSchema.parse(item));

  /** The plans of each group, in one batch per 20 groups; a group without plans gives none. */
  async function plansOf(groupIds: readonly string[]): Promise<Array<z.infer<typeof planSchema>[]>> {
    const requests = groupIds.map((id) => ({ url: `/groups/${encodeURIComponent(id)}/planner/plans` }));
    const answers = await batchGet(graph, requests, batchOptions);
    return Promise.all(
      answers.map(async (answer, index) => {
        if (answer.status === 403 || answer.status === 404) {
          logger.info('task_choices_group_skipped', { group: groupIds[index], status: answer.status });
          return [];
        }
        return (await rest(okBody(answer, requests[index]!.url))).map((item) => planSchema.parse(item));
      }),
    );
  }

  async function choices(request: TaskChoicesRequest): Promise<TaskChoice[]> {
    const people = PEOPLE.flatMap((holder) => {
      const id = holder === 'owner' ? request.owner : request.va;
      return id === null || (holder === 'va' && id.toLowerCase() === request.owner.toLowerCase()) ? [] : [{ holder, id }];
    });
    const found = new Map<string, { kind: TaskSourceKind; name: string; holders: Set<Person> }>();
    const offer = (kind: TaskSourceKind, id: string, name: string | null | undefined, holders: Iterable<Person>) => {
      const source = `${kind}:${id}`;
      const entry = found.get(source) ?? { kind, name: name?.trim() || id, holders: new Set<Person>() };
      for (const holder of holders) entry.holders.add(holder);
      found.set(source, entry);
    };

    const [groups, lists] = await Promise.all([Promise.all(people.map((person) => groupsOf(person.id))), Promise.all(people.map((person) => listsOf(person.id)))]);
    const groupHolders = new Map<string, Set<Person>>();
    people.forEach((person, index) => {
      for (const group of groups[index]!) groupHolders.set(group, (groupHolders.get(group) ?? new Set()).add(person.holder));
    });
    const groupIds = [...groupHolders.keys()];
    (await plansOf(groupIds)).forEach((plans, index) => {
      for (const plan of plans) offer('planner', plan.id, plan.title, groupHolders.get(groupIds[index]!)!);
    });
    people.forEach((person, index) => {
      for (const list of lists[index]!) offer('todo', list.id, list.displayName, [person.holder]);
    });

    return [...found]
      .map(([source, entry]) => ({ source, kind: entry.kind, name: entry.name, of: holderOf(entry.holders) }))
      .sort((a, b) => (a.kind === b.kind ? byName.compare(a.name, b.name) || a.source.localeCompare(b.source) : a.kind === 'planner' ? -1 : 1));
  }

  return {
    async list(request) {
      try {
        return { choices: await choices(request), failure: null } satisfies TaskChoiceList;
      } catch (error) {
        // A refusal is the tenant's choice (consent not granted, an access policy): said plainly, not logged as a fault.
        if (error instanceof GraphError && (error.statusCode === 401 || error.statusCode === 403)) {
          logger.info('task_choices_refused', { status: error.statusCode, code: error.code });
          return { choices: [], failure: 'consent' };
        }
        logger.warn('task_choices_failed', { message: error instanceof Error ? error.message : String(error) });
        return { choices: [], failure: 'unavailable' };
      }
    },
  };
}
