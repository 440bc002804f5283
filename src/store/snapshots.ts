// Inbox snapshots: the Inbox item count read at (or just after) each inbox-zero cut-off.
import type { Queryable } from './database.ts';
import { isoInstant } from './instants.ts';

/** Records a count; recording the same instant again keeps the first count (a retried job changes nothing). */
export async function recordSnapshot(db: Queryable, pairingId: string, takenAt: number, count: number): Promise<void> {
  await db.execute(
    'insert into inbox_snapshots (pairing_id, taken_at, item_count) values ($1, $2::timestamptz, $3) on conflict (pairing_id, taken_at) do nothing',
    [pairingId, isoInstant(takenAt), count],
  );
}
