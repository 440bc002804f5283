// The server half of bench/addin-api.bench.ts, in its own process: seeds one pairing with a year of busy mail
// (the tab's seed at 40 customer mails a working day, every message with its Message-ID, as the Graph sync
// stores it), a year's worth of "no reply needed" marks and leave, serves the real API app, and prints one
// JSON line: the port, the VA's token and the Message-IDs of the received mail of each age bucket.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApiApp } from '../src/api/api-app.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase } from '../src/store/database.ts';
import { listMessagesSince } from '../src/store/messages.ts';
import { migrate } from '../src/store/migrate.ts';
import { addPause } from '../src/store/paused.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';
import { seededMessageId, seedTabPairing } from '../test/support/tab-seed.ts';
import { testIssuer } from '../test/support/tab-tokens.ts';
import { services } from '../test/support/services.ts';
import { withCpuReport } from './load.ts';

const AGES_IN_WEEKS = [0, 4, 13, 51] as const;
/**
 * One week more than the oldest age: "51 weeks back" is the seven days before now − 51 weeks, which early on a
 * Monday reach into the week before the 52nd (the seed's weeks run Monday to Friday from this week's Monday).
 */
const WEEKS_OF_DATA = 53;
const PER_DAY = 40;
/** One received message in MARK_EVERY marked "no reply needed" (about two a working day). */
const MARK_EVERY = 25;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface AddinBenchReady {
  port: number;
  token: string;
  buckets: { weeksBack: number; messageIds: string[] }[];
  messages: number;
  marks: number;
  pauses: number;
  engine: string;
  seedSeconds: number;
}

const scratch = process.env.BENCH_DATABASE_URL === undefined ? null : await createScratchDatabase(process.env.BENCH_DATABASE_URL);
const db = await openDatabase(scratch === null ? { dataDir: join(await mkdtemp(join(tmpdir(), 'tandem-bench-addin-')), 'pglite') } : { url: scratch.url, maxConnections: 16 });
await migrate(db);
const issuer = await testIssuer();
const now = Date.now();
const seedStarted = performance.now();
const { pairing, messages } = await seedTabPairing(db, now, { tenantId: 'bench', weeks: WEEKS_OF_DATA, perDay: PER_DAY, messageIds: true });
const received = (await listMessagesSince(db, pairing.id, 0)).filter((message) => message.folder === 'inbox');
const marked = received.filter((_, i) => i % MARK_EVERY === 0);
await db.execute(
  `insert into message_marks (pairing_id, message_id, marked_by, reason) select $1::uuid, id, 'va', 'handled by phone' from unnest($2::text[]) as id`,
  [pairing.id, marked.map((message) => message.id)],
);
// Three weeks of leave and a day of out-of-office every month.
let pauses = 0;
for (const weeksBack of [10, 30, 45]) {
  await addPause(db, pairing.id, { kind: 'leave', start: now - weeksBack * WEEK_MS, end: now - weeksBack * WEEK_MS + 5 * DAY_MS, createdBy: 'va' });
  pauses++;
}
for (let month = 1; month < 12; month++) {
  await addPause(db, pairing.id, { kind: 'out_of_office', start: now - month * 30 * DAY_MS, end: now - month * 30 * DAY_MS + DAY_MS, createdBy: 'sync' });
  pauses++;
}
const buckets = AGES_IN_WEEKS.map((weeksBack) => ({
  weeksBack,
  messageIds: received.filter((message) => message.receivedAt <= now - weeksBack * WEEK_MS && message.receivedAt > now - (weeksBack + 1) * WEEK_MS).map((message) => seededMessageId(message.id)),
}));
const token = await issuer.sign({ tid: pairing.tenantId, oid: pairing.va.userId!, upn: pairing.va.address });
const app = createApiApp({ ...services(db), db, validateToken: issuer.validator(db, silentLogger, pairing.tenantId), clock: { now: () => Date.now() }, log: silentLogger });
const server = serve({ fetch: withCpuReport(app.fetch), port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const ready: AddinBenchReady = { port, token, buckets, messages, marks: marked.length, pauses, engine: db.engine, seedSeconds: (performance.now() - seedStarted) / 1000 };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  void db.close().then(() => scratch?.drop()).then(() => process.exit(0));
});
