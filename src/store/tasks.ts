// A pairing's tasks for the completion KPI (docs/kpi.md §11), per task source: upserts and removals from the
// task sync, reads for the engine, and the retention purge. Metadata only: no description or checklist.
import { DateTime } from 'luxon';
import type { TaskDue, TaskMeta } from '../kpi/tasks.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { atomically } from './atomically.ts';
import type { Queryable } from './database.ts';
import { isoInstant, millisOrNull } from './instants.ts';
import { storableText } from './messages.ts';
import { NotFoundError } from './not-found-error.ts';

/** A task as the sync read it: the engine's fields, and what the source says about its version. */
export interface StoredTask extends TaskMeta {
  /** The source's `@odata.etag`, when it sent one. */
  readonly etag: string | null;
}

const COLUMNS = ['title', 'due_at', 'due_date_time', 'due_time_zone', 'assigned_to_va', 'completed_at', 'deleted_at', 'etag'] as const;
const RECORD_TYPE = `r(id text, title text, due_at timestamptz, due_date_time text, due_time_zone text, assigned_to_va boolean,
  completed_at timestamptz, deleted_at timestamptz, etag text)`;

// An unchanged task is left alone, so an idle sync writes nothing.
const UPSERT_SQL = `
  insert into tasks (pairing_id, source, id, ${COLUMNS.join(', ')})
  select $1::uuid, $2, r.id, ${COLUMNS.map((column) => `r.${column}`).join(', ')}
  from jsonb_to_recordset($3::jsonb) as ${RECORD_TYPE}
  on conflict (pairing_id, source, id) do update set ${COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}, synced_at = now()
  where (${COLUMNS.map((column) => `tasks.${column}`).join(', ')}) is distinct from (${COLUMNS.map((column) => `excluded.${column}`).join(', ')})`;

/** The instant a due date names; a To Do zone the engine cannot resolve keeps its text and no instant. */
function dueInstant(due: TaskDue): number | null {
  if ('at' in due) return due.at;
  const zone = resolveTimeZone(due.timeZone);
  const instant = zone === null ? null : DateTime.fromISO(due.dateTime, { zone });
  return instant?.isValid ? instant.toMillis() : null;
}

function toRecord(task: StoredTask) {
  const due = task.due;
  const dueAt = due === null ? null : dueInstant(due);
  return {
    id: storableText(task.id),
    title: storableText(task.title),
    due_at: dueAt === null ? null : isoInstant(dueAt),
    due_date_time: due !== null && 'dateTime' in due ? storableText(due.dateTime) : null,
    due_time_zone: due !== null && 'dateTime' in due ? storableText(due.timeZone) : null,
    assigned_to_va: task.assignedToVa,
    completed_at: task.completedAt === null ? null : isoInstant(task.completedAt),
    deleted_at: task.deletedAt === null ? null : isoInstant(task.deletedAt),
    etag: task.etag === null ? null : storableText(task.etag),
  };
}

/**
 * Inserts new tasks and updates changed ones (the last copy of an id wins); returns rows written. Throws
 * NotFoundError for an unknown pairing.
 */
export async function upsertTasks(db: Queryable, pairingId: string, source: string, tasks: readonly StoredTask[]): Promise<number> {
  const records = [...new Map(tasks.map((task) => [storableText(task.id), task])).values()].map(toRecord);
  if (records.length === 0) return 0;
  return atomically(db, async (tx) => {
    // As with messages: the key-share lock keeps offboarding out while the rows are written.
    const pairing = await tx.query('select 1 from pairings where id = $1 for key share', [pairingId]);
    if (pairing.length === 0) throw new NotFoundError('pairing', pairingId);
    return tx.execute(UPSERT_SQL, [pairingId, source, JSON.stringify(records)]);
  });
}

/** Records that these tasks left their plan or list at `at`; one already recorded gone keeps its first time. */
export async function markTasksDeleted(db: Queryable, pairingId: string, source: string, ids: readonly string[], at: number): Promise<number> {
  if (ids.length === 0) return 0;
  return db.execute('update tasks set deleted_at = $4::timestamptz, synced_at = now() where pairing_id = $1 and source = $2 and id = any($3::text[]) and deleted_at is null', [
    pairingId,
    source,
    ids.map(storableText),
    isoInstant(at),
  ]);
}

interface TaskRow {
  id: string;
  title: string;
  due_at: Date | null;
  due_date_time: string | null;
  due_time_zone: string | null;
  assigned_to_va: boolean;
  completed_at: Date | null;
  deleted_at: Date | null;
  etag: string | null;
}

function fromRow(row: TaskRow): StoredTask {
  const due: TaskDue | null =
    row.due_date_time !== null && row.due_time_zone !== null ? { dateTime: row.due_date_time, timeZone: row.due_time_zone } : row.due_at === null ? null : { at: row.due_at.getTime() };
  return {
    id: row.id,
    title: row.title,
    due,
    assignedToVa: row.assigned_to_va,
    completedAt: millisOrNull(row.completed_at),
    deletedAt: millisOrNull(row.deleted_at),
    etag: row.etag,
  };
}

/** Every task stored for the pairing's source, by id. */
export async function listTasks(db: Queryable, pairingId: string, source: string): Promise<StoredTask[]> {
  const rows = await db.query<TaskRow>(`select id, ${COLUMNS.join(', ')} from tasks where pairing_id = $1 and source = $2 order by id`, [pairingId, source]);
  return rows.map(fromRow);
}

/**
 * Retention: deletes every pairing's tasks that were due before `cutoffMs` or removed from their source
 * before it (a task without a due date that still exists stays: it is today's work). Returns rows deleted.
 */
export async function purgeTasksOlderThan(db: Queryable, cutoffMs: number): Promise<number> {
  return db.execute('delete from tasks where due_at < $1::timestamptz or deleted_at < $1::timestamptz', [isoInstant(cutoffMs)]);
}

/** After a round that listed the whole source: every stored task not among `listed` left it at `at`. */
export async function markUnlistedTasksDeleted(db: Queryable, pairingId: string, source: string, listed: readonly string[], at: number): Promise<number> {
  return db.execute('update tasks set deleted_at = $4::timestamptz, synced_at = now() where pairing_id = $1 and source = $2 and deleted_at is null and not (id = any($3::text[]))', [
    pairingId,
    source,
    listed.map(storableText),
    isoInstant(at),
  ]);
}
