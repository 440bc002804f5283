// The pairing's KPI settings: both read them, the owner changes them, and a proposed change is previewed
// on the past weeks (history is derived, so it recomputes) before it is saved.
import { Hono } from 'hono';
import { z } from 'zod';
import { parseSettings } from '../../kpi/settings.ts';
import { updateSettings } from '../../store/pairings.ts';
import { requireRole, type ApiEnv, type RouteDependencies } from '../context.ts';
import { TREND_WEEKS } from './kpi.ts';

const settingsChange = z.record(z.string(), z.unknown(), { error: 'must be an object of settings by name' });

export function settingsRoutes({ db, clock, reads }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/settings', (c) => c.json({ settings: c.get('pairing').settings, editable: c.get('role') === 'owner' }))
    .post('/settings/preview', async (c) => {
      requireRole(c, 'owner', 'change the settings');
      const pairing = c.get('pairing');
      const change = settingsChange.parse(await c.req.json());
      const proposed = parseSettings({ ...pairing.settings, ...change });
      const now = clock.now();
      const [current, next] = [await reads.trend(pairing, TREND_WEEKS, now), await reads.trend(pairing, TREND_WEEKS, now, proposed)];
      return c.json({ settings: proposed, current: current.weeks, proposed: next.weeks });
    })
    .put('/settings', async (c) => {
      requireRole(c, 'owner', 'change the settings');
      const change = settingsChange.parse(await c.req.json());
      const updated = await updateSettings(db, c.get('pairing').id, change, 'owner');
      reads.changed(updated.id);
      return c.json({ settings: updated.settings, editable: true });
    });
}
