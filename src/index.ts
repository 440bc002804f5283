// Wiring only: config, logger, database, ports, job system and HTTP server; then the URLs to open.
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { botRoute } from '../bot/adapter.ts';
import { adminConsent } from '../bot/consent.ts';
import { launchPlayground, playgroundCli } from '../bot/playground.ts';
import { connectorPoster } from '../bot/connector-poster.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startBotConnector } from './devtenant/bot-connector.ts';
import { fileMailSender } from './devtenant/local-ports.ts';
import { seedPeople } from './devtenant/local-tenant.ts';
import { openMailboxConnection } from './graph/mailbox-connection.ts';
import { graphMailSender } from './mail/graph-mail-sender.ts';
import { startJobSystem } from './jobs/job-system.ts';
import { systemClock } from './jobs/ports.ts';
import { jsonLogger } from './log.ts';
import { startTabServer } from './api/tab-server.ts';
import { createApp } from './server/app.ts';
import { graphNotificationRoutes } from './server/graph-notifications.ts';
import { openDatabase } from './store/database.ts';
import { migrate } from './store/migrate.ts';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`tandem: ${error.message}\n`);
  process.exit(2);
}
const log = jsonLogger();
const db = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.databaseUrl === undefined ? join(config.dataDir, 'pglite') : undefined,
  // Each delivery and sync worker holds a connection while it works; the planner and HTTP need a few more.
  maxConnections: config.jobConcurrency * 2 + 4,
  onIdleConnectionError: (error) => log.warn('database_connection_lost', { message: error.message }),
});
const applied = await migrate(db);
if (applied.length > 0) log.info('migrated', { applied });

const mailboxes = await openMailboxConnection(config, { db, clock: systemClock, logger: log });
const connector = await startBotConnector();
const ctx = {
  db,
  chat: connectorPoster({ onThrottled: (conversation, waitMs) => log.warn('chat_throttled', { conversation, waitMs }) }),
  // A tenant's summary mail goes out through Graph; locally it lands as files under the data directory.
  mail: mailboxes.graph === null ? fileMailSender(join(config.dataDir, 'outbox')) : graphMailSender(mailboxes.graph),
  mailbox: mailboxes.mailbox,
  clock: systemClock,
  log,
  ...(config.teamsAppId === undefined ? {} : { teamsAppId: config.teamsAppId }),
  ...(config.publicUrl === undefined
    ? {}
    : { notifications: { notificationUrl: `${config.publicUrl}/api/graph/notifications`, lifecycleNotificationUrl: `${config.publicUrl}/api/graph/lifecycle` } }),
};
const jobs = await startJobSystem(db, ctx, { concurrency: config.jobConcurrency, syncEveryMinutes: config.syncEveryMinutes, retentionDays: config.retentionDays });
const tab = await startTabServer(config, db, systemClock, log);
const bot = botRoute({ db, clock: systemClock, log, teamsAppId: config.teamsAppId ?? null, consentUrl: adminConsent(db, config.graph), mailboxDefaults: mailboxes.mailboxDefaults }, config.bot);
const server = serve({ fetch: createApp({ db, jobsRunning: jobs.running, log, tab, bot, graphNotifications: graphNotificationRoutes({ db, log, syncSoon: jobs.syncSoon }) }).fetch, port: config.port });

const playgroundAt = config.playgroundPort === null ? null : playgroundCli();
// With the dev tenant, the Playground's people are its owner and VA, so setting Tandem up there shows their mail.
const playground =
  playgroundAt === null
    ? null
    : await launchPlayground(playgroundAt, `http://127.0.0.1:${config.port}/api/messages`, config.playgroundPort!, mailboxes.local === null ? undefined : seedPeople(mailboxes.local.seed));

process.stdout.write(
  [
    `Tandem is running (${db.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}).`,
    `  Health:    http://localhost:${config.port}/healthz`,
    `  Readiness: http://localhost:${config.port}/readyz`,
    `  Bot endpoint: http://localhost:${config.port}/api/messages${config.bot === null ? ' (no MicrosoftAppId: tokens not checked)' : ''}`,
    ...(playground === null ? [] : [`  Chat with Tandem (Agents Playground, TANDEM_PLAYGROUND=0 turns it off): ${playground.url}`]),
    `  Local bot connector (dev tenant): ${connector.url}`,
    ...mailboxes.notes,
    ...tab.notes,
    '',
  ].join('\n'),
);

async function shutdown(signal: string): Promise<void> {
  log.info('shutdown', { signal });
  server.close();
  await playground?.close();
  await jobs.stop();
  await connector.close();
  await mailboxes.close();
  await tab.close();
  await db.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
