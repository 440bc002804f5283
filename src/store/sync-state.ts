// Where each pairing's mailbox sync stands, per scope (SYNC_SCOPES). The position is opaque here: the sync
// parses its own versioned shape on every read and resyncs when it cannot.
import { z } from 'zod';
import type { Queryable } from './database.ts';
import { millisOrNull } from './instants.ts';

export interface SyncState {
  /** As stored; null before the first success. Parse it before use. */
  readonly position: unknown;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly lastErrorAt: number | null;
}

export const SYNC_SCOPES = {
  /** The mailbox sync's position (src/store/sync-position.ts). */
  mailbox: 'mailbox',
  /** The Graph change-notification subscription for new Inbox mail. */
  subscription: 'subscription',
  /** The mailbox's own settings (time zone, working hours, language), as last read. */
  mailboxSettings: 'mailbox_settings',
  /** The task sync's position for the pairing's taskSource (src/graph/task-sync.ts). */
  tasks: 'tasks',
} as const;

/** Longest error text kept: enough to diagnose, short enough for the tab. */
export const MAX_ERROR_LENGTH = 2_000;

export async function readSyncState(db: Queryable, pairingId: string, scope: string): Promise<SyncState | null> {
  const [row] = await db.query<{ position: unknown; last_success_at: Date | null; last_error: string | null; last_error_at: Date | null }>(
    'select position, last_success_at, last_error, last_error_at from sync_state where pairing_id = $1 and scope = $2',
    [pairingId, scope],
  );
  if (row === undefined) return null;
  return { position: row.position ?? null, lastSuccessAt: millisOrNull(row.last_success_at), lastError: row.last_error, lastErrorAt: millisOrNull(row.last_error_at) };
}

/** Stores the new position and clears the last error. */
export async function recordSyncSuccess(db: Queryable, pairingId: string, scope: string, position: unknown): Promise<void> {
  await recordSyncSuccesses(db, pairingId, [[scope, position]]);
}

/** Records several scopes' successes in one statement (an idle sync cycle's one write). */
export async function recordSyncSuccesses(db: Queryable, pairingId: string, positions: ReadonlyArray<readonly [scope: string, position: unknown]>): Promise<void> {
  const rows = positions.map((_, index) => `($1, $${2 * index + 2}, $${2 * index + 3}::jsonb, now())`);
  await db.execute(
    `insert into sync_state (pairing_id, scope, position, last_success_at) values ${rows.join(', ')}
     on conflict (pairing_id, scope) do update set position = excluded.position, last_success_at = excluded.last_success_at,
       last_error = null, last_error_at = null`,
    [pairingId, ...positions.flatMap(([scope, position]) => [scope, position === undefined || position === null ? null : JSON.stringify(position)])],
  );
}

/** Records a failure; the position stays, so the next run resumes from the last success. */
export async function recordSyncError(db: Queryable, pairingId: string, scope: string, message: string): Promise<void> {
  await db.execute(
    `insert into sync_state (pairing_id, scope, last_error, last_error_at) values ($1, $2, $3, now())
     on conflict (pairing_id, scope) do update set last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
    [pairingId, scope, message.slice(0, MAX_ERROR_LENGTH)],
  );
}

/**
 * The pairing whose stored position (in `scope`) has this `id`, with that position: how a change
 * notification, which names only its subscription, finds its pairing.
 */
export async function findByPositionId(db: Queryable, scope: string, id: string): Promise<{ pairingId: string; position: unknown } | null> {
  return (await findByPositionIds(db, scope, [id])).get(id) ?? null;
}

/** The states whose position has one of these ids, by id, in one indexed query (migration 009). */
export async function findByPositionIds(db: Queryable, scope: string, ids: readonly string[]): Promise<Map<string, { pairingId: string; position: unknown }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; pairing_id: string; position: unknown }>(
    `select position->>'id' as id, pairing_id, position from sync_state where scope = $1 and position->>'id' = any($2::text[])`,
    [scope, [...ids]],
  );
  return new Map(rows.map((row) => [row.id, { pairingId: row.pairing_id, position: row.position }]));
}

const storedLocale = z.object({ locale: z.string().nullable() });

/** The mailbox's language (e.g. `da-DK`) as the last sync read it, or null: the language of mail to the owner. */
export async function readMailboxLocale(db: Queryable, pairingId: string): Promise<string | null> {
  const stored = storedLocale.safeParse((await readSyncState(db, pairingId, SYNC_SCOPES.mailboxSettings))?.position);
  return stored.success ? stored.data.locale : null;
}
