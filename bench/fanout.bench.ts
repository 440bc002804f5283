// Fan-out of weekly scorecards for many pairings against the local bot connector with Teams-like
// per-conversation limits (429 + Retry-After): total time, lost and duplicated posts, and the speed-up of
// two instances over one on the same PostgreSQL. Needs a PostgreSQL server (TEST_DATABASE_URL, or the
// machine's postgres://postgres@127.0.0.1:5432/test).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBotConnector, type BotConnector } from '../src/devtenant/bot-connector.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';
import { seedPairings } from '../test/support/seed.ts';

const PAIRINGS = Number(process.env.BENCH_PAIRINGS ?? 10_000);
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = '2026-11-23T09:05:00Z';
/** A Teams connector post takes 100–300 ms end to end; the fan-out is bound by it, not by CPU. */
const CONNECTOR_LATENCY_MS = 150;
const INSTANCE = fileURLToPath(new URL('../test/support/instance.ts', import.meta.url));

function spawnInstance(url: string, mailDir: string, label: string, plans: boolean): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    env: { ...process.env, DATABASE_URL: url, TANDEM_NOW: NOW, MAIL_DIR: mailDir, INSTANCE: label, TANDEM_JOB_CONCURRENCY: '8', PLAN_EVERY_MS: plans ? '60000' : '0' },
    stdio: 'ignore',
  });
}

async function scorecardsSent(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>("select count(*)::int as n from posted_items where kind = 'scorecard' and state = 'sent'");
  return row!.n;
}

async function fanOut(db: Database, url: string, connector: BotConnector, instances: number): Promise<{ seconds: number; lost: number; duplicates: number }> {
  await db.execute('delete from posted_items');
  const before = connector.activities().length;
  const mailDir = await mkdtemp(join(tmpdir(), 'tandem-bench-mail-'));
  const started = performance.now();
  const children = Array.from({ length: instances }, (_, i) => spawnInstance(url, mailDir, String(i), i === 0));
  while ((await scorecardsSent(db)) < PAIRINGS) await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (performance.now() - started) / 1000;
  for (const child of children) child.kill('SIGKILL');
  const posts = connector.activities().slice(before);
  const keys = new Set(posts.map((post) => post.tandemKey));
  const scorecards = [...keys].filter((key) => key?.includes(':scorecard:')).length;
  return { seconds, lost: PAIRINGS - scorecards, duplicates: posts.length - keys.size };
}

const scratch = await createScratchDatabase(SERVER);
const db = await openDatabase({ url: scratch.url });
const connector = await startBotConnector({ latencyMs: CONNECTOR_LATENCY_MS });
try {
  await migrate(db);
  await seedPairings(db, PAIRINGS, connector.url);
  process.stdout.write(`Fan-out of ${PAIRINGS.toLocaleString('en')} weekly scorecards (connector latency ${CONNECTOR_LATENCY_MS} ms, Teams per-conversation limits)\n`);
  const one = await fanOut(db, scratch.url, connector, 1);
  process.stdout.write(`1 instance:  ${one.seconds.toFixed(1)} s, lost ${one.lost}, duplicates ${one.duplicates}\n`);
  const two = await fanOut(db, scratch.url, connector, 2);
  process.stdout.write(`2 instances: ${two.seconds.toFixed(1)} s, lost ${two.lost}, duplicates ${two.duplicates}\n`);
  process.stdout.write(`throttled answers (429): ${connector.stats.throttled}\n`);
  process.stdout.write(`speed-up 2/1 instances: ${(one.seconds / two.seconds).toFixed(2)}\n`);
} finally {
  await db.close();
  await connector.close();
  await scratch.drop();
}
