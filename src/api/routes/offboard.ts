// Ending an engagement from the tab (src/actions/offboard.ts): the owner or a tenant admin (app role
// Tandem.Admin) types the mailbox's address to confirm. Outside the pairing routes, because an admin is
// neither owner nor VA.
import { Hono } from 'hono';
import { z } from 'zod';
import { offboard } from '../../actions/offboard.ts';
import { actorOf, type ApiEnv, type RouteDependencies } from '../context.ts';
import { HttpError } from '../http-error.ts';

const offboardBody = z.strictObject({ confirm: z.string().trim().toLowerCase() });

export function offboardRoutes({ actions }: RouteDependencies) {
  return new Hono<ApiEnv>().post('/:pairingId/offboard', async (c) => {
    const actor = actorOf(c.get('user'));
    const pairingId = c.req.param('pairingId');
    // Who may end the pairing is the action's rule, checked before the confirmation names the mailbox.
    const { pairing } = await offboard.authorise(actions, actor, pairingId);
    const { confirm } = offboardBody.parse(await c.req.json());
    if (confirm !== pairing.mailbox) throw new HttpError(400, 'invalid_request', `Type the mailbox address ${pairing.mailbox} to confirm.`);
    return c.json(await offboard(actions, actor, pairingId, {}));
  });
}
