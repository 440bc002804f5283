// Breach warnings on or off for a pairing ("warnings on|off" in the chat): owner or VA, audited.
import { z } from 'zod';
import { appendAudit } from '../store/audit.ts';
import { atomically } from '../store/atomically.ts';
import { setBreachWarnings } from '../store/breach-warnings.ts';
import { defineAction } from './action.ts';

export const setWarnings = defineAction({
  name: 'set_warnings',
  input: z.strictObject({ on: z.boolean() }),
  who: 'member',
  async run(ctx, { pairing, as }, { on }) {
    await atomically(ctx.db, async (tx) => {
      await setBreachWarnings(tx, pairing.id, on);
      await appendAudit(tx, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: as, action: 'warnings_updated', details: { on } });
    });
    return { on };
  },
});
