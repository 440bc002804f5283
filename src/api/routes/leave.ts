// VA leave: whole local days in the pairing's time zone, entered or removed by the owner or the VA
// (src/actions/leave.ts), seen by both; the clock pauses over it.
import { Hono } from 'hono';
import { addLeave, removeLeave } from '../../actions/leave.ts';
import { leaveOf } from '../../reports/leave.ts';
import { actorOf, type ApiEnv, type RouteDependencies } from '../context.ts';

export function leaveRoutes({ db, actions }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/leave', async (c) => c.json({ leave: await leaveOf(db, c.get('pairing').id), editable: true }))
    .post('/leave', async (c) => {
      const { id } = await addLeave(actions, actorOf(c.get('user')), c.get('pairing').id, await c.req.json());
      return c.json({ id }, 201);
    })
    .delete('/leave/:id', async (c) => c.json(await removeLeave(actions, actorOf(c.get('user')), c.get('pairing').id, { id: c.req.param('id') })));
}
