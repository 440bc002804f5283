// `npm run bench`: how long the seeded dev tenant takes to generate (9 weeks, default options) and how big
// it is. Target (issue #5): well under 1 s per tenant, a few hundred to ~1,500 messages in the owner's mailbox.
import { performance } from 'node:perf_hooks';
import { generateTenantSeed } from '../src/devtenant/seed/generate.ts';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 20);
const TARGET_MS = 1_000;

generateTenantSeed(0); // warm up the JIT and luxon's zone caches
const times: number[] = [];
const sizes: number[] = [];
for (let seed = 1; seed <= SEEDS; seed++) {
  const started = performance.now();
  const tenant = generateTenantSeed(seed);
  times.push(performance.now() - started);
  sizes.push(tenant.events.filter((event) => event.kind === 'deliver').length);
}
times.sort((a, b) => a - b);
const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
const worst = times.at(-1)!;
console.log(`tenant seed: ${SEEDS} tenants of 9 weeks, mean ${mean.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (target < ${TARGET_MS} ms)`);
console.log(`tenant seed: ${Math.min(...sizes)}–${Math.max(...sizes)} messages per owner mailbox`);
if (worst >= TARGET_MS) process.exitCode = 1;
