// When a mailbox last synced, as the read models keep it: the pane asks on every request, so it is kept, but a
// sync that stores mail (which announces a change) must show at once.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { localChangeFeed } from '../store/change-feed.ts';
import { recordSyncError, recordSyncSuccess } from '../store/sync-state.ts';
import { createReports } from './reports.ts';

describe.each(testEngines())('lastMailSync on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('is null before the first sync, then kept until a change on the pairing is announced', async () => {
    const changes = localChangeFeed();
    const reports = createReports(db(), changes);
    const pairing = await newTestPairing(db());
    expect(await reports.lastMailSync(pairing)).toBeNull();

    await recordSyncSuccess(db(), pairing.id, 'mailbox', { version: 1 });
    const [first] = await db().query<{ at: Date }>("select last_success_at as at from sync_state where pairing_id = $1 and scope = 'mailbox'", [pairing.id]);
    // Kept: a sync that found nothing new announces nothing.
    expect(await reports.lastMailSync(pairing)).toBeNull();
    await changes.announce(pairing.id);
    expect(await reports.lastMailSync(pairing)).toBe(first!.at.getTime());
  });

  it('is null for a mailbox whose sync has only failed, and the last success for one that synced', async () => {
    const reports = createReports(db());
    const [synced, failed] = [await newTestPairing(db()), await newTestPairing(db())];
    await recordSyncSuccess(db(), synced.id, 'mailbox', { version: 1 });
    await recordSyncSuccess(db(), failed.id, 'backfill', { version: 1 });
    await recordSyncError(db(), failed.id, 'mailbox', 'throttled');
    const [stored] = await db().query<{ at: Date }>("select last_success_at as at from sync_state where pairing_id = $1 and scope = 'mailbox'", [synced.id]);
    expect(await reports.lastMailSync(synced)).toBe(stored!.at.getTime());
    expect(await reports.lastMailSync(failed)).toBeNull();
  });

  it('keeps nothing with a time to live of 0 (the benches’ uncached path)', async () => {
    const reports = createReports(db(), undefined, { ttlMs: 0 });
    const pairing = await newTestPairing(db());
    expect(await reports.lastMailSync(pairing)).toBeNull();
    await recordSyncSuccess(db(), pairing.id, 'mailbox', { version: 1 });
    expect(await reports.lastMailSync(pairing)).toEqual(expect.any(Number));
  });
});
