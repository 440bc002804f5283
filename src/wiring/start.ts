// The one composition root: the config says local or tenant once, and this builds the matching environment
// (the local stand-ins by dynamic import, so a tenant's process never loads them), then the store, the read
// models and change feed every surface shares, the job system, the bot, the tab and the HTTP server.
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { botRoute } from '../../bot/adapter.ts';
import { ritualCard } from '../../bot/ritual-cards.ts';
import { startTabServer } from '../api/tab-server.ts';
import type { Config } from '../config.ts';
import { graphNotificationRoutes } from '../graph/notification-routes.ts';
import { postScorecardNow, type DeliveryContext } from '../jobs/deliveries.ts';
import { startJobSystem } from '../jobs/job-system.ts';
import type { Logger } from '../log.ts';
import { summaryMail } from '../mail/summary-mail.ts';
import { systemClock } from '../ports/clock.ts';
import { createReports } from '../reports/reports.ts';
import { openChangeFeed } from '../store/change-feed.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import type { Environment } from './environment.ts';
import { createApp } from './http-app.ts';
import { tenantEnvironment } from './tenant.ts';

export interface Running {
  /** Lines for the start-up banner. */
  readonly banner: readonly string[];
  stop(): Promise<void>;
}

export async function startTandem(config: Config, log: Logger): Promise<Running> {
  const clock = systemClock;
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl === undefined ? join(config.dataDir, 'pglite') : undefined,
    // Each delivery and sync worker holds a connection while it works; the planner and HTTP need a few more.
    maxConnections: config.jobConcurrency * 2 + 4,
    onIdleConnectionError: (error) => log.warn('database_connection_lost', { message: error.message }),
  });
  const applied = await migrate(db);
  if (applied.length > 0) log.info('migrated', { applied });
  const changes = await openChangeFeed(db);
  const reports = createReports(db, changes);

  const env: Environment =
    config.graph.kind === 'tenant'
      ? tenantEnvironment(config, config.graph, { db, clock, log })
      : await (await import('./local.ts')).localEnvironment(config, { db, clock, log });

  const deliveries: DeliveryContext = {
      db,
      reports,
      changes,
      renderers: { card: ritualCard, summaryMail },
      chat: env.chat,
      mail: env.mail,
      mailbox: env.mailbox,
      ...(env.tasks ? { tasks: env.tasks } : {}),
      clock,
      log,
      ...(config.teamsAppId === undefined ? {} : { teamsAppId: config.teamsAppId }),
      ...(config.publicUrl === undefined ? {} : { notifications: { notificationUrl: `${config.publicUrl}/api/graph/notifications`, lifecycleNotificationUrl: `${config.publicUrl}/api/graph/lifecycle` } }),
  };
  const jobs = await startJobSystem(
    db,
    deliveries,
    { concurrency: config.jobConcurrency, syncEveryMinutes: config.syncEveryMinutes, retentionDays: config.retentionDays },
  );
  const tab = await startTabServer({ db, clock, log, reports, changes, ...(env.taskChoices ? { taskChoices: env.taskChoices } : {}) }, env.tab, log);
  const bot = botRoute({ db, clock, log, reports, changes, directory: env.directory, ...(env.taskChoices ? { taskChoices: env.taskChoices } : {}), teamsAppId: config.teamsAppId ?? null, consentUrl: (tenantId) => env.consentUrl(tenantId), mailboxDefaults: (address) => env.mailboxDefaults(address), ...(env.demo ? { postScorecardNow: (pairingId: string) => postScorecardNow(deliveries, pairingId) } : {}) }, config.bot);
  const app = createApp({ db, jobsRunning: jobs.running, log, tab, bot, graphNotifications: graphNotificationRoutes({ db, log, syncSoon: jobs.syncSoon }) });
  // Local mode is a demo on this machine: its server (like every stand-in) answers on the loopback interface only.
  const server = serve({ fetch: app.fetch, port: config.port, ...(config.graph.kind === 'tenant' ? {} : { hostname: '127.0.0.1' }) });
  const started = await env.started(`http://127.0.0.1:${config.port}/api/messages`);
  const tabUrl = `${config.publicUrl ?? `http://localhost:${config.port}`}/tab/`;

  return {
    banner: [
      `Tandem is running (${config.graph.kind === 'tenant' ? 'tenant' : 'local stand-ins'}, ${db.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}).`,
      `  Health:    http://localhost:${config.port}/healthz`,
      `  Readiness: http://localhost:${config.port}/readyz`,
      `  Bot endpoint: http://localhost:${config.port}/api/messages${config.bot === null ? ' (local: Bot Framework tokens not checked)' : ''}`,
      `  Tab:       ${tabUrl} (${env.tab.note})`,
      ...started,
      ...env.notes,
    ],
    async stop() {
      server.close();
      await jobs.stop();
      await env.close();
      await changes.close();
      await db.close();
    },
  };
}
