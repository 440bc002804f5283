// Exactly once under crashes and concurrency: real job instances as child processes on one PostgreSQL,
// posting to the local bot connector. PostgreSQL only: embedded PGlite belongs to a single process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotConnector, type BotConnector } from '../src/devtenant/bot-connector.ts';
import { startJobSystem, type JobSystem } from '../src/jobs/job-system.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { acceptingMail, emptyMailbox } from './support/fakes.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from './support/postgres.ts';
import { seedPairings } from './support/seed.ts';
import { deliveryServices } from './support/services.ts';

const INSTANCE = fileURLToPath(new URL('./support/instance.ts', import.meta.url));
const NOW = '2026-11-23T09:05:00Z';
const PAIRINGS = 200;
const KILLS = 20;

function startInstance(url: string, mailDir: string, label: string, crashAfterPosts = 0, planEveryMs = 300): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    env: { ...process.env, DATABASE_URL: url, TANDEM_NOW: NOW, MAIL_DIR: mailDir, INSTANCE: label, TANDEM_JOB_CONCURRENCY: '8', CRASH_AFTER_POSTS: String(crashAfterPosts), PLAN_EVERY_MS: String(planEveryMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** A job system that only plans (no workers), so a test decides when the fan-out starts. */
async function plannerOnly(url: string): Promise<JobSystem> {
  const plannerDb = await openDatabase({ url });
  const unused = { post: async () => '', findPosted: async () => null };
  const jobs = await startJobSystem(
    plannerDb,
    { ...deliveryServices(plannerDb), db: plannerDb, chat: unused, mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => Date.parse(NOW) }, log: silentLogger },
    { concurrency: 0, syncEveryMinutes: 5, retentionDays: 400, schedule: false },
  );
  return {
    ...jobs,
    async stop() {
      await jobs.stop();
      await plannerDb.close();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function sentCount(db: Database, kind: string): Promise<number> {
  const [row] = await db.query<{ n: number }>("select count(*)::int as n from posted_items where kind = $1 and state = 'sent'", [kind]);
  return row!.n;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the instances');
    await sleep(250);
  }
}

/** Posts per delivery key at the connector; exactly once means every count is 1. */
function postsPerKey(connector: BotConnector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const activity of connector.activities()) counts.set(activity.tandemKey ?? '', (counts.get(activity.tandemKey ?? '') ?? 0) + 1);
  return counts;
}

describe.skipIf(TEST_DATABASE_URL === undefined)('job instances on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Database;
  let connector: BotConnector;
  let mailDir: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    db = await openDatabase({ url: scratch.url });
    await migrate(db);
    // Slow enough that the fan-out outlives many of the killed instances.
    connector = await startBotConnector({ latencyMs: 150 });
    mailDir = await mkdtemp(join(tmpdir(), 'tandem-mail-'));
    await seedPairings(db, PAIRINGS, connector.url);
  });

  afterAll(async () => {
    await db?.close();
    await connector?.close();
    await scratch?.drop();
  });

  it(`delivers exactly one scorecard per pairing and week through ${KILLS} kill -9s`, async () => {
    for (let kill = 0; kill < KILLS; kill++) {
      // Every other instance dies right after a post reached the chat and before it was recorded; the others
      // at random points (start-up, planning, claiming, posting, recording).
      const targeted = kill % 2 === 0;
      const { child } = startInstance(scratch.url, mailDir, `crash-${kill}`, targeted ? 1 + Math.floor(Math.random() * 8) : 0);
      // A targeted instance that finds nothing left to post is killed after a while like the others.
      await Promise.race([targeted ? new Promise((resolve) => child.once('exit', resolve)) : new Promise(() => {}), sleep(targeted ? 6_000 : 800 + Math.random() * 2_200)]);
      await killHard(child);
    }
    const survivor = startInstance(scratch.url, mailDir, 'survivor');
    try {
      await waitFor(async () => (await sentCount(db, 'scorecard')) === PAIRINGS, 120_000);
    } finally {
      await killHard(survivor.child);
    }
    const posts = postsPerKey(connector);
    const scorecards = [...posts].filter(([key]) => key.includes(':scorecard:2026-W47'));
    expect(scorecards).toHaveLength(PAIRINGS);
    expect([...posts.values()].every((count) => count === 1)).toBe(true);
    const [intents] = await db.query<{ n: number }>("select count(*)::int as n from posted_items where kind = 'scorecard' and state <> 'sent'");
    expect(intents!.n).toBe(0);
    // The targeted crashes left posts unrecorded; later attempts found them instead of posting again.
    const [retried] = await db.query<{ n: number }>('select count(*)::int as n from posted_items where attempts > 1');
    expect(retried!.n).toBeGreaterThanOrEqual(KILLS / 2);
  }, 300_000);

  it('shares the jobs of two instances without double work', async () => {
    // A second week for the same pairings, on a connector slow enough that the fan-out outlasts start-up.
    await db.execute("delete from posted_items where kind = 'scorecard'");
    const slowConnector = await startBotConnector({ latencyMs: 100 });
    await db.execute("update pairings set conversation_ref = jsonb_set(conversation_ref, '{serviceUrl}', to_jsonb($1::text))", [slowConnector.url]);
    const instances = ['a', 'b'].map((label) => startInstance(scratch.url, mailDir, label, 0, 0));
    const planner = await plannerOnly(scratch.url);
    try {
      await waitFor(async () => instances.every((instance) => instance.output().includes('instance_ready')), 60_000);
      await planner.planNow();
      await waitFor(async () => (await sentCount(db, 'scorecard')) === PAIRINGS, 120_000);
      await sleep(1_000);
    } finally {
      await Promise.all(instances.map((instance) => killHard(instance.child)));
      await planner.stop();
      await slowConnector.close();
    }
    const posted = slowConnector.activities().filter((activity) => activity.tandemKey?.includes(':scorecard:'));
    expect(posted).toHaveLength(PAIRINGS);
    expect(new Set(posted.map((activity) => activity.tandemKey)).size).toBe(PAIRINGS);
    // Both took part, and no delivery ran twice (a second run would show as reconciled or skipped).
    const deliveries = instances.map((instance) => instance.output().split('\n').filter((line) => line.includes('"event":"delivery"') && line.includes('"kind":"scorecard"')));
    expect(deliveries.every((lines) => lines.length > 0)).toBe(true);
    expect(deliveries.flat().filter((line) => line.includes('"outcome":"delivered"'))).toHaveLength(PAIRINGS);
  }, 180_000);
});
