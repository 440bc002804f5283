// The bot leaving and rejoining a pairing's chat: removed, the pairing's schedules stop (its data stays until
// offboarding); added back, they resume with the chat's current reference. And the Teams user ids and display names of the
// owner and the VA, as the chat shows them. Teams tells us, not a person, so there is no one to authorise: the chat's own
// events are the authority.
import { appendAudit } from '../store/audit.ts';
import { atomically } from '../store/atomically.ts';
import { rememberChatAccount, resumePairing, stopPairing, type Pairing } from '../store/pairings.ts';
import { teamsUserId } from './setup.ts';
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

/** A chat account Teams showed the bot: its Teams user id, display name and, for a person, their Entra object id. */
export interface SeenAccount {
  readonly id: string;
  readonly name?: string | undefined;
  readonly aadObjectId?: string | undefined;
}

/** A display name worth keeping: Teams sends the id in its place when it has none, and names are short. */
export function shownName(account: { readonly id: string; readonly name?: string | null | undefined }): string | null {
  const name = account.name?.trim() ?? '';
  return name === '' || name === account.id || name.length > 256 ? null : name;
}

/**
 * Stores the Teams user id and display name of the owner or the VA when an account the chat showed is theirs
 * (matched by Entra object id) and either differs from the one stored; ids that are not a user's `29:…` id are
 * ignored. Audited only when something changed, since every turn of theirs shows them again.
 */
export async function membersSeen(ctx: ActionContext, pairing: Pairing, accounts: readonly SeenAccount[]): Promise<void> {
  const seen = (['owner', 'va'] as const).flatMap((role) => {
    const userId = pairing[role].userId;
    const account = userId === null ? undefined : accounts.find((candidate) => candidate.aadObjectId === userId && teamsUserId.safeParse(candidate.id).success);
    if (account === undefined) return [];
    const name = shownName(account);
    return account.id === pairing[role].mri && (name === null || name === pairing[role].name) ? [] : [{ role, mri: account.id, name }];
  });
  // Nearly every turn: nothing new, and no transaction opened for it.
  if (seen.length === 0) return;
  const learned = await atomically(ctx.db, async (tx) => {
    const changed: Array<'owner' | 'va'> = [];
    for (const { role, ...account } of seen) if (await rememberChatAccount(tx, pairing.id, role, account)) changed.push(role);
    if (changed.length > 0) await appendAudit(tx, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'system', action: 'chat_ids_learned', details: { roles: changed } });
    return changed;
  });
  if (learned.length === 0) return;
  await ctx.changes.announce(pairing.id);
  ctx.log.info('chat_ids_learned', { pairingId: pairing.id, roles: learned });
}
