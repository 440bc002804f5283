// Inbox snapshots: the Inbox item count read at (or just after) each inbox-zero cut-off.
import type { InboxSnapshot } from '../kpi/message.ts';
import type { Queryable } from './database.ts';
import { prepared } from './prepared.ts';
import { isoInstant, millis } from './instants.ts';

/** Records a count; recording the same instant again keeps the first count (a retried job changes nothing). */
export async function recordSnapshot(db: Queryable, pairingId: string, takenAt: number, count: number): Promise<void> {
  await db.execute(
    'insert into inbox_snapshots (pairing_id, taken_at, item_count) values ($1, $2::timestamptz, $3) on conflict (pairing_id, taken_at) do nothing',
    [pairingId, isoInstant(takenAt), count],
  );
}

const SNAPSHOTS = prepared('snapshots', 'select taken_at, item_count from inbox_snapshots where pairing_id = $1 order by taken_at');

/** The pairing's snapshots, oldest first. */
export async function listSnapshots(db: Queryable, pairingId: string): Promise<InboxSnapshot[]> {
  const rows = await db.query<{ taken_at: Date; item_count: number }>(SNAPSHOTS, [pairingId]);
  return rows.map((row) => ({ takenAt: millis(row.taken_at), count: row.item_count }));
}
