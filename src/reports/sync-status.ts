// Where a pairing's sync stands, for the tab's empty and error states: the mailbox's (never synced, still
// backfilling with how far it got, synced, or failing with the recorded error) and how much mail is stored,
// and, for a pairing with a task source, the task sync's failure, explained in the pairing's language as the
// mailbox's is (src/graph/sync-errors.ts).
import type { Queryable } from '../store/database.ts';
import { countMessages } from '../store/messages.ts';
import type { Pairing } from '../store/pairings.ts';
import { syncProgressOf, type SyncProgress } from '../store/sync-position.ts';
import { readSyncState, SYNC_SCOPES, type SyncState } from '../store/sync-state.ts';

export interface SyncStatus {
  readonly state: 'pending' | 'backfilling' | 'synced' | 'error';
  readonly progress: SyncProgress | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly lastErrorAt: number | null;
  readonly messagesStored: number;
  /** Why the last task sync failed, while it has not succeeded since; null without a task source. */
  readonly tasksError: string | null;
}

/** The recorded error when the last run failed (no success since); null otherwise. */
function failure(state: SyncState | null): { message: string; at: number | null } | null {
  const failing = state?.lastError != null && (state.lastSuccessAt === null || (state.lastErrorAt ?? 0) > state.lastSuccessAt);
  return failing ? { message: state!.lastError!, at: state!.lastErrorAt } : null;
}

export async function syncStatus(db: Queryable, pairing: Pairing): Promise<SyncStatus> {
  const [state, tasks, messages] = await Promise.all([
    readSyncState(db, pairing.id, SYNC_SCOPES.mailbox),
    pairing.settings.taskSource === 'none' ? null : readSyncState(db, pairing.id, SYNC_SCOPES.tasks),
    countMessages(db, pairing.id),
  ]);
  const failed = failure(state);
  const progress = syncProgressOf(state?.position);
  const synced = state?.lastSuccessAt != null;
  return {
    state: failed ? 'error' : synced && progress?.phase === 'backfill' ? 'backfilling' : synced ? 'synced' : 'pending',
    progress,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastError: failed?.message ?? null,
    lastErrorAt: failed?.at ?? null,
    messagesStored: messages,
    tasksError: failure(tasks)?.message ?? null,
  };
}
