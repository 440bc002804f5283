// The HTTP app every instance serves: health and readiness for container platforms, the bot endpoint, Graph's
// change notifications, and the tab with its API.
import { Hono } from 'hono';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { isMigrated } from '../store/migrate.ts';

export interface AppDependencies {
  readonly db: Database;
  /** Whether this instance's job workers run. */
  readonly jobsRunning: () => boolean;
  readonly log: Logger;
  /** The KPI tab: its JSON API, mounted at /api (it claims /api/me, /api/pairings/*, /api/addin/*, /api/sign-in/*), and its bundle at /tab/. */
  readonly tab?: { readonly api: Hono; readonly assets: Hono };
  /** The Teams bot: Bot Framework activities at POST /api/messages. */
  readonly bot?: Hono;
  /** Microsoft Graph change and lifecycle notifications at POST /api/graph/notifications and /api/graph/lifecycle. */
  readonly graphNotifications?: Hono;
}

async function databaseChecks(db: Database, log: Logger): Promise<{ database: boolean; migrations: boolean }> {
  try {
    await db.query('select 1');
    return { database: true, migrations: await isMigrated(db) };
  } catch (error) {
    // An unreachable database is exactly what readiness reports; the reason goes to the log, not the caller.
    log.warn('readiness_database_unreachable', { message: error instanceof Error ? error.message : String(error) });
    return { database: false, migrations: false };
  }
}

export function createApp({ db, jobsRunning, log, tab, bot, graphNotifications }: AppDependencies): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = { ...(await databaseChecks(db, log)), jobs: jobsRunning() };
    const ready = Object.values(checks).every(Boolean);
    return c.json({ status: ready ? 'ready' : 'not ready', checks }, ready ? 200 : 503);
  });
  if (bot !== undefined) app.route('/api/messages', bot);
  if (graphNotifications !== undefined) app.route('/api/graph', graphNotifications);
  if (tab !== undefined) {
    app.route('/api', tab.api);
    app.route('/tab', tab.assets);
  }
  return app;
}
