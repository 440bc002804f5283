// Where the pairing's mailbox sync stands, for the tab's empty and error states: never synced, synced, or
// failing (with the recorded error), and how much mail is stored so far.
import { Hono } from 'hono';
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
    return c.json({
      state: failing ? 'error' : state?.lastSuccessAt != null ? 'synced' : 'pending',
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastError: failing ? state!.lastError : null,
      lastErrorAt: failing ? state!.lastErrorAt : null,
      messagesStored: messages,
    });
  });
}
