// What the API benches share: a bench server in its own process (so the load generator does not share its
// thread), and autocannon's closed loop of N connections, each request built by the caller, with the
// latency of every response kept for exact percentiles.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/** The path a bench server answers with its own CPU time so far (bench only, never the app's). */
export const CPU_PATH = '/__bench/cpu';

/** The app's fetch, plus CPU_PATH: the server process's user + system CPU time in ms. */
export function withCpuReport(fetch: (request: Request) => Response | Promise<Response>): (request: Request) => Response | Promise<Response> {
  return (request) => {
    if (new URL(request.url).pathname !== CPU_PATH) return fetch(request);
    const { user, system } = process.cpuUsage();
    return Response.json({ cpuMs: (user + system) / 1000 });
  };
}

/** The bench server's CPU time so far, in ms. */
export async function serverCpuMs(base: string): Promise<number> {
  return ((await (await fetch(`${base}${CPU_PATH}`)).json()) as { cpuMs: number }).cpuMs;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Starts `file` under tsx and waits for the one JSON line it prints when it listens. BENCH_SERVER_ARGS adds
 * node options to the server alone (e.g. `--cpu-prof --cpu-prof-dir=prof` to profile what the load costs it).
 */
export async function startBenchServer<Ready>(file: string): Promise<{ ready: Ready; stop(): void }> {
  const extra = process.env.BENCH_SERVER_ARGS?.split(' ').filter((arg) => arg !== '') ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => void child.kill('SIGTERM');
  process.once('exit', stop);
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Ready));
  });
  return { ready, stop };
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  /** The server's CPU time per response, ms: what a request costs whatever else the machine is running. */
  readonly serverCpuMsPerRequest: number;
  /** Every response's latency in ms, sorted. */
  readonly latencies: readonly number[];
  readonly notOk: number;
}

/** `connections` connections for `seconds`, each request the next `request()` (path and headers). */
export async function load(base: string, connections: number, seconds: number, request: () => { path: string; headers: Record<string, string> }): Promise<LoadResult> {
  const latencies: number[] = [];
  let notOk = 0;
  const cpuBefore = await serverCpuMs(base);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (template) => ({ ...template, method: 'GET', ...request() }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) notOk++;
      latencies.push(responseTime);
    });
  });
  const cpuMs = (await serverCpuMs(base)) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: result.requests.average, serverCpuMsPerRequest: cpuMs / Math.max(1, latencies.length), latencies, notOk };
}

/** " (target ≤ T: met)" or " (target ≤ T: NOT met)"; nothing for a figure printed without a target. */
export function verdict(p95Ms: number, targetP95Ms: number | undefined): string {
  return targetP95Ms === undefined ? '' : ` (target ≤ ${targetP95Ms}: ${p95Ms <= targetP95Ms ? 'met' : 'NOT met'})`;
}

/** "N req/s, p50 …, p95 … (target ≤ T: met), p99 …, n responses, m not 200". */
export function describeLoad(result: LoadResult, targetP95Ms?: number): string {
  const { latencies } = result;
  const p95 = percentile(latencies, 95);
  return (
    `${Math.round(result.requestsPerSecond)} req/s (server CPU ${result.serverCpuMsPerRequest.toFixed(2)} ms a request), p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` +
    `${verdict(p95, targetP95Ms)}, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
    `${latencies.length.toLocaleString('en')} responses, ${result.notOk} not 200`
  );
}
