// Issue #5 end to end: Tandem's Graph sync reads the seeded dev tenant into the store, the engine computes
// from the store, and every week equals the generator's ground truth — with and without faults; plus what
// the sync costs in requests, what incremental syncs catch, and how misconfiguration is reported.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeKpi, type WeekKpi } from '../src/kpi/engine.ts';
import type { GraphConnection } from '../src/graph/connect.ts';
import { SyncError } from '../src/graph/sync-errors.ts';
import type { DevTenant } from '../src/devtenant/dev-tenant.ts';
import type { FaultConfig } from '../src/devtenant/graph-faults.ts';
import { generateTenantSeed } from '../src/devtenant/seed/generate.ts';
import { TEAMS_CHAT_FOLDER, withTeamsChatItems } from '../src/devtenant/seed/teams-chat-items.ts';
import type { ExpectedWeek, TenantSeed } from '../src/devtenant/tenant-seed.ts';
import { loadKpiInput } from '../src/reports/kpi-input.ts';
import { syncPairing } from '../src/jobs/sync.ts';
import { INBOX_LISTING_EVERY_MS } from '../src/graph/mailbox-sync.ts';
import { readMailboxLocale } from '../src/store/sync-state.ts';
import { chooseLocale, createPairing, getPairing, type Pairing } from '../src/store/pairings.ts';
import { listPauses } from '../src/store/paused.ts';
import { readSyncState } from '../src/store/sync-state.ts';
import { textOf, type Prepared } from '../src/store/prepared.ts';
import { openTestDatabase, type TestDatabase } from './support/databases.ts';
import { inboxListing, measureMailSyncCost, requestsTo, seedTruthPairing, startSyncTenant, userOf, wireCount, type SyncTenant, type SyncTenantOptions } from './support/dev-tenant-sync.ts';

const DAY = 24 * 60 * 60 * 1000;

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase('pglite');
});
afterAll(async () => {
  await db.dispose();
});

const open: { tenant?: DevTenant; connection?: GraphConnection }[] = [];
afterEach(async () => {
  for (const { tenant, connection } of open.splice(0)) {
    await connection?.close();
    await tenant?.close();
  }
});

async function startTenant(seed: TenantSeed, options: SyncTenantOptions = {}): Promise<SyncTenant> {
  const started = await startSyncTenant(seed, options);
  open.push(started);
  return started;
}

/** Syncs once a simulated day from the start of the timeline to its end, as the scheduled job would. */
async function syncDaily(tenant: DevTenant, connection: GraphConnection, pairing: Pairing, seed: TenantSeed): Promise<void> {
  for (let at = seed.start; ; at = Math.min(at + DAY, seed.end)) {
    tenant.clock.advanceTo(at);
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
    if (at === seed.end) return;
  }
}

/** The engine's weeks from the store, in the ground truth's terms. */
async function computedWeeks(pairing: Pairing, seed: TenantSeed): Promise<ExpectedWeek[]> {
  const first = seed.groundTruth.weeks[0]!.week;
  const last = seed.groundTruth.weeks.at(-1)!.week;
  const { DateTime } = await import('luxon');
  const from = DateTime.fromISO(`${first}-1`).toISODate()!;
  const to = DateTime.fromISO(`${last}-7`).toISODate()!;
  const report = computeKpi(await loadKpiInput(db, pairing, { from, to }, seed.groundTruth.evaluatedAt));
  return report.weeks.map((week: WeekKpi) => ({
    week: week.week,
    counted: week.counted,
    onTime: week.onTime,
    late: week.late,
    missed: week.missed,
    pending: week.pending,
    medianMinutes: week.medianMinutes,
    p90Minutes: week.p90Minutes,
    excluded: week.excluded,
    answeredBy: week.answeredBy,
  }));
}

describe('Graph sync of the seeded dev tenant, end to end', () => {
  it('stores what happened: every week equals the ground truth exactly, and the VA’s out-of-office is paused exactly', async () => {
    const seed = generateTenantSeed(1);
    const { tenant, connection } = await startTenant(seed);
    const pairing = await seedTruthPairing(db, seed);
    await syncDaily(tenant, connection, pairing, seed);

    expect(await computedWeeks(pairing, seed)).toEqual(seed.groundTruth.weeks);
    const pauses = await listPauses(db, pairing.id);
    for (const outOfOffice of seed.groundTruth.outOfOffice) expect(pauses).toContainEqual(outOfOffice);
    expect(pauses).toHaveLength(seed.groundTruth.outOfOffice.length + seed.groundTruth.pairing.leave.length);
    expect((await readSyncState(db, pairing.id, 'mailbox'))?.lastError).toBeNull();
    const owner = seed.mailboxes.find((mailbox) => mailbox.userId === seed.groundTruth.pairing.ownerUserId)!;
    expect((await readSyncState(db, pairing.id, 'mailbox_settings'))?.position).toMatchObject({ timeZone: owner.timeZone, workingHours: { startTime: owner.workingHours.startTime } });
  });

  it("sets the chat's language from the owner's Outlook language until the owner chooses one", async () => {
    const base = generateTenantSeed(7, { weeks: 4 });
    const ownerId = base.groundTruth.pairing.ownerUserId;
    const danish = { ...base, mailboxes: base.mailboxes.map((mailbox) => (mailbox.userId === ownerId ? { ...mailbox, locale: 'da-DK' } : mailbox)) };
    const { tenant, connection } = await startTenant(danish);
    const pairing = await seedTruthPairing(db, danish);
    expect(pairing.locale).toBe('en');
    tenant.clock.advanceTo(danish.end);
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
    expect(await getPairing(db, pairing.id)).toMatchObject({ locale: 'da-DK', localeChosen: false });
    expect(await readMailboxLocale(db, pairing.id)).toBe('da-DK');

    await chooseLocale(db, pairing.id, 'de', 'da-DK', 'owner');
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
    expect(await getPairing(db, pairing.id)).toMatchObject({ locale: 'de', localeChosen: true });
  });

  it('gets every week right in 100 seeded runs with 20% of requests faulted (429, 503, 504, dropped, slow) and the Exchange behaviours no document rules out (issue #18): Teams chat items listed as messages, moves that keep lastModifiedDateTime, mail changing between pages, Outlook counting batched requests', async () => {
    const failures: string[] = [];
    for (let run = 1; run <= 100; run++) {
      // Each run has its own mailbox (4 weeks), chat items and faults; a failure names the seeds.
      const seed = withTeamsChatItems(generateTenantSeed(1000 + run, { weeks: 4 }), { seed: run, perDay: 8 });
      const faults: FaultConfig = { rate: 0.2, seed: run, kinds: [429, 503, 504, 'drop', 'slow'], slowMs: 5, retryAfterSeconds: 1 };
      const { tenant, connection } = await startTenant(seed, {
        faults,
        exchange: { movesKeepLastModified: true, modifyBetweenPages: { seed: run, count: 2 } },
        mailboxConcurrency: 4,
        // Small pages, so daily sweeps span several and mail changes between them.
        pageSize: 20,
      });
      const name = `mailbox seed ${1000 + run}, fault seed ${run}`;
      try {
        const pairing = await seedTruthPairing(db, seed);
        await syncDaily(tenant, connection, pairing, seed);
        const weeks = await computedWeeks(pairing, seed);
        if (JSON.stringify(weeks) !== JSON.stringify(seed.groundTruth.weeks)) failures.push(`${name}: weeks differ`);
        const stored = (await loadKpiInput(db, pairing, { from: '2000-01-01', to: '2100-01-01' }, tenant.clock.now())).messages;
        const ownerBox = tenant.store.mailbox(seed.groundTruth.pairing.mailboxUserId)!;
        const chats = [...ownerBox.messages.values()].filter((message) => message.folder === TEAMS_CHAT_FOLDER.key);
        if (chats.length === 0) failures.push(`${name}: no Teams chat item in the mailbox`);
        if (stored.some((message) => message.id.startsWith('teams-chat-'))) failures.push(`${name}: a Teams chat item was stored as mail`);
        const inGraph = [...ownerBox.messages.values()].filter((message) => message.folder === 'inbox').map((message) => message.message.id).sort();
        const inStore = stored.filter((message) => message.folder === 'inbox').map((message) => message.id).sort();
        if (JSON.stringify(inGraph) !== JSON.stringify(inStore)) failures.push(`${name}: the stored Inbox differs from the mailbox's`);
        if (tenant.graphStats.concurrencyThrottled !== 0) failures.push(`${name}: ${tenant.graphStats.concurrencyThrottled} requests over Outlook's per-mailbox concurrency`);
        if (tenant.graphStats.faults === 0) failures.push(`${name}: no fault was injected`);
      } catch (error) {
        failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await connection.close();
        await tenant.close();
        open.pop();
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);
});

describe('what a sync costs in Graph requests', () => {
  it('backfills N messages in at most ceil(N / 1,000) + 3 requests, idles in at most 3 per mailbox, and never asks for a body or preview', async () => {
    const seed = generateTenantSeed(7, { weeks: 12 });
    const started = await startTenant(seed);
    const pairing = await seedTruthPairing(db, seed);
    const cost = await measureMailSyncCost(db, started, pairing.id, seed.end);
    expect(cost.backfilled).toBeGreaterThan(1_000);
    expect(wireCount(cost.backfill)).toBeLessThanOrEqual(Math.ceil(cost.backfilled / 1_000) + 3);

    expect(cost.idleStored).toBe(0);
    expect(wireCount(cost.idle)).toBeLessThanOrEqual(3);
    // The hourly cycle that lists the Inbox's ids as well.
    expect(inboxListing(cost.listing)).not.toEqual([]);
    expect(wireCount(cost.listing)).toBeLessThanOrEqual(3);
    for (const id of [seed.groundTruth.pairing.ownerUserId, seed.groundTruth.pairing.vaUserId]) expect(requestsTo(cost.idle, userOf(seed, id).mail).length).toBeLessThanOrEqual(3);

    const requests = started.tenant.graphStats.requests;
    const asked = requests.map((request) => `${request.path}?${request.query}`);
    expect(asked.filter((request) => /body|preview/i.test(request))).toEqual([]);
    expect(asked.filter((request) => /\/messages($|\?)/.test(request)).every((request) => request.includes('$select='))).toBe(true);
  });
});

describe('incremental sync', () => {
  it('writes an idle cycle as one statement: the sync position and the mailbox settings, no transaction', async () => {
    const seed = generateTenantSeed(3, { weeks: 4 });
    const { tenant, connection } = await startTenant(seed);
    const pairing = await seedTruthPairing(db, seed);
    // After the timeline's end: the backfill, the first sweep (it lists the Inbox), one that re-reads the
    // overlap; then nothing has changed for longer than the overlap.
    for (const minutes of [0, 5, 30]) {
      tenant.clock.advanceTo(seed.end + minutes * 60_000);
      await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
    }
    const settingsBefore = await readSyncState(db, pairing.id, 'mailbox_settings');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const statements: string[] = [];
    const counted = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'transaction') return (work: never) => (statements.push('transaction'), target.transaction(work));
        if (property === 'query') return (sql: string | Prepared, params?: readonly unknown[]) => (statements.push(textOf(sql).trim()), target.query(sql, params));
        if (property === 'execute') return (sql: string, params?: readonly unknown[]) => (statements.push(sql.trim()), target.execute(sql, params));
        return Reflect.get(target, property, receiver);
      },
    });
    tenant.clock.advanceTo(seed.end + 35 * 60_000);
    expect(await syncPairing({ db: counted, mailbox: connection.mailbox }, pairing.id)).toBe(0);
    expect(statements).not.toContain('transaction');
    expect(statements.filter((sql) => /^(insert|update|delete)\b/i.test(sql))).toEqual([expect.stringMatching(/^insert into sync_state/)]);
    const settings = await readSyncState(db, pairing.id, 'mailbox_settings');
    expect(settings?.lastSuccessAt).toBeGreaterThan(settingsBefore!.lastSuccessAt!);
    expect(settings?.position).toEqual(settingsBefore!.position);
  });

  it('reflects mail that arrives, is answered, moved, categorized or deleted between two syncs', async () => {
    const seed = generateTenantSeed(3, { weeks: 4 });
    const { tenant, connection } = await startTenant(seed);
    const pairing = await seedTruthPairing(db, seed);
    const ownerId = seed.groundTruth.pairing.ownerUserId;
    const owner = userOf(seed, ownerId);
    tenant.clock.advanceTo(seed.start + 7 * DAY);
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
    const before = new Map((await loadKpiInput(db, pairing, { from: '2000-01-01', to: '2100-01-01' }, tenant.clock.now())).messages.map((message) => [message.id, message]));
    const inbox = [...before.values()].filter((message) => message.folder === 'inbox' && message.from !== owner.mail);
    const [toMove, toCategorize, toDelete] = inbox;
    expect(toDelete).toBeDefined();

    tenant.clock.advanceTo(seed.start + 7 * DAY + 60 * 60 * 1000);
    tenant.store.move(ownerId, toMove!.id, 'archive');
    tenant.store.categorize(ownerId, toCategorize!.id, ['No reply needed']);
    tenant.store.remove(ownerId, toDelete!.id);
    // Whatever the timeline brings in the next two days: new mail and replies.
    tenant.clock.advanceTo(seed.start + 9 * DAY);
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);

    const after = new Map((await loadKpiInput(db, pairing, { from: '2000-01-01', to: '2100-01-01' }, tenant.clock.now())).messages.map((message) => [message.id, message]));
    expect(after.get(toMove!.id)?.folder).toBe('archive');
    expect(after.get(toCategorize!.id)?.categories).toEqual(['No reply needed']);
    // Outlook on the web's link to each message, as Graph's webLink gives it (the cards open waiting mail there).
    expect(after.get(toCategorize!.id)?.webLink).toMatch(/^https:\/\/outlook\.office365\.com\/owa\/\?ItemID=/);
    // Deleted outright in the mailbox, still counted by Tandem (kpi-spec: handling is not answering), kept as
    // Deleted Items once the Inbox listing shows it gone.
    expect(after.get(toDelete!.id)).toEqual({ ...before.get(toDelete!.id), folder: 'deleteditems' });
    const arrived = seed.events.filter((event) => event.kind === 'deliver' && event.mailbox === ownerId && event.at > seed.start + 7 * DAY && event.at <= seed.start + 9 * DAY);
    expect(arrived.length).toBeGreaterThan(0);
    for (const event of arrived) if (event.kind === 'deliver') expect(after.has(event.message.id), event.message.subject).toBe(true);
    expect(arrived.some((event) => event.kind === 'deliver' && event.message.folder === 'sentitems')).toBe(true);
  });
});

describe('moves that leave lastModifiedDateTime alone', () => {
  it('still sees mail moved out of the Inbox, moved into it out of Junk, and deleted outright, from the Inbox id listing', async () => {
    const seed = generateTenantSeed(3, { weeks: 4 });
    const { tenant, connection } = await startTenant(seed, { exchange: { movesKeepLastModified: true } });
    const pairing = await seedTruthPairing(db, seed);
    const ownerId = seed.groundTruth.pairing.ownerUserId;
    const owner = userOf(seed, ownerId);
    tenant.clock.advanceTo(seed.start + 7 * DAY);
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
    const stored = async () => new Map((await loadKpiInput(db, pairing, { from: '2000-01-01', to: '2100-01-01' }, tenant.clock.now())).messages.map((message) => [message.id, message]));
    const before = await stored();
    const inbox = [...before.values()].filter((message) => message.folder === 'inbox' && message.from !== owner.mail);
    const [toArchive, toDelete] = inbox;
    const junk = [...before.values()].find((message) => message.folder === 'junkemail');
    expect(toDelete).toBeDefined();
    expect(junk).toBeDefined();

    tenant.clock.advanceTo(seed.start + 7 * DAY + 60 * 60 * 1000);
    const modifiedBefore = tenant.store.mailbox(ownerId)!.messages.get(toArchive!.id)!.lastModified;
    tenant.store.move(ownerId, toArchive!.id, 'archive');
    tenant.store.move(ownerId, junk!.id, 'inbox');
    tenant.store.remove(ownerId, toDelete!.id);
    expect(tenant.store.mailbox(ownerId)!.messages.get(toArchive!.id)!.lastModified).toBe(modifiedBefore);
    tenant.clock.advanceTo(seed.start + 7 * DAY + 2 * 60 * 60 * 1000);
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);

    const after = await stored();
    expect(after.get(toArchive!.id)?.folder).toBe('archive');
    expect(after.get(junk!.id)?.folder).toBe('inbox');
    // Gone from the mailbox, still counted (kpi-spec), and no longer looked for in the Inbox.
    expect(after.get(toDelete!.id)).toEqual({ ...before.get(toDelete!.id), folder: 'deleteditems' });
    const storedInbox = [...after.values()].filter((message) => message.folder === 'inbox').map((message) => message.id).sort();
    const graphInbox = [...tenant.store.mailbox(ownerId)!.messages.values()].filter((message) => message.folder === 'inbox').map((message) => message.message.id).sort();
    expect(storedInbox).toEqual(graphInbox);

    // The next idle cycle finds nothing to reconcile: one batch, no message read by id.
    const from = tenant.graphStats.requests.length;
    tenant.clock.advanceTo(seed.start + 7 * DAY + 3 * 60 * 60 * 1000);
    await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
    const idle = tenant.graphStats.requests.slice(from);
    expect(idle.filter((request) => request.wire)).toHaveLength(1);
    expect(idle.filter((request) => /\/messages\/[^/]+$/.test(request.path))).toEqual([]);
  });
  it('lists the Inbox only when its count disagrees with the store or the last listing is an hour old', async () => {
    const seed = generateTenantSeed(3, { weeks: 4 });
    const { tenant, connection } = await startTenant(seed, { exchange: { movesKeepLastModified: true } });
    const pairing = await seedTruthPairing(db, seed);
    const ownerId = seed.groundTruth.pairing.ownerUserId;
    const owner = userOf(seed, ownerId);
    const minutes = (n: number) => seed.start + 7 * DAY + n * 60_000;
    const stored = async () => new Map((await loadKpiInput(db, pairing, { from: '2000-01-01', to: '2100-01-01' }, tenant.clock.now())).messages.map((message) => [message.id, message]));
    const syncAt = async (at: number) => {
      tenant.clock.advanceTo(at);
      const from = tenant.graphStats.requests.length;
      await syncPairing({ db, mailbox: connection.mailbox }, pairing.id);
      return tenant.graphStats.requests.slice(from);
    };
    await syncAt(minutes(0));
    // The first incremental cycle lists the Inbox: the baseline of items Tandem does not track.
    expect(inboxListing(await syncAt(minutes(5)))).not.toEqual([]);
    const idle = await syncAt(minutes(10));
    expect(inboxListing(idle)).toEqual([]);
    expect(wireCount(idle)).toBe(1);

    const before = await stored();
    const [first, second] = [...before.values()].filter((message) => message.folder === 'inbox' && message.from !== owner.mail);
    const junk = [...before.values()].find((message) => message.folder === 'junkemail');
    expect(second).toBeDefined();
    expect(junk).toBeDefined();

    // One move out, unseen by the sweep: the count is one short, so this cycle lists and reads it by id.
    tenant.store.move(ownerId, first!.id, 'archive');
    const counted = await syncAt(minutes(15));
    expect(wireCount(inboxListing(counted))).toBeGreaterThan(0);
    expect((await stored()).get(first!.id)?.folder).toBe('archive');

    // A move out and a move in within one cycle leave the count alone: unseen until the hourly listing.
    tenant.store.move(ownerId, second!.id, 'archive');
    tenant.store.move(ownerId, junk!.id, 'inbox');
    expect(inboxListing(await syncAt(minutes(20)))).toEqual([]);
    expect((await stored()).get(second!.id)?.folder).toBe('inbox');
    expect(inboxListing(await syncAt(minutes(15) + INBOX_LISTING_EVERY_MS))).not.toEqual([]);
    const after = await stored();
    expect(after.get(second!.id)?.folder).toBe('archive');
    expect(after.get(junk!.id)?.folder).toBe('inbox');
  });
});

describe('misconfiguration', () => {
  const seed = generateTenantSeed(5, { weeks: 4 });

  async function failure(pairing: Pairing, connection: GraphConnection): Promise<SyncError> {
    const error = await syncPairing({ db, mailbox: connection.mailbox }, pairing.id).then(
      () => new Error('the sync succeeded'),
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect((await readSyncState(db, pairing.id, 'mailbox'))?.lastError).toBe((error as Error).message);
    return error as SyncError;
  }

  it('names refused credentials on the pairing', async () => {
    const { connection } = await startTenant(seed, { clientSecret: 'not-the-secret' });
    const error = await failure(await seedTruthPairing(db, seed), connection);
    expect(error.kind).toBe('credentials');
    expect(error.message).toContain('invalid_client');
  });

  it('names a consent not granted (403 from Graph) on the pairing', async () => {
    const { tenant, connection } = await startTenant(seed, { roles: ['MailboxSettings.Read'] });
    tenant.clock.advanceTo(seed.start + DAY);
    const error = await failure(await seedTruthPairing(db, seed), connection);
    expect(error.kind).toBe('consent');
    expect(error.message).toMatch(/admin consent/);
  });

  it('names a mailbox that does not exist, and the other pairings keep syncing', async () => {
    const { tenant, connection } = await startTenant(seed);
    tenant.clock.advanceTo(seed.start + 3 * DAY);
    const good = await seedTruthPairing(db, seed);
    const bad = await createPairing(db, { tenantId: seed.tenantId, mailbox: 'nobody@contoso.example', owner: { address: 'nobody@contoso.example' }, va: { address: 'va@contoso.example' } });
    const error = await failure(bad, connection);
    expect(error.kind).toBe('mailboxNotFound');
    expect(error.message).toContain('nobody@contoso.example');
    expect(await syncPairing({ db, mailbox: connection.mailbox }, good.id)).toBeGreaterThan(0);
    expect((await readSyncState(db, good.id, 'mailbox'))?.lastError).toBeNull();
  });
});
