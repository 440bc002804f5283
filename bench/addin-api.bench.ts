// The Outlook pane's read, GET /api/addin/message, in process on embedded PGlite: one pairing with a year of
// mail (the tab's seed, every message with its Message-ID), the VA asking about messages of this week and of
// weeks further back (the engine runs from the message's week to now, uncached). Prints p50/p95 per age
// (target p95 ≤ 150 ms for this week's mail, the common case: the VA reads new mail).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../src/api/api-app.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase } from '../src/store/database.ts';
import { listMessagesSince, upsertMessages } from '../src/store/messages.ts';
import { migrate } from '../src/store/migrate.ts';
import { seedTabPairing } from '../test/support/tab-seed.ts';
import { testIssuer } from '../test/support/tab-tokens.ts';
import { services } from '../test/support/services.ts';

const WEEKS = 52;
const PER_DAY = 40;
const SAMPLES = 30;
const WEEK_MS = 7 * 86_400_000;

const db = await openDatabase({ dataDir: join(await mkdtemp(join(tmpdir(), 'tandem-bench-addin-')), 'pglite') });
await migrate(db);
const now = Date.now();
const { pairing, messages } = await seedTabPairing(db, now, { weeks: WEEKS, perDay: PER_DAY });
const stored = await listMessagesSince(db, pairing.id, 0);
await upsertMessages(db, pairing.id, stored.map((message) => ({ ...message, internetMessageId: `<${message.id}@bench.example>` })));
const issuer = await testIssuer();
const api = createApiApp({ ...services(db), db, validateToken: issuer.validator(db, silentLogger, pairing.tenantId), clock: { now: () => now }, log: silentLogger });
const token = await issuer.sign({ tid: pairing.tenantId, oid: pairing.va.userId!, upn: pairing.va.address });
const inbound = stored.filter((message) => message.folder === 'inbox');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

process.stdout.write(`Add-in API: 1 pairing, ${messages.toLocaleString('en')} messages over ${WEEKS} weeks\n`);
for (const weeksBack of [0, 4, 13, 51]) {
  const candidates = inbound.filter((message) => message.receivedAt <= now - weeksBack * WEEK_MS && message.receivedAt > now - (weeksBack + 1) * WEEK_MS);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const message = candidates[(i * 7) % candidates.length]!;
    const started = performance.now();
    const response = await api.request(`/addin/message?internetMessageId=${encodeURIComponent(`<${message.id}@bench.example>`)}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { state: string };
    if (body.state !== 'found') throw new Error(`expected the message, got ${body.state}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`  mail from ${weeksBack} weeks back: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms${weeksBack === 0 ? ' (target ≤ 150)' : ''}\n`);
}
await db.close();
