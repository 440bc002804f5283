// The bot leaving and rejoining a pairing's chat: removed, the pairing's schedules stop (its data stays until
// offboarding); added back, they resume with the chat's current reference. Teams tells us, not a person, so
// there is no one to authorise: the chat's own events are the authority.
import { appendAudit } from '../store/audit.ts';
import { atomically } from '../store/atomically.ts';
import { resumePairing, stopPairing, type Pairing } from '../store/pairings.ts';
import type { ActionContext } from './action.ts';

export async function chatRemoved(ctx: ActionContext, pairing: Pairing): Promise<void> {
  await atomically(ctx.db, async (tx) => {
    await stopPairing(tx, pairing.id);
    await appendAudit(tx, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'system', action: 'pairing_stopped', details: { reason: 'bot_removed' } });
  });
  await ctx.changes.announce(pairing.id);
  ctx.log.info('pairing_stopped', { pairingId: pairing.id, reason: 'bot_removed' });
}

export async function chatRejoined(ctx: ActionContext, pairing: Pairing, conversationRef: unknown): Promise<void> {
  await atomically(ctx.db, async (tx) => {
    await resumePairing(tx, pairing.id, conversationRef);
    await appendAudit(tx, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'system', action: 'pairing_resumed', details: {} });
  });
  await ctx.changes.announce(pairing.id);
  ctx.log.info('pairing_resumed', { pairingId: pairing.id });
}
