// VA leave as people manage it in the tab: listed with ids, added and removed by the VA, every change audited.
// Leave is stored with the other paused intervals (paused.ts), which the KPI clock reads.
import { atomically } from './atomically.ts';
import { appendAudit } from './audit.ts';
import type { Queryable } from './database.ts';
import { isoInstant, millis } from './instants.ts';
import { NotFoundError } from './not-found-error.ts';
import { addPause, type PauseCreator } from './paused.ts';

export interface Leave {
  readonly id: number;
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
  readonly createdBy: PauseCreator;
}

export type LeaveActor = 'owner' | 'va';

async function tenantOf(tx: Queryable, pairingId: string): Promise<string> {
  const [row] = await tx.query<{ tenant_id: string }>('select tenant_id from pairings where id = $1 for key share', [pairingId]);
  if (row === undefined) throw new NotFoundError('pairing', pairingId);
  return row.tenant_id;
}

/** The pairing's leave, in order of start. */
export async function listLeave(db: Queryable, pairingId: string): Promise<Leave[]> {
  const rows = await db.query<{ id: string | number; starts_at: Date; ends_at: Date; created_by: PauseCreator }>(
    `select id, starts_at, ends_at, created_by from paused_intervals where pairing_id = $1 and kind = 'leave' order by starts_at, id`,
    [pairingId],
  );
  return rows.map((row) => ({ id: Number(row.id), start: millis(row.starts_at), end: millis(row.ends_at), createdBy: row.created_by }));
}

/** Adds leave [start, end) and audits it; returns its id. */
export async function addLeave(db: Queryable, pairingId: string, start: number, end: number, by: LeaveActor): Promise<number> {
  return atomically(db, async (tx) => {
    const tenantId = await tenantOf(tx, pairingId);
    const id = await addPause(tx, pairingId, { kind: 'leave', start, end, createdBy: by });
    await appendAudit(tx, { tenantId, pairingId, actor: by, action: 'leave_added', details: { id, start: isoInstant(start), end: isoInstant(end) } });
    return id;
  });
}

/** Removes one leave period; false when the pairing has no leave with that id. */
export async function removeLeave(db: Queryable, pairingId: string, id: number, by: LeaveActor): Promise<boolean> {
  return atomically(db, async (tx) => {
    const tenantId = await tenantOf(tx, pairingId);
    const [row] = await tx.query<{ starts_at: Date; ends_at: Date }>(
      `delete from paused_intervals where pairing_id = $1 and id = $2 and kind = 'leave' returning starts_at, ends_at`,
      [pairingId, id],
    );
    if (row === undefined) return false;
    await appendAudit(tx, { tenantId, pairingId, actor: by, action: 'leave_removed', details: { id, start: isoInstant(millis(row.starts_at)), end: isoInstant(millis(row.ends_at)) } });
    return true;
  });
}
