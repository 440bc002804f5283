// The server half of bench/tab-api.bench.ts, in its own process so the load generator does not share its
// thread: seeds a year of mail for N pairings, serves the tab's API, and prints one JSON line with the port
// and each pairing's week path and owner token.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApiApp } from '../src/api/api-app.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';
import { seedTabPairing } from '../test/support/tab-seed.ts';
import { testIssuer } from '../test/support/tab-tokens.ts';
import { services } from '../test/support/services.ts';

const PAIRINGS = Number(process.env.BENCH_TAB_PAIRINGS ?? 100);
const WEEKS_OF_DATA = 52;
const TENANT = 'bench';

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
const app = createApiApp({ ...services(db), db, validateToken: issuer.validator(db, silentLogger, TENANT), clock: { now: () => Date.now() }, log: silentLogger });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port, targets, messages, engine: db.engine, seedSeconds: (performance.now() - seedStarted) / 1000 })}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  void db.close().then(() => scratch?.drop()).then(() => process.exit(0));
});
