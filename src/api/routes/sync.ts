// Where the pairing's mailbox sync stands (src/reports/sync-status.ts), for the tab's empty and error states.
import { Hono } from 'hono';
import { syncStatus } from '../../reports/sync-status.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';

export function syncRoutes({ db }: RouteDependencies) {
  return new Hono<ApiEnv>().get('/sync', async (c) => c.json(await syncStatus(db, c.get('pairing'))));
}
