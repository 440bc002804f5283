// Where a pairing's mailbox sync stands, for the tab's empty and error states: never synced, still
// backfilling (with how far it got), synced, or failing (with the recorded error), and how much mail is stored.
import type { Queryable } from '../store/database.ts';
import { countMessages } from '../store/messages.ts';
import { syncProgressOf, type SyncProgress } from '../store/sync-position.ts';
import { readSyncState, SYNC_SCOPES } from '../store/sync-state.ts';

export interface SyncStatus {
  readonly state: 'pending' | 'backfilling' | 'synced' | 'error';
  readonly progress: SyncProgress | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly lastErrorAt: number | null;
  readonly messagesStored: number;
}

export async function syncStatus(db: Queryable, pairingId: string): Promise<SyncStatus> {
  const [state, messages] = await Promise.all([readSyncState(db, pairingId, SYNC_SCOPES.mailbox), countMessages(db, pairingId)]);
  const failing = state?.lastError != null && (state.lastSuccessAt === null || (state.lastErrorAt ?? 0) > state.lastSuccessAt);
  const progress = syncProgressOf(state?.position);
  const synced = state?.lastSuccessAt != null;
  return {
    state: failing ? 'error' : synced && progress?.phase === 'backfill' ? 'backfilling' : synced ? 'synced' : 'pending',
    progress,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastError: failing ? state!.lastError : null,
    lastErrorAt: failing ? state!.lastErrorAt : null,
    messagesStored: messages,
  };
}
