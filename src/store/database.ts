// One Postgres schema, two engines: embedded PGlite by default, a PostgreSQL server when DATABASE_URL is
// set. Everything above this module speaks plain parameterized SQL through `Database`.
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { pgliteBossDb } from './boss-adapter.ts';
import { keptStatements, type KeptStatements } from './pglite-statements.ts';
import type { Prepared } from './prepared.ts';

export type Engine = 'pglite' | 'postgres';

/** How soon a dropped LISTEN connection is replaced. */
const RECONNECT_MS = 1_000;

/** What repositories need: parameterized queries, and transactions that see their own writes. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string | Prepared, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a statement and returns how many rows it changed. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Parameterless, possibly multi-statement SQL (migrations). */
  script(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: Engine;
  /** How pg-boss reaches the same database: through this pool or this PGlite connection. */
  readonly bossConnection: { readonly db: PgBoss.Db };
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel` from any session (other instances on the
   * same PostgreSQL, or this process on PGlite); returns the unsubscribe.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; absent means embedded PGlite. */
  readonly url?: string | undefined;
  /** PGlite data directory; absent means in memory (tests). */
  readonly dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  readonly maxConnections?: number;
  /**
   * Told when an idle PostgreSQL connection dies (server restart, failover, a dropped test database); the
   * pool replaces it, so this is news, not a failure. Default: one line on stderr.
   */
  readonly onIdleConnectionError?: (error: Error) => void;
}

/** `tx`: the transaction this queryable runs in, or null for the PGlite itself. */
function pgliteQueryable(db: PGlite, tx: Transaction | null, kept: KeptStatements): Queryable {
  const session = tx ?? db;
  return {
    async query<Row>(sql: string | Prepared, params: readonly unknown[] = []) {
      if (typeof sql !== 'string') return kept.query<Row>(db, tx, sql, params);
      return (await session.query<Row>(sql, [...params])).rows;
    },
    async execute(sql: string, params: readonly unknown[] = []) {
      return (await session.query(sql, [...params])).affectedRows ?? 0;
    },
    async script(sql: string) {
      await session.exec(sql);
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const kept = keptStatements();
  return {
    engine: 'pglite',
    bossConnection: { db: pgliteBossDb(db) },
    ...pgliteQueryable(db, null, kept),
    transaction: (work) => db.transaction((tx) => work(pgliteQueryable(db, tx, kept))),
    listen: (channel, onMessage) => db.listen(channel, onMessage),
    close: () => db.close(),
  };
}

/**
 * Whether PostgreSQL refused a kept statement: another instance's migration changed what it returns (0A000,
 * "cached plan must not change result type"), or the connection no longer has it (26000).
 */
function isStaleStatement(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '0A000' || code === '26000';
}

/** `pooled`: each query on a connection of the pool's choosing, which drops a connection whose query failed. */
function pgQueryable(client: pg.Pool | pg.PoolClient, pooled: boolean): Queryable {
  return {
    async query<Row>(sql: string | Prepared, params: readonly unknown[] = []) {
      const values = [...params];
      if (typeof sql === 'string') return (await client.query(sql, values)).rows as Row[];
      try {
        return (await client.query({ name: sql.name, text: sql.text, values })).rows as Row[];
      } catch (error) {
        // The pool has dropped the connection that kept the stale statement; the read runs once more, unnamed.
        // Inside a transaction it cannot: the transaction has failed, and so does the caller, once.
        if (pooled && isStaleStatement(error)) return (await client.query(sql.text, values)).rows as Row[];
        throw error;
      }
    },
    async execute(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rowCount ?? 0;
    },
    async script(sql: string) {
      await client.query(sql);
    },
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  pool.on('error', options.onIdleConnectionError ?? ((error) => process.stderr.write(`tandem: idle database connection lost: ${error.message}\n`)));
  // Surface a wrong URL at start-up, not at the first job.
  await pool.query('select 1');
  return {
    engine: 'postgres',
    // pg-boss shares this pool, so one pool size bounds the instance's connections.
    bossConnection: { db: { executeSql: async (text: string, values: unknown[] = []) => ({ rows: (await pool.query(text, values)).rows }) } },
    ...pgQueryable(pool, true),
    async transaction(work) {
      const client = await pool.connect();
      let failure: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(pgQueryable(client, false));
        await client.query('commit');
        return result;
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        // A connection whose transaction failed is closed, not handed out again: it may keep a statement that
        // another instance's migration made stale, which would fail every transaction that drew it.
        client.release(failure);
      }
    },
    listen: (channel, onMessage) => listenOn(url, channel, onMessage, options),
    close: () => pool.end(),
  };
}

/** A connection of its own that LISTENs (a pooled one would be handed to others); reconnects when it drops. */
async function listenOn(url: string, channel: string, onMessage: (payload: string) => void, options: DatabaseOptions): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => message.channel === channel && onMessage(message.payload ?? ''));
    next.on('error', (error) => {
      (options.onIdleConnectionError ?? ((lost) => process.stderr.write(`tandem: listening connection lost: ${lost.message}\n`)))(error);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS).unref();
    });
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end();
  };
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url !== undefined ? openPostgres(options.url, options) : openPglite(options.dataDir);
}
