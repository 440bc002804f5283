// Offboarding: deletes everything Tandem holds about a pairing, its queued jobs included, in one transaction,
// and leaves one audit line that says how much was deleted and nothing about whom.
import { atomically } from './atomically.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import type { Queryable } from './database.ts';
import { NotFoundError } from './not-found-error.ts';
import { isPairingId } from './pairings.ts';

/**
 * Every table of Tandem's schema that holds rows about a pairing, deleted in this order before the pairing row.
 * A migration that adds such a table must add it here: offboarding refuses to run until it does.
 */
export const PAIRING_TABLES = [
  'messages',
  'message_marks',
  'tasks',
  'sync_state',
  'paused_intervals',
  'inbox_snapshots',
  'feedback',
  'posted_items',
  'breach_warnings',
  'audit_log',
] as const;

/** pg-boss's tables whose rows carry a job payload; they exist once the job system has started. */
export const JOB_TABLES = ['pgboss.job', 'pgboss.archive', 'pgboss.schedule'] as const;

/** The schema has a table about pairings that offboarding does not know, so it would survive offboarding. */
export class UnhandledTablesError extends Error {
  constructor(readonly tables: readonly string[]) {
    super(`offboarding does not know the table(s) ${tables.join(', ')} that refer to pairings; add them to PAIRING_TABLES in src/store/offboard.ts`);
    this.name = 'UnhandledTablesError';
  }
}

/** Tables in Tandem's schema with a pairing_id column or a foreign key to pairings. */
async function tablesReferringToPairings(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and c.column_name = 'pairing_id' and t.table_type = 'BASE TABLE'
     union
     select r.relname from pg_constraint k join pg_class r on r.oid = k.conrelid
      where k.contype = 'f' and k.confrelid = to_regclass('pairings') and r.relname <> 'pairings'
     order by 1`,
  );
  return rows.map((row) => row.table_name);
}

/** Fails before anything is deleted when the schema and PAIRING_TABLES disagree. */
export async function checkOffboardingCoversSchema(db: Queryable): Promise<void> {
  const known = new Set<string>(PAIRING_TABLES);
  const unhandled = (await tablesReferringToPairings(db)).filter((table) => !known.has(table));
  if (unhandled.length > 0) throw new UnhandledTablesError(unhandled);
}

/** Runs `remove` on each pg-boss table that exists; returns rows removed per table. */
async function deleteFromJobTables(tx: Queryable, remove: (table: string) => Promise<number>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of JOB_TABLES) {
    const [exists] = await tx.query<{ present: boolean }>('select to_regclass($1) is not null as present', [table]);
    if (exists?.present === true) counts[table] = await remove(table);
  }
  return counts;
}

/**
 * Deletes every row about the pairing from every table and its pg-boss jobs, then appends one audit line
 * (action 'pairing_offboarded', no pairing id, details: the counts). Returns rows deleted per table.
 * Throws NotFoundError for an unknown pairing and UnhandledTablesError when the schema outgrew this module.
 */
export async function offboardPairing(db: Queryable, pairingId: string, actor: AuditActor): Promise<Record<string, number>> {
  return atomically(db, async (tx) => {
    await checkOffboardingCoversSchema(tx);
    // The row lock waits for writers holding the pairing (syncs, marks) and keeps new ones out until commit.
    // Read raw: a pairing whose stored settings no longer parse must still be offboardable.
    const [pairing] = isPairingId(pairingId)
      ? await tx.query<{ tenant_id: string }>('select tenant_id from pairings where id = $1 for update', [pairingId])
      : [];
    if (pairing === undefined) throw new NotFoundError('pairing', pairingId);
    const counts: Record<string, number> = {};
    for (const table of PAIRING_TABLES) counts[table] = await tx.execute(`delete from ${table} where pairing_id = $1`, [pairingId]);
    // Table names come from JOB_TABLES, never from input.
    Object.assign(counts, await deleteFromJobTables(tx, (table) => tx.execute(`delete from ${table} where data ->> 'pairingId' = $1`, [pairingId])));
    counts.pairings = await tx.execute('delete from pairings where id = $1', [pairingId]);
    await appendAudit(tx, { tenantId: pairing.tenant_id, pairingId: null, actor, action: 'pairing_offboarded', details: { ...counts } });
    return counts;
  });
}

/**
 * Deletes pg-boss jobs whose pairing no longer exists. A planner that read a pairing just before it was
 * offboarded can still enqueue a job naming it; the daily retention run sweeps those up. Returns rows per table.
 */
export async function deleteOrphanedJobs(db: Queryable): Promise<Record<string, number>> {
  return atomically(db, (tx) =>
    deleteFromJobTables(tx, (table) =>
      tx.execute(`delete from ${table} j where j.data ? 'pairingId' and not exists (select 1 from pairings p where p.id::text = j.data ->> 'pairingId')`),
    ),
  );
}
