// The server half of bench/tab-api.bench.ts, in its own process so the load generator does not share its
// thread: seeds a year of mail for N pairings and serves the tab's API twice over the same database: as the
// server runs it (read models cached) and with the read-model cache off (every request reads the store and
// runs the engine). Prints one JSON line with both ports and each pairing's week path and owner token.
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApiApp } from '../src/api/api-app.ts';
import { silentLogger } from '../src/log.ts';
import { createReports } from '../src/reports/reports.ts';
import { localChangeFeed } from '../src/store/change-feed.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';
import { seedTabPairing } from '../test/support/tab-seed.ts';
import { testIssuer } from '../test/support/tab-tokens.ts';
import { withCpuReport } from './load.ts';

const PAIRINGS = Number(process.env.BENCH_TAB_PAIRINGS ?? 100);
const WEEKS_OF_DATA = 52;
const TENANT = 'bench';

export interface TabBenchReady {
  /** The API with the read models as the server runs them (cached). */
  port: number;
  /** The same API with the read-model cache off (createReports' ttlMs 0). */
  uncachedPort: number;
  targets: { path: string; token: string }[];
  messages: number;
  engine: string;
  seedSeconds: number;
}

const scratch = process.env.BENCH_DATABASE_URL === undefined ? null : await createScratchDatabase(process.env.BENCH_DATABASE_URL);
const db = await openDatabase(scratch === null ? { dataDir: join(await mkdtemp(join(tmpdir(), 'tandem-bench-tab-')), 'pglite') } : { url: scratch.url, maxConnections: 16 });
await migrate(db);
const issuer = await testIssuer();
const now = Date.now();
const seedStarted = performance.now();
const targets: { path: string; token: string }[] = [];
let messages = 0;
for (let i = 0; i < PAIRINGS; i++) {
  const seeded = await seedTabPairing(db, now, { tenantId: TENANT, tag: `-${i}`, weeks: WEEKS_OF_DATA, perDay: 4 });
  messages += seeded.messages;
  targets.push({ path: `/pairings/${seeded.pairing.id}/week`, token: await issuer.sign({ tid: TENANT, oid: seeded.pairing.owner.userId!, upn: seeded.pairing.owner.address }) });
}
const seedSeconds = (performance.now() - seedStarted) / 1000;

async function listen(ttlMs?: number) {
  const changes = localChangeFeed();
  const reports = createReports(db, changes, ttlMs === undefined ? {} : { ttlMs });
  const app = createApiApp({ db, reports, changes, validateToken: issuer.validator(db, silentLogger, TENANT), clock: { now: () => Date.now() }, log: silentLogger });
  const server = serve({ fetch: withCpuReport(app.fetch), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

const cached = await listen();
const uncached = await listen(0);
const ready: TabBenchReady = { port: cached.port, uncachedPort: uncached.port, targets, messages, engine: db.engine, seedSeconds };
process.stdout.write(`${JSON.stringify(ready)}\n`);
process.once('SIGTERM', () => {
  cached.server.close();
  uncached.server.close();
  void db.close().then(() => scratch?.drop()).then(() => process.exit(0));
});
