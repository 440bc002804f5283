// The task ports: which Planner plans and To Do lists a pairing may choose as its task source, and one step at
// a time of the chosen one for the completion KPI. The sync job stores what each step returns; it never sees
// Graph itself.
import type { TaskSourceKind } from '../kpi/settings.ts';
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
  /** The pairing's language (a tag such as `da-DK`): a failure is explained in it. */
  readonly locale: string;
  /** What the previous step returned, as stored (null: first sync, or the source changed). */
  readonly position: unknown;
}

export interface SyncedTask extends TaskMeta {
  readonly etag: string | null;
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

/** The people of a pairing whose plans and lists can be chosen: Entra object ids (or sign-in names). */
export interface TaskChoicesRequest {
  readonly owner: string;
  /** Null: no VA known yet, only the owner's are listed. */
  readonly va: string | null;
}

export type { TaskSourceKind };
/** Whose a plan or list is: the owner's, the VA's, or both's (a plan of a group both belong to, a list they share). */
export type TaskChoiceHolder = 'owner' | 'va' | 'both';

export interface TaskChoice {
  /** The taskSource that chooses it: `planner:<planId>` or `todo:<listId>`. */
  readonly source: string;
  readonly kind: TaskSourceKind;
  /** The plan's title or the list's display name, as its people named it. */
  readonly name: string;
  readonly of: TaskChoiceHolder;
}

/**
 * Why the choices could not be listed: `consent`, Graph refused (a permission not granted, or an access policy);
 * `unavailable`, anything else (Graph down, throttled past the retries, no task source in this deployment).
 */
export type TaskChoicesFailure = 'consent' | 'unavailable';

export interface TaskChoiceList {
  /** Planner plans first, then To Do lists, each by name; every source once. */
  readonly choices: readonly TaskChoice[];
  /** Null when listed; otherwise `choices` is empty and only "none" can be chosen. */
  readonly failure: TaskChoicesFailure | null;
}

export interface TaskChoices {
  /** Never throws: a failure is part of the answer, so a picker can always offer "none". */
  list(request: TaskChoicesRequest): Promise<TaskChoiceList>;
}
