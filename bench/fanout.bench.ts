// Fan-out of weekly scorecards for many pairings through the production chat poster (botbuilder's CloudAdapter, the
// SDK fetching and caching the bot's Bot Framework tokens from the dev identity) against the faithful Teams stand-in:
// Teams' per-conversation limits and the per-app per-tenant 50 RPS (429 + Retry-After), tokens checked on every
// post. Prints total time, lost and duplicated cards, token requests per 1,000 posts, and the speed-up of two
// instances over one on the same PostgreSQL. Needs a PostgreSQL server (TEST_DATABASE_URL, or the machine's
// postgres://postgres@127.0.0.1:5432/test).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEAMS_TENANT_RPS } from '../src/devtenant/bot-connector.ts';
import { startTeamsStandIn, type TeamsStandIn } from '../src/devtenant/teams-stand-in.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';
import { PAIRINGS_PER_TENANT, seededTenant, seedPairings } from '../test/support/seed.ts';
import { cardsPerKey, teamsStandInEnv } from '../test/support/teams-stand-in-env.ts';

const PAIRINGS = Number(process.env.BENCH_PAIRINGS ?? 10_000);
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = '2026-11-23T09:05:00Z';
/** A Teams connector post takes 100–300 ms end to end; the fan-out is bound by it, not by CPU. */
const CONNECTOR_LATENCY_MS = 150;
/*
 * Pairings come PAIRINGS_PER_TENANT to a tenant (test/support/seed.ts). Teams allows one app 50 requests a second
 * per tenant, so one tenant's 10,000 chats would take at least 10,000 / 50 s however many instances post.
 */
const INSTANCE = fileURLToPath(new URL('../test/support/instance.ts', import.meta.url));

function spawnInstance(url: string, mailDir: string, label: string, plans: boolean, teamsEnv: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    env: { ...process.env, DATABASE_URL: url, TANDEM_NOW: NOW, MAIL_DIR: mailDir, INSTANCE: label, TANDEM_JOB_CONCURRENCY: '8', PLAN_EVERY_MS: plans ? '60000' : '0', TEAMS_STAND_IN: teamsEnv },
    stdio: 'ignore',
  });
}

async function scorecardsSent(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>("select count(*)::int as n from posted_items where kind = 'scorecard' and state = 'sent'");
  return row!.n;
}

interface Run {
  readonly seconds: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly posts: number;
  readonly tokenRequests: number;
}

async function fanOut(db: Database, url: string, teams: TeamsStandIn, instances: number): Promise<Run> {
  await db.execute('delete from posted_items');
  // Each run starts from empty chats, so the cards counted are this run's.
  teams.chats.clearMessages();
  const posts = teams.connector.stats.posts;
  const tokens = teams.identity.stats.tokenRequests;
  const mailDir = await mkdtemp(join(tmpdir(), 'tandem-bench-mail-'));
  const teamsEnv = teamsStandInEnv(teams);
  const started = performance.now();
  const children = Array.from({ length: instances }, (_, i) => spawnInstance(url, mailDir, String(i), i === 0, teamsEnv));
  while ((await scorecardsSent(db)) < PAIRINGS) await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (performance.now() - started) / 1000;
  for (const child of children) child.kill('SIGKILL');
  const cards = cardsPerKey(teams.chats);
  const scorecards = [...cards].filter(([key]) => key.includes(':scorecard:'));
  return {
    seconds,
    lost: PAIRINGS - scorecards.length,
    duplicates: [...cards.values()].reduce((sum, count) => sum + count - 1, 0),
    posts: teams.connector.stats.posts - posts,
    tokenRequests: teams.identity.stats.tokenRequests - tokens,
  };
}

const line = (label: string, run: Run) =>
  `${label} ${run.seconds.toFixed(1)} s, lost ${run.lost}, duplicates ${run.duplicates}, token requests ${run.tokenRequests} (${((run.tokenRequests / run.posts) * 1000).toFixed(2)} per 1,000 posts)\n`;

const scratch = await createScratchDatabase(SERVER);
const db = await openDatabase({ url: scratch.url });
const teams = await startTeamsStandIn({ connector: { latencyMs: CONNECTOR_LATENCY_MS } });
try {
  await migrate(db);
  await seedPairings(db, PAIRINGS, teams.connector.url);
  for (let i = 1; i <= PAIRINGS; i++) teams.addChat(`conversation-${i}`, seededTenant(i));
  const tenants = Math.ceil(PAIRINGS / PAIRINGS_PER_TENANT);
  process.stdout.write(
    `Fan-out of ${PAIRINGS.toLocaleString('en')} weekly scorecards through CloudAdapter with Bot Framework tokens (connector latency ${CONNECTOR_LATENCY_MS} ms, ` +
      `Teams' per-conversation limits and ${TEAMS_TENANT_RPS} RPS per app and tenant; ${tenants.toLocaleString('en')} tenants of ${PAIRINGS_PER_TENANT})\n`,
  );
  const one = await fanOut(db, scratch.url, teams, 1);
  process.stdout.write(line('1 instance: ', one));
  const two = await fanOut(db, scratch.url, teams, 2);
  process.stdout.write(line('2 instances:', two));
  process.stdout.write(`throttled answers (429): ${teams.connector.stats.throttled}, refused: ${JSON.stringify(Object.fromEntries(teams.connector.stats.refused))}\n`);
  process.stdout.write(`speed-up 2/1 instances: ${(one.seconds / two.seconds).toFixed(2)}\n`);
  process.stdout.write(`(one tenant's ${PAIRINGS.toLocaleString('en')} chats: at least ${(PAIRINGS / TEAMS_TENANT_RPS).toFixed(0)} s at Teams' ${TEAMS_TENANT_RPS} RPS per app and tenant, with any number of instances)\n`);
} finally {
  await db.close();
  await teams.close();
  await scratch.drop();
}
