// The HTTP app every instance serves: health and readiness for container platforms, the bot endpoint, Graph's
// change notifications, and the tab with its API.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
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

/**
 * The most each route reads of a request body; past it the answer is 413 before the rest is read. Activities:
 * the Bot Connector refuses content over 262,144 bytes itself (error MessageSizeTooBig, see
 * github.com/microsoft/botframework-sdk/issues/6669; Teams' own bot message limit is about 100 KB,
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages), so nothing a real
 * channel sends is larger. Graph batches change notifications; a thousand of ours stay far below 1 MB. The
 * tab's requests are small JSON (settings, a mark's reason, leave dates).
 */
export const BODY_LIMITS = { activity: 256 * 1024, graphNotifications: 1024 * 1024, tabApi: 64 * 1024 } as const;

const tooLarge = (limit: number) =>
  bodyLimit({ maxSize: limit, onError: (c) => c.json({ error: { code: 'too_large', message: `The request body is over ${limit} bytes.` } }, 413) });

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
  app.use('/api/messages', tooLarge(BODY_LIMITS.activity));
  app.use('/api/graph/*', tooLarge(BODY_LIMITS.graphNotifications));
  app.use('/api/me', tooLarge(BODY_LIMITS.tabApi));
  app.use('/api/pairings/*', tooLarge(BODY_LIMITS.tabApi));
  app.use('/api/addin/*', tooLarge(BODY_LIMITS.tabApi));
  app.use('/api/sign-in/*', tooLarge(BODY_LIMITS.tabApi));
  if (bot !== undefined) app.route('/api/messages', bot);
  if (graphNotifications !== undefined) app.route('/api/graph', graphNotifications);
  if (tab !== undefined) {
    app.route('/api', tab.api);
    app.route('/tab', tab.assets);
  }
  return app;
}
