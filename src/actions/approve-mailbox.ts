// A tenant admin (app role Tandem.Admin) allows Tandem to read a pairing's mailbox that is not the owner's own
// (a shared mailbox, say); until then the sync refuses it. Audited with the admin's object id.
import { z } from 'zod';
import { appendAudit } from '../store/audit.ts';
import { atomically } from '../store/atomically.ts';
import { approveMailbox as storeApproval } from '../store/pairings.ts';
import { defineAction } from './action.ts';

export const approveMailbox = defineAction({
  name: 'approve_mailbox',
  input: z.strictObject({}),
  who: 'admin',
  async run(ctx, { pairing, actor }) {
    await atomically(ctx.db, async (tx) => {
      await storeApproval(tx, pairing.id, 'admin');
      await appendAudit(tx, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'admin', action: 'mailbox_approved', details: { mailbox: pairing.mailbox, by: actor.userId } });
    });
    return { mailbox: pairing.mailbox, approved: true };
  },
});
