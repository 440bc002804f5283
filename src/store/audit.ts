// The audit log: who changed what about a pairing (settings, marks, offboarding). Details hold values, never mail.
import type { Queryable } from './database.ts';
import { millis } from './instants.ts';

export type AuditActor = 'owner' | 'va' | 'admin' | 'system' | 'cli';

export interface AuditEntry {
  readonly id: number;
  readonly tenantId: string | null;
  readonly pairingId: string | null;
  readonly actor: AuditActor;
  readonly action: string;
  readonly details: Record<string, unknown>;
  readonly at: number;
}

export interface NewAuditEntry {
  readonly tenantId: string | null;
  /** Null for lines that must outlive the pairing (offboarding). */
  readonly pairingId: string | null;
  readonly actor: AuditActor;
  readonly action: string;
  readonly details?: Record<string, unknown>;
}

export async function appendAudit(db: Queryable, entry: NewAuditEntry): Promise<void> {
  await db.execute('insert into audit_log (tenant_id, pairing_id, actor, action, details) values ($1, $2, $3, $4, $5::jsonb)', [
    entry.tenantId,
    entry.pairingId,
    entry.actor,
    entry.action,
    JSON.stringify(entry.details ?? {}),
  ]);
}

/** The pairing's audit lines, oldest first. */
export async function listAudit(db: Queryable, pairingId: string): Promise<AuditEntry[]> {
  const rows = await db.query<{ id: string | number; tenant_id: string | null; pairing_id: string | null; actor: AuditActor; action: string; details: Record<string, unknown>; at: Date }>(
    'select id, tenant_id, pairing_id, actor, action, details, at from audit_log where pairing_id = $1 order by id',
    [pairingId],
  );
  return rows.map((row) => ({
    // bigint identity: pg returns it as a string, PGlite as a number; audit ids stay far below 2^53.
    id: Number(row.id),
    tenantId: row.tenant_id,
    pairingId: row.pairing_id,
    actor: row.actor,
    action: row.action,
    details: row.details,
    at: millis(row.at),
  }));
}
