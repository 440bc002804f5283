// Offboarding on both engines: three pairings with rows in every table and real pg-boss jobs; offboarding one
// leaves nothing anywhere that names it, changes nothing of the others, and leaves one audit line of counts.
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbound, reply } from '../../test/support/mail.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { appendAudit } from './audit.ts';
import { setBreachWarnings } from './breach-warnings.ts';
import type { Queryable } from './database.ts';
import { saveFeedback } from './feedback.ts';
import { markNoReply } from './marks.ts';
import { upsertMessages } from './messages.ts';
import { NotFoundError } from './not-found-error.ts';
import { deleteOrphanedJobs, offboardPairing, PAIRING_TABLES, UnhandledTablesError } from './offboard.ts';
import { setConversationRef, updateSettings, type Pairing } from './pairings.ts';
import { addPause } from './paused.ts';
import { recordSnapshot } from './snapshots.ts';
import { recordSyncError, recordSyncSuccess } from './sync-state.ts';
import { upsertTasks } from './tasks.ts';

const QUEUE = 'offboard-test';
const JOB_COLUMNS = 'id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output';

/** Rows about the pairing in every table Tandem has, and two pg-boss jobs (one archived). */
async function fillEveryTable(db: Queryable, boss: PgBoss, pairing: Pairing): Promise<void> {
  const { owner, va } = pairing;
  const question = inbound('2026-11-16T09:00:00Z', { to: [owner.address], cc: [va.address] });
  await upsertMessages(db, pairing.id, [question, reply('2026-11-16T10:00:00Z', question.conversationId, { from: owner.address, sender: va.address })]);
  await markNoReply(db, pairing.id, question.id, 'va', `asked ${owner.address}`);
  await upsertTasks(db, pairing.id, `planner:plan-${pairing.id}`, [
    { id: `task-${pairing.id}`, title: `Call ${owner.address}`, due: { at: Date.parse('2026-11-18T12:00:00Z') }, assignedToVa: true, completedAt: null, deletedAt: null, etag: 'W/"JzEtVGFzayAg"' },
  ]);
  await recordSyncSuccess(db, pairing.id, 'mailbox', { version: 1, deltaLink: `https://graph.microsoft.com/v1.0/users/${owner.address}/messages/delta` });
  await recordSyncError(db, pairing.id, 'backfill', `mailbox ${owner.address} not found`);
  await addPause(db, pairing.id, { kind: 'leave', start: Date.parse('2026-08-01T00:00:00Z'), end: Date.parse('2026-08-15T00:00:00Z'), createdBy: 'owner' });
  await recordSnapshot(db, pairing.id, Date.parse('2026-11-20T17:00:00Z'), 2);
  await saveFeedback(db, pairing.id, '2026-W47', 'owner', { note: `thanks ${va.address}` });
  await setBreachWarnings(db, pairing.id, true);
  await db.execute(`insert into posted_items (pairing_id, kind, period, state, due_at, external_id) values ($1, 'scorecard', '2026-W47', 'sent', now(), $2)`, [
    pairing.id,
    `activity-${pairing.id}`,
  ]);
  await updateSettings(db, pairing.id, { windowHours: 12 }, 'owner');
  await setConversationRef(db, pairing.id, { serviceUrl: 'https://smba.example/', conversation: { id: `chat-with-${va.address}` } });
  await boss.send(QUEUE, { pairingId: pairing.id }, { singletonKey: pairing.id });
  const archived = await boss.send(QUEUE, { pairingId: pairing.id, kind: 'scorecard' });
  // What pg-boss's maintenance does to a completed job, without waiting for it.
  await db.execute(`with moved as (delete from pgboss.job where id = $1 returning *) insert into pgboss.archive (${JOB_COLUMNS}) select ${JOB_COLUMNS} from moved`, [archived]);
}

interface TableRef {
  readonly schema: string;
  readonly table: string;
  /** Columns whose text could name a pairing or a person: text, uuid, json(b), arrays. */
  readonly columns: readonly string[];
}

/** Every base table of every schema but the system's, with its searchable columns. */
async function allTables(db: Queryable): Promise<TableRef[]> {
  const rows = await db.query<{ table_schema: string; table_name: string; columns: string[] }>(
    `select c.table_schema, c.table_name,
            array_agg(c.column_name::text order by c.ordinal_position)
              filter (where c.data_type in ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')) as columns
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg_toast%'
      group by c.table_schema, c.table_name
      order by 1, 2`,
  );
  return rows.map((row) => ({ schema: row.table_schema, table: row.table_name, columns: row.columns ?? [] }));
}

const qualified = (ref: TableRef) => `"${ref.schema}"."${ref.table}"`;

/** Rows of any table whose searchable columns contain any of the needles (case-insensitive). */
async function rowsMentioning(db: Queryable, needles: readonly string[]): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const ref of await allTables(db)) {
    if (ref.columns.length === 0) continue;
    const test = ref.columns.map((column) => `exists (select 1 from unnest($1::text[]) n where strpos(lower(t."${column}"::text), n) > 0)`).join(' or ');
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${qualified(ref)} t where ${test}`, [needles.map((n) => n.toLowerCase())]);
    if (row!.n > 0) found[qualified(ref)] = row!.n;
  }
  return found;
}

/** Count and checksum of every table's rows that mention none of the needles (offboarding lines left out). */
async function fingerprint(db: Queryable, needles: readonly string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const ref of await allTables(db)) {
    const offboardLine = ref.table === 'audit_log' ? ` and t.action <> 'pairing_offboarded'` : '';
    const [row] = await db.query<{ n: number; sum: string | null }>(
      `select count(*)::int as n, md5(string_agg(t::text, ',' order by t::text)) as sum from ${qualified(ref)} t
        where not exists (select 1 from unnest($1::text[]) n where strpos(lower(t::text), n) > 0)${offboardLine}`,
      [needles.map((n) => n.toLowerCase())],
    );
    result[qualified(ref)] = `${row!.n}:${row!.sum ?? '-'}`;
  }
  return result;
}

describe.each(testEngines())('offboarding on %s', (engine) => {
  const db = useTestDatabase(engine);
  let boss: PgBoss;
  let pairings: Pairing[];

  beforeAll(async () => {
    boss = new PgBoss({ ...db().bossConnection, supervise: false, schedule: false });
    boss.on('error', (error) => console.error(error));
    await boss.start();
    await boss.createQueue(QUEUE);
    // Two share a tenant, so the tenant row must survive the offboarding of one.
    const first = await newTestPairing(db());
    pairings = [first, await newTestPairing(db(), { tenantId: first.tenantId }), await newTestPairing(db())];
    for (const pairing of pairings) await fillEveryTable(db(), boss, pairing);
  });

  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
  });

  it('deletes everything about the pairing and nothing else, in every table', async () => {
    const [gone, ...kept] = pairings as [Pairing, ...Pairing[]];
    const needles = [gone.id, gone.owner.address, gone.va.address, gone.mailbox];
    const before = await rowsMentioning(db(), needles);
    // The fixture reaches every table that refers to pairings, so nothing below passes by being empty.
    for (const table of [...PAIRING_TABLES, 'pairings']) expect(before[`"public"."${table}"`], table).toBeGreaterThan(0);
    expect(before['"pgboss"."archive"']).toBe(1);
    const othersBefore = await fingerprint(db(), needles);

    const counts = await offboardPairing(db(), gone.id, 'cli');

    expect(counts).toMatchObject({
      messages: 2,
      message_marks: 1,
      tasks: 1,
      sync_state: 2,
      paused_intervals: 1,
      inbox_snapshots: 1,
      feedback: 1,
      posted_items: 1,
      breach_warnings: 1,
      audit_log: 2,
      pairings: 1,
      'pgboss.job': 1,
      'pgboss.archive': 1,
    });
    expect(await rowsMentioning(db(), needles)).toEqual({});
    expect(await fingerprint(db(), needles)).toEqual(othersBefore);
    // The others still have all their rows (their own ids were never among the needles).
    for (const pairing of kept) expect(Object.keys(await rowsMentioning(db(), [pairing.id])).length).toBeGreaterThanOrEqual(PAIRING_TABLES.length + 1);

    const lines = await db().query<{ tenant_id: string; pairing_id: string | null; actor: string; details: Record<string, number> }>(
      `select tenant_id, pairing_id, actor, details from audit_log where action = 'pairing_offboarded'`,
    );
    expect(lines).toEqual([{ tenant_id: gone.tenantId, pairing_id: null, actor: 'cli', details: counts }]);
    expect(await db().query('select id from tenants where id = $1', [gone.tenantId])).toHaveLength(1);
  });

  it('refuses an unknown pairing and changes nothing', async () => {
    const before = await fingerprint(db(), []);
    await expect(offboardPairing(db(), '00000000-0000-4000-8000-000000000000', 'cli')).rejects.toThrow(NotFoundError);
    await expect(offboardPairing(db(), pairings[0]!.id, 'cli')).rejects.toThrow(NotFoundError);
    await expect(offboardPairing(db(), 'not-a-uuid', 'cli')).rejects.toThrow(NotFoundError);
    expect(await fingerprint(db(), [])).toEqual(before);
  });

  it('refuses to run while a table referring to pairings is unknown to it, deleting nothing', async () => {
    const pairing = pairings[1]!;
    await db().script('create table pairing_notes (pairing_id uuid, note text); create table pairing_links (owner uuid references pairings (id))');
    try {
      await db().execute('insert into pairing_notes values ($1, $2)', [pairing.id, 'remember me']);
      const before = await fingerprint(db(), []);
      const refused = offboardPairing(db(), pairing.id, 'cli');
      await expect(refused).rejects.toThrow(UnhandledTablesError);
      await expect(refused).rejects.toThrow(/pairing_links, pairing_notes/);
      expect(await fingerprint(db(), [])).toEqual(before);
    } finally {
      await db().script('drop table pairing_notes; drop table pairing_links');
    }
  });

  it('sweeps up jobs queued for a pairing after it was offboarded', async () => {
    const [gone, kept] = [pairings[0]!, pairings[2]!];
    await boss.send(QUEUE, { pairingId: gone.id, kind: 'late' });
    const before = await rowsMentioning(db(), [kept.id]);
    expect(await deleteOrphanedJobs(db())).toMatchObject({ 'pgboss.job': 1, 'pgboss.archive': 0 });
    expect(await rowsMentioning(db(), [gone.id])).toEqual({});
    expect(await rowsMentioning(db(), [kept.id])).toEqual(before);
  });

  it('works without the job system ever having started', async () => {
    await db().script('drop schema pgboss cascade');
    const pairing = await newTestPairing(db());
    await appendAudit(db(), { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'system', action: 'created' });
    expect(await offboardPairing(db(), pairing.id, 'owner')).toEqual({
      messages: 0,
      message_marks: 0,
      tasks: 0,
      sync_state: 0,
      paused_intervals: 0,
      inbox_snapshots: 0,
      feedback: 0,
      posted_items: 0,
      breach_warnings: 0,
      audit_log: 1,
      pairings: 1,
    });
  });
});
