// Setting a pairing up from its Teams chat: the owner, signed in to the chat's tenant, names themself, the VA,
// the mailbox and the settings. A pairing set up outside any chat for the same tenant, mailbox and people is
// taken over by the chat (its history becomes the chat's); otherwise a new one is created. Linking and the
// form's settings land together or not at all, with one audit line. The mailbox must be the owner's own (one
// of their addresses in the directory); any other (a shared mailbox, a colleague's) waits for a tenant admin's
// approval before the sync may read it, so a chat member cannot make Tandem read someone else's mail.
import { z } from 'zod';
import { emailAddress } from '../kpi/address.ts';
import { parseSettings, type Settings } from '../kpi/settings.ts';
import { appendAudit } from '../store/audit.ts';
import { atomically } from '../store/atomically.ts';
import { approveMailbox, createPairing, linkPairingToChat, updateSettings, type Pairing } from '../store/pairings.ts';
import { ensureTenant, getTenant } from '../store/tenants.ts';
import type { Directory } from '../ports/directory.ts';
import type { Actor } from '../reports/access.ts';
import { ActionError, invalidInput, type ActionContext } from './action.ts';
import { requireTaskSource } from './settings.ts';

/** A Teams user id as the chat's roster gives it: refresh.userIds takes these and nothing else. */
export const teamsUserId = z.string().regex(/^29:[^\s\u0000-\u001f]{1,200}$/);
const person = z.strictObject({
  address: emailAddress(),
  userId: z.string().min(1).max(200),
  mri: teamsUserId.nullable().default(null),
  /** The display name the roster shows, when it shows one. */
  name: z.string().trim().min(1).max(256).nullable().default(null),
});

export const setupInput = z.strictObject({
  tenantId: z.string().min(1).max(200),
  mailbox: emailAddress(),
  owner: person,
  va: person,
  /** Any of the spec's settings; the rest take their defaults (a pairing taken over keeps its own). */
  settings: z.record(z.string(), z.unknown()),
  /** The chat's starting language. */
  locale: z.string().min(2).max(35),
  /** The chat's conversation reference, for proactive posts. */
  conversationRef: z.unknown(),
});
export type SetupInput = z.input<typeof setupInput>;

/** The settings the set-up form sets, over a pairing's own (the rest, such as working days, stay). */
function formSettings(chosen: Settings, current: Settings): Partial<Settings> {
  return {
    responseTargetPct: chosen.responseTargetPct,
    windowHours: chosen.windowHours,
    timeZone: chosen.timeZone,
    workingHours: { ...current.workingHours, startTime: chosen.workingHours.startTime, endTime: chosen.workingHours.endTime },
    inboxZeroDay: chosen.inboxZeroDay,
    inboxZeroCutoff: chosen.inboxZeroCutoff,
    // "None" on the card is its default, not a decision: a source an operator chose stays.
    ...(chosen.taskSource === 'none' ? {} : { taskSource: chosen.taskSource }),
  };
}

export async function setUpPairing(ctx: ActionContext & { readonly directory: Directory }, actor: Actor, raw: SetupInput): Promise<{ pairing: Pairing; linked: boolean }> {
  const parsed = setupInput.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  if (input.owner.userId !== actor.userId || input.tenantId !== actor.tenantId) {
    throw new ActionError('forbidden', 'notOwner', 'Only the owner can set up Tandem for their mailbox.');
  }
  if (input.owner.userId === input.va.userId) throw new ActionError('invalid', 'same', 'The owner and the VA must be two people.', 'va');
  const settings = parseSettings(input.settings);
  await requireTaskSource(ctx, { owner: input.owner.userId, va: input.va.userId }, settings.taskSource);
  const own = await ctx.directory.owns(input.owner.userId, input.mailbox);
  const result = await atomically(ctx.db, async (tx) => {
    // ensureTenant replaces verified domains, which the sync owns: only create an unknown tenant here.
    if ((await getTenant(tx, input.tenantId)) === null) await ensureTenant(tx, { id: input.tenantId, name: input.tenantId, verifiedDomains: [] });
    const waiting = await linkPairingToChat(tx, { tenantId: input.tenantId, mailbox: input.mailbox, owner: input.owner.address, va: input.va.address }, input.conversationRef, { owner: input.owner, va: input.va });
    // A pairing an operator set up for this mailbox keeps its approval; a new one is approved only when it is the owner's own.
    const pairing =
      waiting !== null
        ? await updateSettings(tx, waiting.id, formSettings(settings, waiting.settings), 'owner')
        : await createPairing(tx, { tenantId: input.tenantId, mailbox: input.mailbox, owner: input.owner, va: input.va, settings, locale: input.locale, conversationRef: input.conversationRef, mailboxApproval: own ? 'own' : null });
    if (own && pairing.mailboxApproval !== 'own') await approveMailbox(tx, pairing.id, 'own');
    await appendAudit(tx, { tenantId: input.tenantId, pairingId: pairing.id, actor: 'owner', action: waiting !== null ? 'pairing_linked_to_chat' : 'pairing_created', details: { mailbox: pairing.mailbox, ownMailbox: own } });
    return { pairing: own ? { ...pairing, mailboxApproval: 'own' as const } : pairing, linked: waiting !== null };
  });
  await ctx.changes.announce(result.pairing.id);
  ctx.log.info(result.linked ? 'pairing_linked_to_chat' : 'pairing_created', { pairingId: result.pairing.id, tenantId: input.tenantId });
  return result;
}
