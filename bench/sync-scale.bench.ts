// `npm run bench` (#18): one 5-minute interval's mail sync cycles of BENCH_SYNC_PAIRINGS pairings (default
// 10,000), mostly idle and 1% with new mail, through the job system (pg-boss) on one PostgreSQL, against the dev
// tenant with Outlook's 4 concurrent requests per mailbox and a Graph answer taking BENCH_GRAPH_LATENCY_MS;
// first on 1 instance, then on 2 side by side (child processes, bench/sync-instance.ts). Prints cycles/s, the p95
// cycle time, Graph requests per cycle and the speed-up of 2 instances over 1, with the CPU each process used
// and how busy the machine was. Targets: the cycles of one interval complete within it on 2 instances (10,000
// in 300 s: ≥ 34 cycles/s), and 2 instances ≥ 1.8× one. Needs a PostgreSQL server (TEST_DATABASE_URL,
// DATABASE_URL or the machine's postgres://postgres@127.0.0.1:5432/test): a scratch database, dropped after.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import PgBoss from 'pg-boss';
import { startDevTenant, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import { stableGuid } from '../src/devtenant/identity-tokens.ts';
import type { DevMessage, DevUser, TenantSeed, TimelineEvent } from '../src/devtenant/tenant-seed.ts';
import { QUEUES } from '../src/jobs/job-system.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { devTenantMaterial } from '../test/support/dev-tenant-client.ts';
import { deliverAt, devSeed, inbound } from '../test/support/dev-tenant-seed.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';
import { seededOwner, seededVa, seedPairings } from '../test/support/seed.ts';

const PAIRINGS = Number(process.env.BENCH_SYNC_PAIRINGS ?? 10_000);
/**
 * How long Graph takes to answer a mailbox request (a batch's inner requests run side by side). Not documented;
 * an assumption (a $batch of a few Outlook reads takes 100–300 ms from outside Microsoft's network).
 */
const GRAPH_LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 150);
const SERVER = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const INTERVAL_SECONDS = 5 * 60;
const TARGET_RATE = Math.ceil(PAIRINGS / INTERVAL_SECONDS);
const TARGET_SPEED_UP = 1.8;
/** One pairing in this many gets a new message before each measured round. */
const NEW_MAIL_ONE_IN = 100;
/** Mail already in each owner's Inbox, read by the first (backfill) round. */
const MESSAGES_PER_OWNER = 5;
/** Outlook's concurrent requests per app and mailbox (docs/graph-facts.md): the dev tenant answers 429 past it. */
const MAILBOX_CONCURRENCY = 4;
/** Linux's clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = 100;
const HOUR = 3_600_000;
const ROUND_PATIENCE_MS = 30 * 60_000;
const INSTANCE = fileURLToPath(new URL('./sync-instance.ts', import.meta.url));

const ownerId = (i: number) => stableGuid(`bench-owner/${i}`);
const vaId = (i: number) => stableGuid(`bench-va/${i}`);

function mailTo(i: number, at: number): DevMessage {
  const owner = seededOwner(i);
  return inbound(0, { toRecipients: [{ name: owner, address: owner }], receivedDateTime: at, sentDateTime: at - 60_000 });
}

/** The dev tenant: an owner and a VA mailbox per seeded pairing, each owner with a few messages in the Inbox. */
function tenantSeed(start: number): TenantSeed {
  const base = devSeed();
  const mailbox = base.mailboxes[0]!;
  const users: DevUser[] = [];
  const events: TimelineEvent[] = [];
  for (let i = 1; i <= PAIRINGS; i++) {
    users.push({ id: ownerId(i), userPrincipalName: seededOwner(i), displayName: `Owner ${i}`, mail: seededOwner(i) });
    users.push({ id: vaId(i), userPrincipalName: seededVa(i), displayName: `VA ${i}`, mail: seededVa(i) });
    for (let m = 1; m <= MESSAGES_PER_OWNER; m++) events.push(deliverAt(mailTo(i, start - m * HOUR), ownerId(i)));
  }
  return {
    ...base,
    users,
    mailboxes: users.map((user) => ({ ...mailbox, userId: user.id, folders: [] })),
    events,
    start,
    end: start + 24 * HOUR,
    groundTruth: { ...base.groundTruth, pairing: { ...base.groundTruth.pairing, ownerUserId: ownerId(1), vaUserId: vaId(1), mailboxUserId: ownerId(1) } },
  };
}

interface Instance {
  readonly child: ChildProcess;
  /** Warnings and errors it logged, by event: how many, and the first. */
  readonly warnings: Map<string, { count: number; first: string }>;
}

/** BENCH_INSTANCE_ARGS adds node options to the instances alone (e.g. `--cpu-prof --cpu-prof-dir=prof` to see where a cycle's CPU goes). */
async function startInstance(url: string, tenant: DevTenant): Promise<Instance> {
  const extra = process.env.BENCH_INSTANCE_ARGS?.split(' ').filter((arg) => arg !== '') ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', INSTANCE], {
    env: { ...process.env, DATABASE_URL: url, DEV_TENANT: JSON.stringify({ auth: tenant.authConfig, graphBaseUrl: tenant.graphBaseUrl, ca: tenant.ca }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const warnings: Instance['warnings'] = new Map();
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sync instance exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { level: string; event: string };
      if (entry.event === 'instance_ready') resolve();
      if (entry.level !== 'info') warnings.set(entry.event, { count: (warnings.get(entry.event)?.count ?? 0) + 1, first: warnings.get(entry.event)?.first ?? line.trim() });
    });
  });
  return { child, warnings };
}

async function stopInstance({ child }: Instance): Promise<void> {
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU seconds (user + system) a process of this machine has used so far; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const fields = stat.split(') ')[1]!.split(' ');
  // utime and stime, the 14th and 15th fields of proc(5), after the command name.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The machine's busy and total CPU time so far (/proc/stat), in ticks. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.reduce((sum, tick) => sum + tick, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

interface Round {
  readonly cycles: number;
  readonly failed: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly wirePerCycle: number;
  readonly innerPerCycle: number;
  readonly throttled: number;
  readonly newMail: number;
  readonly newMailStored: number;
  /** CPU seconds of this process (the dev tenant), each instance, and the scratch database's PostgreSQL backends. */
  readonly tenantCpu: number;
  readonly instanceCpu: readonly number[];
  readonly postgresCpu: number;
  readonly machineBusy: number;
  readonly load: number;
  /** Warnings and errors the instances logged, by event. */
  readonly warnings: Instance['warnings'];
}

/** CPU seconds so far of each PostgreSQL backend serving the scratch database (the server runs on this machine). */
async function backendCpu(db: Database): Promise<Map<number, number>> {
  const rows = await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  return new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)]));
}

async function syncJobs(db: Database): Promise<{ completed: number; failed: number }> {
  const [row] = await db.query<{ completed: number; failed: number }>(
    `select count(*) filter (where state = 'completed')::int as completed, count(*) filter (where state = 'failed')::int as failed from pgboss.job where name = $1`,
    [QUEUES.sync],
  );
  return row!;
}

/**
 * One interval's cycles: new mail for one pairing in NEW_MAIL_ONE_IN (others each round), then the job that
 * queues every pairing's sync, as the cron would, and the wait until pg-boss has every sync job done. Timed by
 * PostgreSQL's clock: from that job's creation to the last sync's completion; a cycle from a worker fetching
 * its job to pg-boss completing it (the jobs a worker fetched together complete together).
 */
async function runRound(db: Database, boss: PgBoss, tenant: DevTenant, instances: readonly Instance[], round: number): Promise<Round> {
  await db.execute('delete from pgboss.job where name = any($1::text[])', [[QUEUES.sync, QUEUES.syncAll]]);
  tenant.clock.advanceTo(Date.now());
  const newMail: string[] = [];
  for (let i = 1 + (round % NEW_MAIL_ONE_IN); i <= PAIRINGS; i += NEW_MAIL_ONE_IN) {
    const message = mailTo(i, Date.now());
    tenant.store.deliver(ownerId(i), message);
    newMail.push(message.id);
  }
  const requestsFrom = tenant.graphStats.requests.length;
  const throttledFrom = tenant.graphStats.concurrencyThrottled;
  const tenantCpuFrom = process.cpuUsage();
  const instanceCpuFrom = instances.map(({ child }) => cpuSeconds(child.pid!));
  const machineFrom = machineTicks();
  const postgresFrom = await backendCpu(db);

  await boss.send(QUEUES.syncAll, {});
  const deadline = Date.now() + ROUND_PATIENCE_MS;
  for (let jobs = await syncJobs(db); jobs.completed + jobs.failed < PAIRINGS; jobs = await syncJobs(db)) {
    if (Date.now() > deadline) throw new Error(`round ${round}: ${jobs.completed} syncs completed, ${jobs.failed} failed after ${ROUND_PATIENCE_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const tenantCpu = process.cpuUsage(tenantCpuFrom);
  const machine = machineTicks();
  const instanceCpu = instances.map(({ child }, i) => cpuSeconds(child.pid!) - instanceCpuFrom[i]!);
  // Backends that closed during the round are missed: an estimate from below.
  const postgresCpu = [...(await backendCpu(db))].reduce((sum, [pid, seconds]) => sum + seconds - (postgresFrom.get(pid) ?? 0), 0);
  const [timing] = await db.query<{ seconds: number; p50: number; p95: number }>(
    `select extract(epoch from max(completed_on) - (select min(created_on) from pgboss.job where name = $2))::float8 as seconds,
            percentile_cont(0.5) within group (order by extract(epoch from completed_on - started_on))::float8 * 1000 as p50,
            percentile_cont(0.95) within group (order by extract(epoch from completed_on - started_on))::float8 * 1000 as p95
     from pgboss.job where name = $1 and state = 'completed'`,
    [QUEUES.sync, QUEUES.syncAll],
  );
  const [stored] = await db.query<{ n: number }>('select count(*)::int as n from messages where id = any($1::text[])', [newMail]);
  const { completed, failed } = await syncJobs(db);
  const requests = tenant.graphStats.requests.slice(requestsFrom);
  const wire = requests.filter((request) => request.wire).length;
  return {
    cycles: completed,
    failed,
    seconds: timing!.seconds,
    p50Ms: timing!.p50,
    p95Ms: timing!.p95,
    wirePerCycle: wire / PAIRINGS,
    innerPerCycle: (requests.length - wire) / PAIRINGS,
    throttled: tenant.graphStats.concurrencyThrottled - throttledFrom,
    newMail: newMail.length,
    newMailStored: stored!.n,
    tenantCpu: (tenantCpu.user + tenantCpu.system) / 1e6,
    instanceCpu,
    postgresCpu,
    machineBusy: (machine.busy - machineFrom.busy) / (machine.total - machineFrom.total),
    load: loadavg()[0]!,
    warnings: new Map(),
  };
}

/** Starts `count` instances, runs one round on them, stops them. */
async function roundOn(count: number, url: string, db: Database, boss: PgBoss, tenant: DevTenant, round: number): Promise<Round> {
  const instances = await Promise.all(Array.from({ length: count }, () => startInstance(url, tenant)));
  try {
    const result = await runRound(db, boss, tenant, instances, round);
    const warnings: Instance['warnings'] = new Map();
    for (const instance of instances) for (const [event, { count, first }] of instance.warnings) warnings.set(event, { count: (warnings.get(event)?.count ?? 0) + count, first: warnings.get(event)?.first ?? first });
    return { ...result, warnings };
  } finally {
    await Promise.all(instances.map(stopInstance));
  }
}

const rate = (round: Round) => round.cycles / round.seconds;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const perCycle = (seconds: number, round: Round) => ((seconds * 1000) / round.cycles).toFixed(1);
const count = (n: number) => n.toLocaleString('en');

function describeRound(label: string, round: Round, target: boolean): string {
  const cycles = rate(round);
  return (
    `${label} ${count(round.cycles)} cycles in ${round.seconds.toFixed(1)} s: ${cycles.toFixed(1)} cycles/s` +
    (target ? ` (target ≥ ${TARGET_RATE}: ${cycles >= TARGET_RATE ? 'met' : 'NOT met'})` : '') +
    `, p95 cycle ${round.p95Ms.toFixed(0)} ms (p50 ${round.p50Ms.toFixed(0)} ms), ${round.wirePerCycle.toFixed(2)} Graph HTTP requests per cycle (${round.innerPerCycle.toFixed(2)} inside batches), ` +
    `${round.failed} failed, ${round.throttled} throttled, new mail stored for ${round.newMailStored} of ${round.newMail}\n` +
    `   CPU per cycle: instance${round.instanceCpu.length > 1 ? 's' : ''} ${perCycle(sum(round.instanceCpu), round)} ms, PostgreSQL ≈ ${perCycle(round.postgresCpu, round)} ms, ` +
    `dev tenant ${perCycle(round.tenantCpu, round)} ms; the machine was ${(round.machineBusy * 100).toFixed(0)}% busy (load ${round.load.toFixed(1)} on ${cpus().length} cores)\n` +
    (round.warnings.size > 0 ? [...round.warnings].map(([event, { count, first }]) => `   ${event} logged ${count}×, first: ${first.slice(0, 240)}\n`).join('') : '')
  );
}

const seedStarted = performance.now();
const scratch = await createScratchDatabase(SERVER);
const db = await openDatabase({ url: scratch.url });
const tenant = await startDevTenant({ seed: tenantSeed(Date.now()), ...(await devTenantMaterial()), roles: 'headers', mailboxConcurrency: MAILBOX_CONCURRENCY, latencyMs: GRAPH_LATENCY_MS });
const boss = new PgBoss({ db: db.bossConnection.db, schedule: false, supervise: false });
try {
  await migrate(db);
  await seedPairings(db, PAIRINGS, 'https://smba.invalid/');
  await boss.start();
  process.stdout.write(
    `Mail sync of ${count(PAIRINGS)} pairings through the job system on one PostgreSQL, against the dev tenant ` +
      `(${MAILBOX_CONCURRENCY} concurrent requests per mailbox, ${GRAPH_LATENCY_MS} ms per Graph answer, ${count(2 * PAIRINGS)} mailboxes, seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s); ` +
      `each round 1 in ${NEW_MAIL_ONE_IN} pairings has new mail\n`,
  );
  process.stdout.write(describeRound('first sync (backfill), 2 instances:', await roundOn(2, scratch.url, db, boss, tenant, 0), false));
  const one = await roundOn(1, scratch.url, db, boss, tenant, 1);
  process.stdout.write(describeRound('1 instance: ', one, false));
  const two = await roundOn(2, scratch.url, db, boss, tenant, 2);
  process.stdout.write(describeRound('2 instances:', two, true));
  const speedUp = rate(two) / rate(one);
  process.stdout.write(`2 instances / 1: ${speedUp.toFixed(2)}× (target ≥ ${TARGET_SPEED_UP}: ${speedUp >= TARGET_SPEED_UP ? 'met' : 'NOT met'})\n`);
  // Graph's own work is not Tandem's: what the instances and PostgreSQL spent is what bounds a CPU-starved run.
  const tandemMs = ((sum(two.instanceCpu) + two.postgresCpu) * 1000) / two.cycles;
  process.stdout.write(`(estimate, not a measurement: at ${tandemMs.toFixed(1)} ms of instance and PostgreSQL CPU per idle cycle, ${cpus().length} otherwise idle cores would sustain ≈ ${((cpus().length * 1000) / tandemMs).toFixed(0)} cycles/s)\n`);
} finally {
  await boss.stop({ graceful: false, wait: true });
  await db.close();
  await tenant.close();
  await scratch.drop();
}
