// One mailbox sync for a pairing: new and changed metadata from the MailboxSource into the store, with the
// sync position kept as versioned data; a failure is recorded for the tab, never swallowed.
import { upsertMessages } from '../store/messages.ts';
import { getPairing } from '../store/pairings.ts';
import { readSyncState, recordSyncError, recordSyncSuccess } from '../store/sync-state.ts';
import type { DeliveryContext } from './deliveries.ts';

const SCOPE = 'mailbox';

export async function syncPairing(ctx: DeliveryContext, pairingId: string): Promise<number> {
  const pairing = await getPairing(ctx.db, pairingId);
  if (pairing === null || pairing.stoppedAt !== null) return 0;
  const state = await readSyncState(ctx.db, pairingId, SCOPE);
  try {
    const result = await ctx.mailbox.sync(pairing.mailbox, state?.position ?? null);
    const stored = await upsertMessages(ctx.db, pairingId, result.messages);
    await recordSyncSuccess(ctx.db, pairingId, SCOPE, result.position);
    return stored;
  } catch (error) {
    await recordSyncError(ctx.db, pairingId, SCOPE, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
