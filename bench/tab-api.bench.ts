// The tab's week-KPI API under load: a year of mail for 100 pairings (bench/tab-api-server.ts, its own
// process), 200 concurrent connections with autocannon, each request a different pairing's owner with a
// real signed token, for this week. Prints the first request per pairing (one at a time, nothing kept yet;
// the bench labelled it "uncached" when #15 set its target), then p50/p95/p99 under load as the server runs
// (read models kept 30 s and dropped on every change); target p95 ≤ 50 ms for both. Then the same load with the
// read-model cache off, so every request reads the store and runs the engine: printed without a target, as
// what a request costs the server's one thread (200 connections wait on about 200 × that CPU time).
// Embedded PGlite by default; BENCH_DATABASE_URL=postgres://… for PostgreSQL (a scratch database of its own).
import { fileURLToPath } from 'node:url';
import { describeLoad, load, percentile, startBenchServer, verdict } from './load.ts';
import type { TabBenchReady } from './tab-api-server.ts';

const CONNECTIONS = 200;
const TARGET_P95_MS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_TAB_SECONDS ?? 15);

const { ready, stop } = await startBenchServer<TabBenchReady>(fileURLToPath(new URL('./tab-api-server.ts', import.meta.url)));
// The API app is served at the root here (the real server mounts it at /api).
const cachedBase = `http://127.0.0.1:${ready.port}`;
const uncachedBase = `http://127.0.0.1:${ready.uncachedPort}`;
process.stdout.write(`Tab API: ${ready.targets.length} pairings, ${ready.messages.toLocaleString('en')} messages (a year each) on ${ready.engine}, seeded in ${ready.seedSeconds.toFixed(1)} s\n`);

// First request per pairing: the engine runs on the store's data (nothing kept yet).
const cold: number[] = [];
for (const target of ready.targets) {
  const started = performance.now();
  const response = await fetch(`${cachedBase}${target.path}`, { headers: { authorization: `Bearer ${target.token}` } });
  if (response.status !== 200) throw new Error(`warm-up ${target.path} answered ${response.status}`);
  await response.arrayBuffer();
  cold.push(performance.now() - started);
}
cold.sort((a, b) => a - b);
const coldP95 = percentile(cold, 95);
process.stdout.write(
  `first request per pairing (nothing kept yet, one at a time): p50 ${percentile(cold, 50).toFixed(1)} ms, p95 ${coldP95.toFixed(1)} ms${verdict(coldP95, TARGET_P95_MS)}\n`,
);

const runs = [
  ['as the server runs', cachedBase, TARGET_P95_MS],
  ['read-model cache off', uncachedBase, undefined],
] as const;
for (const [label, base, targetP95Ms] of runs) {
  let next = 0;
  const result = await load(base, CONNECTIONS, DURATION_SECONDS, () => {
    const target = ready.targets[next++ % ready.targets.length]!;
    return { path: target.path, headers: { authorization: `Bearer ${target.token}` } };
  });
  process.stdout.write(`GET /api/pairings/:id/week ${label}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s: ${describeLoad(result, targetP95Ms)}\n`);
}
stop();
