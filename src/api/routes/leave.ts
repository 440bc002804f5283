// VA leave: whole local days in the pairing's time zone, entered by the VA, seen by both; the clock pauses.
import { Hono } from 'hono';
import { z } from 'zod';
import { addDays, isLocalDate, localInstant } from '../../kpi/local-calendar.ts';
import { resolveTimeZone } from '../../kpi/time-zone.ts';
import { addLeave, listLeave, removeLeave } from '../../store/leave.ts';
import { requireRole, type ApiEnv, type RouteDependencies } from '../context.ts';
import { HttpError } from '../http-error.ts';

const localDate = z.string().refine(isLocalDate, { error: 'must be a date YYYY-MM-DD' });
const leaveBody = z
  .strictObject({ from: localDate, to: localDate })
  .refine((leave) => leave.to >= leave.from, { error: 'must be on or after from', path: ['to'] });
const leaveId = z.coerce.number().int().positive();

export function leaveRoutes({ db, reads }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/leave', async (c) => c.json({ leave: await listLeave(db, c.get('pairing').id), editable: c.get('role') === 'va' }))
    .post('/leave', async (c) => {
      requireRole(c, 'va', 'enter leave');
      const pairing = c.get('pairing');
      const { from, to } = leaveBody.parse(await c.req.json());
      const zone = resolveTimeZone(pairing.settings.timeZone)!;
      const id = await addLeave(db, pairing.id, localInstant(from, '00:00', zone), localInstant(addDays(to, 1), '00:00', zone), 'va');
      reads.changed(pairing.id);
      return c.json({ id }, 201);
    })
    .delete('/leave/:id', async (c) => {
      requireRole(c, 'va', 'remove leave');
      const id = leaveId.parse(c.req.param('id'));
      if (!(await removeLeave(db, c.get('pairing').id, id, 'va'))) throw new HttpError(404, 'not_found', 'No such leave period.');
      reads.changed(c.get('pairing').id);
      return c.json({ removed: true });
    });
}
