// The Outlook pane's read, GET /api/addin/message, under load: the real API app in its own process
// (bench/addin-api-server.ts) with one pairing's year of busy mail, the signed-in VA asking about received
// messages of this week and of 4, 13 and 51 weeks back. After 3 s of unmeasured load, per age: every message
// of that week once, one at a time, then 50 concurrent connections (autocannon) cycling through all of them,
// so no answer is one cached message. Prints p50/p95/p99 per age against the target p95 ≤ 50 ms, and the
// server's CPU time per request. Embedded PGlite by default; BENCH_DATABASE_URL=postgres://… for PostgreSQL.
import { fileURLToPath } from 'node:url';
import type { AddinBenchReady } from './addin-api-server.ts';
import { describeLoad, load, percentile, startBenchServer } from './load.ts';

const CONNECTIONS = 50;
const TARGET_P95_MS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_ADDIN_SECONDS ?? 10);
/** Load on messages of every age first, not measured: the server's JIT and the database's cache settle. */
const WARM_UP_SECONDS = 3;

const { ready, stop } = await startBenchServer<AddinBenchReady>(fileURLToPath(new URL('./addin-api-server.ts', import.meta.url)));
// The API app is served at the root here (the real server mounts it at /api).
const base = `http://127.0.0.1:${ready.port}`;
const headers = { authorization: `Bearer ${ready.token}` };
const path = (messageId: string) => `/addin/message?internetMessageId=${encodeURIComponent(messageId)}`;
process.stdout.write(
  `Add-in API: 1 pairing, ${ready.messages.toLocaleString('en')} messages over a year, ${ready.marks} marks, ${ready.pauses} pauses, on ${ready.engine}, ` +
    `seeded in ${ready.seedSeconds.toFixed(1)} s\n`,
);

const everyMessage = ready.buckets.flatMap((bucket) => bucket.messageIds);
let warming = 0;
await load(base, CONNECTIONS, WARM_UP_SECONDS, () => ({ path: path(everyMessage[warming++ % everyMessage.length]!), headers }));

for (const { weeksBack, messageIds } of ready.buckets) {
  // Each message once, one at a time: every one must be found (and this is the unloaded latency).
  const single: number[] = [];
  for (const messageId of messageIds) {
    const started = performance.now();
    const response = await fetch(`${base}${path(messageId)}`, { headers });
    const body = (await response.json()) as { state?: string };
    if (response.status !== 200 || body.state !== 'found') throw new Error(`${messageId}: ${response.status} ${body.state}`);
    single.push(performance.now() - started);
  }
  single.sort((a, b) => a - b);
  let next = 0;
  const loaded = await load(base, CONNECTIONS, DURATION_SECONDS, () => ({ path: path(messageIds[next++ % messageIds.length]!), headers }));
  process.stdout.write(
    `  mail from ${weeksBack} weeks back (${messageIds.length} messages): one at a time p50 ${percentile(single, 50).toFixed(1)} ms, p95 ${percentile(single, 95).toFixed(1)} ms; ` +
      `${CONNECTIONS} connections, ${DURATION_SECONDS} s: ${describeLoad(loaded, TARGET_P95_MS)}\n`,
  );
}
stop();
