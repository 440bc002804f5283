// The task port: one step at a time of a pairing's task source (a Planner plan or a To Do list) for the
// completion KPI. The sync job stores what each step returns; it never sees Graph itself.
import type { TaskMeta } from '../kpi/tasks.ts';

export interface TaskSyncRequest {
  /** The pairing's taskSource: `planner:<planId>` or `todo:<listId>`. */
  readonly source: string;
  /**
   * Whose To Do account may hold the list, in the order to try (the owner's mailbox, then the VA): a list
   * may live in either account (docs/kpi.md §11). Planner plans belong to groups and ignore this.
   */
  readonly users: readonly string[];
  /** The VA's Entra object id: Planner assigns by it. Null: no Planner task can be the VA's. */
  readonly vaUserId: string | null;
  /** The pairing's zone (Windows or IANA), in which To Do is asked for its dates. */
  readonly timeZone: string;
  /** What the previous step returned, as stored (null: first sync, or the source changed). */
  readonly position: unknown;
}

export interface SyncedTask extends TaskMeta {
  readonly etag: string | null;
  readonly webUrl: string | null;
}

export interface TaskSyncStep {
  /** Tasks new or changed since the previous step. */
  readonly tasks: readonly SyncedTask[];
  /** Ids the source reported removed. */
  readonly removed: readonly string[];
  /**
   * When this step ended a round that listed the whole plan or list: every id listed, so whatever is stored
   * and not among them is gone. Null otherwise (a page of a round, or a round of changes only).
   */
  readonly listedAll: readonly string[] | null;
  /** When the source was read: the removal time of whatever this step finds gone. */
  readonly at: number;
  /** Versioned position to store with this step and hand back next time. */
  readonly position: unknown;
  /** The round has further pages: store this step, then ask again. */
  readonly more: boolean;
}

export interface TaskSource {
  sync(request: TaskSyncRequest): Promise<TaskSyncStep>;
}
