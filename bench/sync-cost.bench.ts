// `npm run bench`: what a sync costs in Graph HTTP requests against the dev tenant (a $batch is one request,
// whatever it holds), measured next to the bounds of issues #18 and #19: a backfill of N messages in at most
// ceil(N / 1,000) + 3, an idle mail cycle in at most 3 per pairing, and beside them the Inbox backstop
// (src/graph/mailbox-sync.ts, reconcileInbox): the Inbox's count inside every cycle's batch, and the id listing
// (inside the batch, plus one request for each further 1,000 Inbox items) only in a cycle whose count
// disagrees or whose last listing is an hour old; an idle task sync of a Planner plan or a To Do list of 200
// open tasks in at most 2. Embedded PGlite: the counts do not depend on the database.
import { generateTenantSeed } from '../src/devtenant/seed/generate.ts';
import type { TenantSeed } from '../src/devtenant/tenant-seed.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { deliverAt, devSeed, idleTaskSeed, inbound, START } from '../test/support/dev-tenant-seed.ts';
import { inboxListing, measureIdleTaskSync, measureMailSyncCost, seedTruthPairing, startSyncTenant, wireCount } from '../test/support/dev-tenant-sync.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const IDLE_BOUND = 3;
/** Cycles in an hour at the default sync interval (TANDEM_SYNC_EVERY_MINUTES, 5), to spread the listing over. */
const CYCLES_PER_HOUR = 12;
const TASK_IDLE_BOUND = 2;
const OPEN_TASKS = 200;
/** A large Inbox: mostly mail older than the backfill window (the backstop lists it, the backfill does not read it). */
const LARGE_INBOX = Number(process.env.BENCH_LARGE_INBOX ?? 10_000);
const LARGE_INBOX_RECENT = 1_000;

const met = (measured: number, bound: number) => `${measured} (bound ≤ ${bound}${measured <= bound ? '' : ': NOT met'})`;
const count = (n: number) => n.toLocaleString('en');

/** devSeed's owner with LARGE_INBOX Inbox items, the last LARGE_INBOX_RECENT of them from the past week. */
function largeInboxSeed(): TenantSeed {
  const old = Array.from({ length: LARGE_INBOX - LARGE_INBOX_RECENT }, (_, i) => inbound(-200 * 24 * 60 + i));
  const recent = Array.from({ length: LARGE_INBOX_RECENT }, (_, i) => inbound(i * 10));
  return devSeed([...old, ...recent].map((message) => deliverAt(message)));
}

const db = await openDatabase({});
await migrate(db);
try {
  process.stdout.write('Mail sync cost in Graph HTTP requests (a $batch counts once), measured vs bound (#18):\n');
  const seeded = generateTenantSeed(7, { weeks: 12 });
  const mailboxes = [
    { label: 'seeded owner mailbox, 12 weeks', seed: seeded, at: seeded.end },
    { label: `large Inbox, ${count(LARGE_INBOX_RECENT)} items in the backfill window`, seed: largeInboxSeed(), at: START + 14 * DAY },
  ];
  for (const { label, seed, at } of mailboxes) {
    const started = await startSyncTenant(seed);
    try {
      const pairing = await seedTruthPairing(db, seed);
      const cost = await measureMailSyncCost(db, started, pairing.id, at);
      const inboxItems = [...started.tenant.store.mailbox(seed.groundTruth.pairing.mailboxUserId)!.messages.values()].filter((stored) => stored.folder === 'inbox').length;
      const batched = (requests: typeof cost.idle) => requests.length - wireCount(requests);
      const listing = inboxListing(cost.listing);
      process.stdout.write(
        `  ${label}, Inbox ${count(inboxItems)} items:\n` +
          `    backfill of ${count(cost.backfilled)} messages: ${met(wireCount(cost.backfill), Math.ceil(cost.backfilled / 1_000) + 3)}\n` +
          `    idle cycle: ${met(wireCount(cost.idle), IDLE_BOUND)}, ${batched(cost.idle)} Graph requests inside batches, ${inboxListing(cost.idle).length} Inbox id listing\n` +
          `    hourly cycle with the Inbox backstop's id listing: ${met(wireCount(cost.listing), IDLE_BOUND)}; the listing is ${listing.length} request(s), ` +
          `${batched(listing)} inside the cycle's batch, ${wireCount(listing)} over the wire (${(wireCount(listing) / CYCLES_PER_HOUR).toFixed(2)} per cycle over the hour)\n`,
      );
    } finally {
      await started.connection.close();
      await started.tenant.close();
    }
  }

  const { seed, sources } = idleTaskSeed(OPEN_TASKS);
  const started = await startSyncTenant(seed);
  try {
    started.tenant.clock.advanceTo(START + DAY);
    const pairings = await Promise.all(sources.map((source) => seedTruthPairing(db, seed, { taskSource: source })));
    const idle = await measureIdleTaskSync(db, started, pairings);
    process.stdout.write(
      `Idle task sync in HTTP requests per pairing, ${OPEN_TASKS} open tasks (#19): ` +
        pairings.map((pairing, i) => `${pairing.settings.taskSource.split(':')[0]} ${met(idle[i]!.requests, TASK_IDLE_BOUND)}`).join(', ') +
        '\n',
    );
  } finally {
    await started.connection.close();
    await started.tenant.close();
  }
} finally {
  await db.close();
}
