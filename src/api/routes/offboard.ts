// Ending an engagement from the tab: everything Tandem holds about the pairing deleted in one transaction,
// by its owner or a tenant admin (app role Tandem.Admin), after typing the mailbox's address to confirm.
// Outside the pairing routes, because an admin is neither owner nor VA.
import { Hono } from 'hono';
import { z } from 'zod';
import { offboardPairing } from '../../store/offboard.ts';
import { roleIn } from '../access.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';
import { HttpError } from '../http-error.ts';

const offboardBody = z.strictObject({ confirm: z.string().trim().toLowerCase() });

export function offboardRoutes({ db, reads, log }: RouteDependencies) {
  return new Hono<ApiEnv>().post('/:pairingId/offboard', async (c) => {
    const user = c.get('user');
    const pairing = await reads.pairing(c.req.param('pairingId'));
    const role = pairing === null ? null : roleIn(pairing, user);
    const admin = pairing !== null && user.admin && user.tid === pairing.tenantId;
    if (pairing === null || (role !== 'owner' && !admin)) {
      throw new HttpError(403, 'forbidden', 'Only the owner of this pairing or an admin of its tenant can end it.');
    }
    const { confirm } = offboardBody.parse(await c.req.json());
    if (confirm !== pairing.mailbox) throw new HttpError(400, 'invalid_request', `Type the mailbox address ${pairing.mailbox} to confirm.`);
    const deleted = await offboardPairing(db, pairing.id, role === 'owner' ? 'owner' : 'admin');
    reads.changed(pairing.id);
    log.info('pairing_offboarded', { pairingId: pairing.id, by: role === 'owner' ? 'owner' : 'admin' });
    return c.json({ deleted });
  });
}
