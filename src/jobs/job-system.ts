// The job system on pg-boss: a planner every minute turns each pairing's schedule into delivery jobs,
// mailbox syncs run every few minutes, retention runs daily. Every instance on the same database shares
// the queues; exactly-once comes from the delivery ledger, not from the queue.
import { warnAboutBreaches } from './breach-warnings.ts';
import PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { listFeedbackAuthors } from '../store/feedback.ts';
import { purgeMessagesOlderThan } from '../store/messages.ts';
import { purgeTasksOlderThan } from '../store/tasks.ts';
import { deleteOrphanedJobs } from '../store/offboard.ts';
import { listActivePairings } from '../store/pairings.ts';
import { listPostedItems } from '../store/posted-items.ts';
import { runDelivery, type DeliveryContext } from './deliveries.ts';
import { inFlight } from './in-flight.ts';
import { dueDeliverySchema, syncPayloadSchema } from './job-payloads.ts';
import { deliveryKey, planDeliveries } from './planner.ts';
import { syncPairing } from './sync.ts';

export const QUEUES = { plan: 'tandem-plan', deliver: 'tandem-deliver', sync: 'tandem-sync', syncAll: 'tandem-sync-all', purge: 'tandem-purge', warn: 'tandem-breach-warnings' } as const;

const DAY_MS = 86_400_000;
/** pg-boss's floor for polling. */
const POLLING_SECONDS = 0.5;
/** A delivery job whose worker died is retried after this; the ledger's lease guards the overlap. */
const DELIVERY_EXPIRE_SECONDS = 6 * 60;
const PLAN_BATCH = 500;

export interface JobSystemOptions {
  /** Jobs this instance runs at once, per queue. */
  readonly concurrency: number;
  readonly syncEveryMinutes: number;
  readonly retentionDays: number;
  /** Whether this instance keeps the cron schedules (all may; pg-boss fires each once). */
  readonly schedule?: boolean;
  /** How long stop() lets pg-boss wait before it fails the jobs still running (they are then retried). */
  readonly stopTimeoutMs?: number;
}

export interface JobSystem {
  /** Plans and enqueues what is due now for every active pairing; returns the number of jobs queued. */
  planNow(): Promise<number>;
  /** True while the workers run (readiness). */
  running(): boolean;
  /** Queues a sync of one pairing now (a change notification arrived); a sync already queued absorbs it. */
  syncSoon(pairingId: string): Promise<void>;
  stop(): Promise<void>;
}

async function planAll(ctx: DeliveryContext, boss: PgBoss): Promise<number> {
  const now = ctx.clock.now();
  const pairings = await listActivePairings(ctx.db);
  let queued = 0;
  for (let start = 0; start < pairings.length; start += PLAN_BATCH) {
    const batch = pairings.slice(start, start + PLAN_BATCH);
    const ids = batch.map((pairing) => pairing.id);
    const [posted, feedback] = [await listPostedItems(ctx.db, ids), await listFeedbackAuthors(ctx.db, ids)];
    const recordedBy = new Map<string, Map<string, { sentAt: number | null }>>();
    for (const item of posted) {
      // An intent whose claim lapsed belongs to a sender that died: leave it out so it is planned and reconciled.
      if (item.state !== 'sent' && !item.claimLive) continue;
      const recorded = recordedBy.get(item.pairingId) ?? new Map();
      recorded.set(deliveryKey(item.kind, item.period), { sentAt: item.sentAt });
      recordedBy.set(item.pairingId, recorded);
    }
    const jobs: PgBoss.JobInsert[] = batch.flatMap((pairing) => {
      const recorded = recordedBy.get(pairing.id) ?? new Map();
      const due = planDeliveries({ pairingId: pairing.id, settings: pairing.settings, createdAt: pairing.createdAt, recorded, feedbackBy: feedback.get(pairing.id) ?? new Map() }, now);
      return due.map((item) => ({ name: QUEUES.deliver, data: item, singletonKey: `${item.pairingId}:${deliveryKey(item.kind, item.period)}`, expireInSeconds: DELIVERY_EXPIRE_SECONDS }));
    });
    if (jobs.length > 0) await boss.insert(jobs);
    queued += jobs.length;
  }
  return queued;
}

async function queueSyncs(ctx: DeliveryContext, boss: PgBoss): Promise<void> {
  const pairings = await listActivePairings(ctx.db);
  if (pairings.length > 0) await boss.insert(pairings.map((pairing) => ({ name: QUEUES.sync, data: { pairingId: pairing.id }, singletonKey: pairing.id })));
}

export async function startJobSystem(db: Database, ctx: DeliveryContext, options: JobSystemOptions): Promise<JobSystem> {
  const log: Logger = ctx.log;
  // pg-boss stops waiting for handlers after its stop timeout and never awaits the complete or fail it writes
  // when a handler ends; both are tracked so stop() returns only when nothing will touch the database again.
  const running = inFlight();
  const bossDb: PgBoss.Db = { executeSql: (text, values) => running.track(db.bossConnection.db.executeSql(text, values)) };
  const boss = new PgBoss({ db: bossDb, schedule: options.schedule ?? true });
  boss.on('error', (error) => log.error('job_system_error', { message: error.message }));
  await boss.start();
  let active = true;

  await boss.createQueue(QUEUES.plan, { name: QUEUES.plan, policy: 'singleton' });
  await boss.createQueue(QUEUES.syncAll, { name: QUEUES.syncAll, policy: 'singleton' });
  await boss.createQueue(QUEUES.purge, { name: QUEUES.purge, policy: 'singleton' });
  await boss.createQueue(QUEUES.warn, { name: QUEUES.warn, policy: 'singleton' });
  // 'short': at most one queued job per key, so the minutely planner never piles up copies; a job that is
  // active in a dead instance does not block its replacement (the delivery ledger keeps them apart).
  await boss.createQueue(QUEUES.deliver, { name: QUEUES.deliver, policy: 'short', retryLimit: 10, retryDelay: 30, retryBackoff: true });
  await boss.createQueue(QUEUES.sync, { name: QUEUES.sync, policy: 'short', retryLimit: 2, retryDelay: 60 });

  /**
   * Each fetch from a large queue is the expensive query, so a worker takes a batch and runs its jobs side by
   * side; a job that fails is failed on its own (pg-boss then completes only the others). Two workers per
   * queue keep one slow job from holding up all the rest. While a queue has work, a worker is woken again
   * at once instead of sleeping out its polling interval.
   */
  const workers = Math.min(2, options.concurrency);
  const batchSize = Math.ceil(options.concurrency / Math.max(workers, 1));
  async function workInBatches(queue: string, handle: (data: unknown) => Promise<unknown>): Promise<void> {
    // Known only once boss.work resolves, but a batch may already run by then: the callback reads it late.
    let workerId: string | undefined = undefined;
    workerId = await boss.work(queue, { pollingIntervalSeconds: POLLING_SECONDS, batchSize }, (jobs) => running.track(runBatch(jobs)));
    async function runBatch(jobs: PgBoss.Job<unknown>[]): Promise<void> {
      const results = await Promise.allSettled(jobs.map((job) => handle(job.data)));
      for (const [i, result] of results.entries()) {
        if (result.status === 'fulfilled') continue;
        const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
        log.warn('job_failed', { queue, jobId: jobs[i]!.id, message });
        await boss.fail(queue, jobs[i]!.id, { message });
      }
      if (jobs.length === batchSize && workerId !== undefined) boss.notifyWorker(workerId);
    }
  }
  await Promise.all(
    Array.from({ length: workers }, () => [
      workInBatches(QUEUES.deliver, (data) => runDelivery(ctx, dueDeliverySchema.parse(data))),
      workInBatches(QUEUES.sync, (data) => syncPairing(ctx, syncPayloadSchema.parse(data).pairingId)),
    ]).flat(),
  );
  const workerOptions = { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 };
  const plan = async () => {
    const queued = await planAll(ctx, boss);
    if (queued > 0) log.info('planned', { queued });
  };
  await boss.work(QUEUES.plan, workerOptions, () => running.track(plan()));
  await boss.work(QUEUES.syncAll, workerOptions, () => running.track(queueSyncs(ctx, boss)));
  // Breach warnings (#6): the check is cheap for pairings without them; each pairing's hourly claim keeps one card an hour.
  await boss.work(QUEUES.warn, workerOptions, () => running.track(warnAboutBreaches(ctx)));
  const purge = async () => {
    const cutoff = ctx.clock.now() - options.retentionDays * DAY_MS;
    const purged = await purgeMessagesOlderThan(db, cutoff);
    const purgedTasks = await purgeTasksOlderThan(db, cutoff);
    // A job planned for a pairing in the instant it was offboarded would otherwise keep its id.
    const orphans = await deleteOrphanedJobs(db);
    log.info('retention_purge', { purged, purgedTasks, orphans });
  };
  await boss.work(QUEUES.purge, workerOptions, () => running.track(purge()));

  if (options.schedule ?? true) {
    await boss.schedule(QUEUES.plan, '* * * * *');
    await boss.schedule(QUEUES.syncAll, `*/${options.syncEveryMinutes} * * * *`);
    await boss.schedule(QUEUES.purge, '17 3 * * *');
    await boss.schedule(QUEUES.warn, '*/10 * * * *');
    // Schedules missed while no instance ran are due now: plan once at start-up, and sync, so a fresh
    // start (or a new pairing) does not wait for the next interval to show mail.
    await boss.send(QUEUES.plan, {});
    await boss.send(QUEUES.syncAll, {});
  }

  return {
    planNow: () => planAll(ctx, boss),
    async syncSoon(pairingId) {
      await boss.send(QUEUES.sync, { pairingId }, { singletonKey: pairingId });
    },
    running: () => active,
    async stop() {
      active = false;
      await boss.stop({ graceful: true, wait: true, timeout: options.stopTimeoutMs ?? 10_000 });
      await running.settled();
    },
  };
}
