// Ending an engagement: everything Tandem holds about the pairing is deleted in one transaction, by its owner
// or an admin of its tenant (app role Tandem.Admin). The offboarding itself is audited without the pairing,
// so the line outlives it.
import { z } from 'zod';
import { offboardPairing } from '../store/offboard.ts';
import { defineAction } from './action.ts';

export const offboard = defineAction({
  name: 'offboard',
  input: z.strictObject({}),
  who: 'ownerOrAdmin',
  async run(ctx, { pairing, as }) {
    const deleted = await offboardPairing(ctx.db, pairing.id, as === 'admin' ? 'admin' : 'owner');
    ctx.log.info('pairing_offboarded', { pairingId: pairing.id, by: as });
    return { deleted };
  },
});
