// The dev tenant's Planner plans and To Do lists: the seed's task timeline applied as the simulated clock
// advances, every change numbered so a To Do delta round can list what changed since the last one.
import type { DevGroup, DevTask, DevTaskEvent, DevTaskSeed } from './task-seed.ts';

export interface StoredTask {
  readonly task: DevTask;
  readonly container: { readonly kind: 'plan' | 'list'; readonly id: string };
  title: string;
  createdAt: number;
  modifiedAt: number;
  completedAt: number | null;
  /** Bumped by every change: the etag's source. */
  version: number;
  deleted: boolean;
  /** Sequence number of its latest change. */
  changedAt: number;
}

export class TaskStore {
  readonly plans: ReadonlyMap<string, DevTaskSeed['plans'][number]>;
  readonly lists: ReadonlyMap<string, DevTaskSeed['lists'][number]>;
  readonly groups: ReadonlyMap<string, DevGroup>;
  private readonly tasks = new Map<string, StoredTask>();
  private readonly events: readonly DevTaskEvent[];
  private nextEvent = 0;
  private seq = 0;

  constructor(seed: DevTaskSeed | undefined, start: number) {
    this.plans = new Map((seed?.plans ?? []).map((plan) => [plan.id, plan]));
    this.lists = new Map((seed?.lists ?? []).map((list) => [list.id, list]));
    this.groups = new Map((seed?.groups ?? []).map((group) => [group.id, group]));
    this.events = [...(seed?.events ?? [])].sort((a, b) => a.at - b.at);
    this.advanceTo(start);
  }

  /** Applies every event due by `ms`, in order. */
  advanceTo(ms: number): void {
    for (let event = this.events[this.nextEvent]; event && event.at <= ms; event = this.events[++this.nextEvent]) this.apply(event);
  }

  /** The change log's position: a delta round started now sees changes numbered above it. */
  position(): number {
    return this.seq;
  }

  /** The tasks of a plan or list, deleted ones included (callers filter). */
  tasksOf(kind: 'plan' | 'list', id: string): StoredTask[] {
    return [...this.tasks.values()].filter((stored) => stored.container.kind === kind && stored.container.id === id);
  }

  get(id: string): StoredTask | undefined {
    return this.tasks.get(id);
  }

  private apply(event: DevTaskEvent): void {
    if (event.kind === 'create') {
      const container = 'planId' in event.container ? { kind: 'plan' as const, id: event.container.planId } : { kind: 'list' as const, id: event.container.listId };
      if (container.kind === 'plan' ? !this.plans.has(container.id) : !this.lists.has(container.id)) throw new Error(`task ${event.task.id} names an unknown ${container.kind} ${container.id}`);
      if (this.tasks.has(event.task.id)) throw new Error(`task ${event.task.id} is created twice`);
      this.tasks.set(event.task.id, { task: event.task, container, title: event.task.title, createdAt: event.at, modifiedAt: event.at, completedAt: null, version: 1, deleted: false, changedAt: ++this.seq });
      return;
    }
    const stored = this.tasks.get(event.taskId);
    if (!stored || stored.deleted) throw new Error(`event ${event.kind} at ${new Date(event.at).toISOString()} names task ${event.taskId}, which does not exist then`);
    if (event.kind === 'complete') stored.completedAt = event.at;
    else if (event.kind === 'reopen') stored.completedAt = null;
    else if (event.kind === 'rename') stored.title = event.title;
    else stored.deleted = true;
    stored.version++;
    stored.modifiedAt = event.at;
    stored.changedAt = ++this.seq;
  }
}
