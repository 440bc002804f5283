// The tab's week-KPI API under load: a year of mail for 100 pairings (bench/tab-api-server.ts, its own
// process), 200 concurrent connections with autocannon, each request a different pairing's owner with a
// real signed token. Prints the first (uncached) request per pairing, then throughput and p50/p95/p99 under
// load (target p95 ≤ 50 ms). Embedded PGlite by default; BENCH_DATABASE_URL=postgres://… for PostgreSQL.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CONNECTIONS = 200;
const DURATION_SECONDS = Number(process.env.BENCH_TAB_SECONDS ?? 15);
const SERVER = fileURLToPath(new URL('./tab-api-server.ts', import.meta.url));

interface Ready {
  port: number;
  targets: { path: string; token: string }[];
  messages: number;
  engine: string;
  seedSeconds: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const child = spawn(process.execPath, ['--import', 'tsx', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
process.once('exit', () => child.kill('SIGTERM'));
const ready = await new Promise<Ready>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Ready));
});
// The API app is served at the root here (the real server mounts it at /api).
const base = `http://127.0.0.1:${ready.port}`;
process.stdout.write(`Tab API: ${ready.targets.length} pairings, ${ready.messages.toLocaleString('en')} messages (a year each) on ${ready.engine}, seeded in ${ready.seedSeconds.toFixed(1)} s\n`);

// First request per pairing: the engine runs on the store's data (nothing kept yet).
const cold: number[] = [];
for (const target of ready.targets) {
  const started = performance.now();
  const response = await fetch(`${base}${target.path}`, { headers: { authorization: `Bearer ${target.token}` } });
  if (response.status !== 200) throw new Error(`warm-up ${target.path} answered ${response.status}`);
  await response.arrayBuffer();
  cold.push(performance.now() - started);
}
cold.sort((a, b) => a - b);
process.stdout.write(`first request per pairing (uncached, one at a time): p50 ${percentile(cold, 50).toFixed(1)} ms, p95 ${percentile(cold, 95).toFixed(1)} ms\n`);

const latencies: number[] = [];
let next = 0;
let errors = 0;
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          setupRequest: (request) => {
            const target = ready.targets[next++ % ready.targets.length]!;
            return { ...request, method: 'GET', path: target.path, headers: { authorization: `Bearer ${target.token}` } };
          },
        },
      ],
    },
    (error, done) => (error ? reject(error) : resolve(done)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode !== 200) errors++;
    latencies.push(responseTime);
  });
});
latencies.sort((a, b) => a - b);
process.stdout.write(
  `GET /api/pairings/:id/week, ${CONNECTIONS} connections, ${DURATION_SECONDS} s: ${Math.round(result.requests.average)} req/s, ` +
    `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (target ≤ 50), p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
    `${latencies.length.toLocaleString('en')} responses, ${errors} not 200\n`,
);
child.kill('SIGTERM');
