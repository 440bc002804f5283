// Where the pairing's mailbox sync stands, for the tab's empty and error states: never synced, still
// backfilling (with how far it got), synced, or failing (with the recorded error), and how much mail is stored.
import { Hono } from 'hono';
import { syncProgressOf } from '../../graph/sync-position.ts';
import { countMessages } from '../../store/messages.ts';
import { readSyncState } from '../../store/sync-state.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';

/** The scope the mailbox sync records under (src/jobs/sync.ts). */
const MAILBOX_SCOPE = 'mailbox';

export function syncRoutes({ db }: RouteDependencies) {
  return new Hono<ApiEnv>().get('/sync', async (c) => {
    const id = c.get('pairing').id;
    const [state, messages] = [await readSyncState(db, id, MAILBOX_SCOPE), await countMessages(db, id)];
    const failing = state?.lastError != null && (state.lastSuccessAt === null || (state.lastErrorAt ?? 0) > state.lastSuccessAt);
    const progress = syncProgressOf(state?.position);
    const synced = state?.lastSuccessAt != null;
    return c.json({
      state: failing ? 'error' : synced && progress?.phase === 'backfill' ? 'backfilling' : synced ? 'synced' : 'pending',
      progress,
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastError: failing ? state!.lastError : null,
      lastErrorAt: failing ? state!.lastErrorAt : null,
      messagesStored: messages,
    });
  });
}
