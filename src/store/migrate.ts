// Versioned migrations: numbered .sql files in ./migrations, applied in order at start-up, each in its own
// transaction, under an advisory lock so several instances starting together apply each file once.
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** Arbitrary but fixed: the advisory lock every Tandem instance takes while migrating. */
const MIGRATION_LOCK = 72_616_564;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export async function readMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => MIGRATION_FILE.test(file)).sort();
  return Promise.all(
    files.map(async (name) => ({ version: Number(MIGRATION_FILE.exec(name)![1]), name, sql: await readFile(new URL(name, MIGRATIONS_DIR), 'utf8') })),
  );
}

/** Applies the pending migrations; returns the names applied now. */
export async function migrate(db: Database): Promise<string[]> {
  const migrations = await readMigrations();
  await db.script('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (done.length > 0) return false;
      await tx.script(migration.sql);
      await tx.execute('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}

/** True when every migration shipped with this build has been applied (readiness). */
export async function isMigrated(db: Database): Promise<boolean> {
  const [table] = await db.query<{ name: string | null }>("select to_regclass('schema_migrations')::text as name");
  if (table?.name == null) return false;
  const migrations = await readMigrations();
  const rows = await db.query<{ version: number }>('select version from schema_migrations');
  const applied = new Set(rows.map((row) => row.version));
  return migrations.every((migration) => applied.has(migration.version));
}
