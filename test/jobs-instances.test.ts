// Exactly once under crashes and concurrency: real job instances as child processes on one PostgreSQL, posting
// through the production chat poster (CloudAdapter, Bot Framework tokens from the dev identity) to the faithful
// Teams stand-in, which answers some posts 202 without an id and refuses some with Teams' transient statuses;
// a retry finds an earlier card through Graph's chat messages. PostgreSQL only: embedded PGlite belongs to a single process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsStandIn, type TeamsStandIn } from '../src/devtenant/teams-stand-in.ts';
import { startJobSystem, type JobSystem } from '../src/jobs/job-system.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { acceptingMail, emptyMailbox } from './support/fakes.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from './support/postgres.ts';
import { seedPairings } from './support/seed.ts';
import { deliveryServices } from './support/services.ts';
import { cardsPerKey, teamsStandInEnv } from './support/teams-stand-in-env.ts';

const INSTANCE = fileURLToPath(new URL('./support/instance.ts', import.meta.url));
const NOW = '2026-11-23T09:05:00Z';
const PAIRINGS = 200;
const KILLS = 20;

let teamsEnv = '';

function startInstance(url: string, mailDir: string, label: string, crashAfterPosts = 0, planEveryMs = 300): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    env: { ...process.env, DATABASE_URL: url, TANDEM_NOW: NOW, MAIL_DIR: mailDir, INSTANCE: label, TANDEM_JOB_CONCURRENCY: '8', CRASH_AFTER_POSTS: String(crashAfterPosts), PLAN_EVERY_MS: String(planEveryMs), TEAMS_STAND_IN: teamsEnv },
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

describe.skipIf(TEST_DATABASE_URL === undefined)('job instances on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Database;
  let teams: TeamsStandIn;
  let mailDir: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    db = await openDatabase({ url: scratch.url });
    await migrate(db);
    // Slow enough that the fan-out outlives many of the killed instances; a third of the cards answered 202 without
    // an id, and one post in twenty refused with a transient 412/502/503/504 first.
    teams = await startTeamsStandIn({ connector: { latencyMs: 150, acceptedWithoutId: { rate: 0.3, seed: 5 }, faults: { rate: 0.05, seed: 9 } } });
    teamsEnv = teamsStandInEnv(teams);
    mailDir = await mkdtemp(join(tmpdir(), 'tandem-mail-'));
    await seedPairings(db, PAIRINGS, teams.connector.url);
    for (let i = 1; i <= PAIRINGS; i++) teams.addChat(`conversation-${i}`);
  });

  afterAll(async () => {
    await db?.close();
    await teams?.close();
    await scratch?.drop();
  });

  it(`delivers exactly one scorecard per pairing and week through ${KILLS} kill -9s`, async () => {
    for (let kill = 0; kill < KILLS; kill++) {
      // Every other instance dies right after a post reached the chat and before it was recorded; the others
      // at random points (start-up, planning, claiming, posting, recording).
      const targeted = kill % 2 === 0;
      const { child } = startInstance(scratch.url, mailDir, `crash-${kill}`, targeted ? 1 + Math.floor(Math.random() * 8) : 0);
      // A targeted instance that finds nothing left to post is killed after a while like the others. An instance
      // takes a few seconds to start (botbuilder and msal load), so the others die anywhere from start-up to mid-fan-out.
      await Promise.race([targeted ? new Promise((resolve) => child.once('exit', resolve)) : new Promise(() => {}), sleep(targeted ? 30_000 : 2_000 + Math.random() * 8_000)]);
      await killHard(child);
    }
    const survivor = startInstance(scratch.url, mailDir, 'survivor');
    try {
      // Claims of the killed instances lapse after the lease (15 s) before they are reconciled.
      await waitFor(async () => (await sentCount(db, 'scorecard')) === PAIRINGS, 240_000);
    } finally {
      await killHard(survivor.child);
    }
    const posts = cardsPerKey(teams.chats);
    const scorecards = [...posts].filter(([key]) => key.includes(':scorecard:2026-W47'));
    expect(scorecards).toHaveLength(PAIRINGS);
    expect([...posts.values()].every((count) => count === 1)).toBe(true);
    // The run had what it promises: 202s without an id, transient refusals, tokens fetched once per instance or so.
    expect(teams.connector.stats.acceptedWithoutId).toBeGreaterThan(0);
    expect(teams.connector.stats.transient).toBeGreaterThan(0);
    expect(teams.connector.stats.refused.get('Unauthorized') ?? 0).toBe(0);
    const [intents] = await db.query<{ n: number }>("select count(*)::int as n from posted_items where kind = 'scorecard' and state <> 'sent'");
    expect(intents!.n).toBe(0);
    // The targeted crashes left posts unrecorded; later attempts found them instead of posting again.
    const [retried] = await db.query<{ n: number }>('select count(*)::int as n from posted_items where attempts > 1');
    expect(retried!.n).toBeGreaterThanOrEqual(KILLS / 2);
  }, 900_000);

  it('shares the jobs of two instances without double work', async () => {
    // A second week for the same pairings, on a connector slow enough that the fan-out outlasts start-up.
    await db.execute("delete from posted_items where kind = 'scorecard'");
    const before = teams.chats.allMessages().length;
    const slowConnector = await teams.startConnector({ latencyMs: 100 });
    await db.execute("update pairings set conversation_ref = jsonb_set(conversation_ref, '{serviceUrl}', to_jsonb($1::text))", [slowConnector.url]);
    const instances = ['a', 'b'].map((label) => startInstance(scratch.url, mailDir, label, 0, 0));
    const planner = await plannerOnly(scratch.url);
    try {
      await waitFor(async () => instances.every((instance) => instance.output().includes('instance_ready')), 60_000);
      await planner.planNow();
      await waitFor(async () => (await sentCount(db, 'scorecard')) === PAIRINGS, 240_000);
      await sleep(1_000);
    } finally {
      await Promise.all(instances.map((instance) => killHard(instance.child)));
      await planner.stop();
    }
    const posted = teams.chats.allMessages().slice(before);
    expect(posted).toHaveLength(PAIRINGS);
    expect(slowConnector.stats.posts).toBe(PAIRINGS);
    // Both took part, and no delivery ran twice (a second run would show as reconciled or skipped).
    const deliveries = instances.map((instance) => instance.output().split('\n').filter((line) => line.includes('"event":"delivery"') && line.includes('"kind":"scorecard"')));
    expect(deliveries.every((lines) => lines.length > 0)).toBe(true);
    expect(deliveries.flat().filter((line) => line.includes('"outcome":"delivered"'))).toHaveLength(PAIRINGS);
  }, 360_000);
});
