// One Tandem job instance syncing mail, as a child process of bench/sync-scale.bench.ts: the real job system
// (pg-boss) on the given PostgreSQL with the production change feed and clock, syncing through Tandem's Graph
// connection to the dev tenant the parent runs. No schedules (the parent starts each cycle) and nothing to deliver.
// Env: DATABASE_URL, DEV_TENANT (JSON: the app's auth settings `auth`, `graphBaseUrl` and the CA `ca`),
// TANDEM_JOB_CONCURRENCY (default 8, as Tandem's). Log lines go to stdout; `instance_ready` once it works.
import { z } from 'zod';
import { appAuthConfigSchema } from '../src/graph/auth-config.ts';
import { connectGraph } from '../src/graph/connect.ts';
import { DEFAULT_BACKFILL_DAYS } from '../src/graph/mailbox-sync.ts';
import { startJobSystem } from '../src/jobs/job-system.ts';
import { jsonLogger } from '../src/log.ts';
import { systemClock } from '../src/ports/clock.ts';
import { openChangeFeed } from '../src/store/change-feed.ts';
import { openDatabase } from '../src/store/database.ts';
import { acceptingMail } from '../test/support/fakes.ts';
import { deliveryServices } from '../test/support/services.ts';

const devTenantEnvSchema = z.object({ auth: appAuthConfigSchema, graphBaseUrl: z.string(), ca: z.string() });

const url = process.env.DATABASE_URL;
if (url === undefined) throw new Error('the sync instance needs DATABASE_URL');
const devTenant = devTenantEnvSchema.parse(JSON.parse(process.env.DEV_TENANT ?? 'null'));
const concurrency = Number(process.env.TANDEM_JOB_CONCURRENCY ?? 8);

const log = jsonLogger((line) => process.stdout.write(line));
// As src/wiring/start.ts sizes it: each worker holds a connection while it works.
const db = await openDatabase({ url, maxConnections: concurrency * 2 + 4 });
const changes = await openChangeFeed(db);
const graph = connectGraph({ auth: devTenant.auth, graphBaseUrl: devTenant.graphBaseUrl, trustedCaPem: devTenant.ca, mode: 'headers', backfillDays: DEFAULT_BACKFILL_DAYS, clock: systemClock, logger: log });
const nothingToPost = {
  post: async () => {
    throw new Error('the sync bench plans no deliveries');
  },
  findPosted: async () => null,
};
const jobs = await startJobSystem(
  db,
  { ...deliveryServices(db, changes), db, chat: nothingToPost, mail: acceptingMail, mailbox: graph.mailbox, clock: systemClock, log },
  { concurrency, syncEveryMinutes: 5, retentionDays: 400, schedule: false },
);
process.once('SIGTERM', () => {
  void (async () => {
    await jobs.stop();
    await changes.close();
    await graph.close();
    await db.close();
    process.exit(0);
  })();
});
log.info('instance_ready');
