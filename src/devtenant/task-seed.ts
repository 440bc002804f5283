// The seed's tasks: a Planner plan and a To Do list, and a timeline of what happens to their tasks, applied
// by the dev Graph as simulated time passes, with the completion KPI the generator expects (ground truth).

/** A task as created. Planner's due is an instant; To Do's is the date the person picked (`YYYY-MM-DD`). */
export interface DevTask {
  readonly id: string;
  readonly title: string;
  /** Planner: `dueDateTime` as epoch ms. */
  readonly dueAt?: number;
  /** To Do: the due date, stored as midnight in the list owner's zone, as To Do stores a picked date. */
  readonly dueDate?: string;
  /** Planner: the Entra object ids it is assigned to. */
  readonly assignees?: readonly string[];
}

export type TaskContainer = { readonly planId: string } | { readonly listId: string };

export type DevTaskEvent =
  | { readonly at: number; readonly kind: 'create'; readonly container: TaskContainer; readonly task: DevTask }
  /** Planner: percentComplete 100 and completedDateTime `at`; To Do: status completed. */
  | { readonly at: number; readonly kind: 'complete'; readonly taskId: string }
  /** Planner: back to 50 %; To Do: back to notStarted. Either way no completion time. */
  | { readonly at: number; readonly kind: 'reopen'; readonly taskId: string }
  /** A change the KPI does not care about: the etag changes, the status does not. */
  | { readonly at: number; readonly kind: 'rename'; readonly taskId: string; readonly title: string }
  | { readonly at: number; readonly kind: 'delete'; readonly taskId: string };

/** The expected completion KPI of one ISO week, in the engine's terms (`TaskWeek` without rate and met). */
export interface ExpectedTaskWeek {
  readonly week: string;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly open: number;
  readonly excluded: Readonly<Record<'noDueDate' | 'notVa' | 'paused' | 'deleted', number>>;
}

export interface DevTaskSeed {
  /** Each plan belongs to a Microsoft 365 group (`groups`, when the seed names it). */
  readonly plans: readonly { readonly id: string; readonly title: string; readonly groupId: string }[];
  /**
   * `timeZone`: the list owner's mailbox zone (IANA), where a due date is midnight. `wellknownListName`: To Do's
   * own lists (the default "Tasks", flagged e-mail); absent for a list the person made.
   */
  readonly lists: readonly { readonly id: string; readonly userId: string; readonly displayName: string; readonly timeZone: string; readonly wellknownListName?: 'defaultList' | 'flaggedEmails' }[];
  /** The groups people are members of (Entra object ids); `unified` for a Microsoft 365 group, which can hold plans. */
  readonly groups?: readonly DevGroup[];
  /** Sorted by `at`. */
  readonly events: readonly DevTaskEvent[];
  /** Per source (`planner:<id>`, `todo:<id>`), at the seed's `groundTruth.evaluatedAt`. */
  readonly groundTruth: Readonly<Record<string, readonly ExpectedTaskWeek[]>>;
}

export interface DevGroup {
  readonly id: string;
  readonly displayName: string;
  readonly unified: boolean;
  readonly memberIds: readonly string[];
}
