// "No reply needed" marks made in Tandem by the owner or the VA: shown to both, audited, undoable.
import { atomically } from './atomically.ts';
import { appendAudit } from './audit.ts';
import type { Queryable } from './database.ts';
import { NotFoundError } from './not-found-error.ts';

export type MarkActor = 'owner' | 'va';

/** The pairing's tenant, with the row locked against offboarding until the caller's transaction ends. */
async function lockPairingTenant(tx: Queryable, pairingId: string): Promise<string> {
  const [row] = await tx.query<{ tenant_id: string }>('select tenant_id from pairings where id = $1 for key share', [pairingId]);
  if (row === undefined) throw new NotFoundError('pairing', pairingId);
  return row.tenant_id;
}

/** Marks a message "no reply needed" (marking again replaces who and why) and audits it. */
export async function markNoReply(db: Queryable, pairingId: string, messageId: string, by: MarkActor, reason: string): Promise<void> {
  await atomically(db, async (tx) => {
    const tenantId = await lockPairingTenant(tx, pairingId);
    await tx.execute(
      `insert into message_marks (pairing_id, message_id, marked_by, reason) values ($1, $2, $3, $4)
       on conflict (pairing_id, message_id) do update set marked_by = excluded.marked_by, reason = excluded.reason, marked_at = now()`,
      [pairingId, messageId, by, reason],
    );
    await appendAudit(tx, { tenantId, pairingId, actor: by, action: 'message_marked_no_reply', details: { messageId, reason } });
  });
}

/** Undoes a mark; returns false (and audits nothing) when the message was not marked. */
export async function unmark(db: Queryable, pairingId: string, messageId: string, by: MarkActor): Promise<boolean> {
  return atomically(db, async (tx) => {
    const tenantId = await lockPairingTenant(tx, pairingId);
    const removed = await tx.execute('delete from message_marks where pairing_id = $1 and message_id = $2', [pairingId, messageId]);
    if (removed === 0) return false;
    await appendAudit(tx, { tenantId, pairingId, actor: by, action: 'message_unmarked', details: { messageId } });
    return true;
  });
}

/** Ids of the pairing's messages marked "no reply needed", as the KPI engine takes them. */
export async function listMarks(db: Queryable, pairingId: string): Promise<Set<string>> {
  const rows = await db.query<{ message_id: string }>('select message_id from message_marks where pairing_id = $1', [pairingId]);
  return new Set(rows.map((row) => row.message_id));
}

export interface MarkDetail {
  readonly by: MarkActor;
  readonly reason: string;
  readonly at: number;
}
