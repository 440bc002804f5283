// What a tenant admin may do to a pairing they are not in, outside the pairing routes: end the engagement
// (src/actions/offboard.ts; the owner too), typing the mailbox's address to confirm, and approve a mailbox that
// is not the owner's own (src/actions/approve-mailbox.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import { approveMailbox } from '../../actions/approve-mailbox.ts';
import { offboard } from '../../actions/offboard.ts';
import { emailAddress } from '../../kpi/address.ts';
import { actorOf, type ApiEnv, type RouteDependencies } from '../context.ts';
import { HttpError } from '../http-error.ts';

const offboardBody = z.strictObject({ confirm: z.string() });

export function offboardRoutes({ actions }: RouteDependencies) {
  return new Hono<ApiEnv>().post('/:pairingId/offboard', async (c) => {
    const actor = actorOf(c.get('user'));
    const pairingId = c.req.param('pairingId');
    // Who may end the pairing is the action's rule, checked before the confirmation names the mailbox.
    const { pairing } = await offboard.authorise(actions, actor, pairingId);
    const { confirm } = offboardBody.parse(await c.req.json());
    // Read as every surface reads an address, so the mailbox's own spelling (j..smith@, any case) confirms it.
    const typed = emailAddress().safeParse(confirm);
    if (!typed.success || typed.data !== pairing.mailbox) throw new HttpError(400, 'invalid_request', `Type the mailbox address ${pairing.mailbox} to confirm.`);
    return c.json(await offboard(actions, actor, pairingId, {}));
  }).post('/:pairingId/approve-mailbox', async (c) => c.json(await approveMailbox(actions, actorOf(c.get('user')), c.req.param('pairingId'), await c.req.json())));
}
