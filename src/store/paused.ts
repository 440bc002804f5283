// Paused intervals (leave, out of office): time the response clock does not run for the pairing.
import type { Interval } from '../kpi/message.ts';
import type { Queryable } from './database.ts';
import { prepared } from './prepared.ts';
import { atomically } from './atomically.ts';
import { isoInstant, millis } from './instants.ts';

export type PauseKind = 'leave' | 'out_of_office';
export type PauseCreator = 'owner' | 'va' | 'sync';

export interface NewPause {
  readonly kind: PauseKind;
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive; after `start` (the schema refuses anything else). */
  readonly end: number;
  readonly createdBy: PauseCreator;
}

/** Records a pause; returns its id. */
export async function addPause(db: Queryable, pairingId: string, pause: NewPause): Promise<number> {
  if (!(pause.end > pause.start)) throw new RangeError(`a pause must end after it starts (start ${isoInstant(pause.start)}, end ${isoInstant(pause.end)})`);
  const [row] = await db.query<{ id: string | number }>(
    `insert into paused_intervals (pairing_id, kind, starts_at, ends_at, created_by) values ($1, $2, $3::timestamptz, $4::timestamptz, $5) returning id`,
    [pairingId, pause.kind, isoInstant(pause.start), isoInstant(pause.end), pause.createdBy],
  );
  return Number(row!.id);
}

const PAUSES = prepared('pauses', 'select starts_at, ends_at from paused_intervals where pairing_id = $1 order by starts_at, ends_at');

/** The pairing's pauses as half-open intervals, in order of start. */
export async function listPauses(db: Queryable, pairingId: string): Promise<Interval[]> {
  const rows = await db.query<{ starts_at: Date; ends_at: Date }>(PAUSES, [pairingId]);
  return rows.map((row) => ({ start: millis(row.starts_at), end: millis(row.ends_at) }));
}

/**
 * Records an out-of-office interval observed by the sync: an interval still open grows cycle by cycle, so
 * the one with the same start is replaced rather than added again.
 */
export async function recordObservedOutOfOffice(db: Queryable, pairingId: string, interval: Interval): Promise<void> {
  if (!(interval.end > interval.start)) throw new RangeError(`a pause must end after it starts (start ${isoInstant(interval.start)}, end ${isoInstant(interval.end)})`);
  await atomically(db, async (tx) => {
    await tx.execute(`delete from paused_intervals where pairing_id = $1 and kind = 'out_of_office' and created_by = 'sync' and starts_at = $2::timestamptz`, [
      pairingId,
      isoInstant(interval.start),
    ]);
    await addPause(tx, pairingId, { kind: 'out_of_office', start: interval.start, end: interval.end, createdBy: 'sync' });
  });
}
