// The engines database tests run on, and an isolated, migrated database on each: a private PGlite, or a
// fresh PostgreSQL database on the TEST_DATABASE_URL server (dropped by dispose), so test files never share rows.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/store/database.ts';
import { migrate, readMigrations } from '../../src/store/migrate.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from './postgres.ts';

export interface TestDatabase extends Database {
  /** Closes the database and deletes it (PGlite's copy, or the PostgreSQL database). */
  dispose(): Promise<void>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export function testEngines(): Engine[] {
  return TEST_DATABASE_URL === undefined ? ['pglite'] : ['pglite', 'postgres'];
}

const announced = new Set<Engine>();

function announce(engine: Engine, where: string): void {
  if (announced.has(engine)) return;
  announced.add(engine);
  console.info(`database tests on ${engine} (${where})`);
}

const PGLITE_PACKAGE = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
/** PGlite's files live here: memory-backed where Linux offers it, since copying 40 MB to disk costs more than the rest. */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const TEMPLATES = join(SCRATCH, 'tandem-test-pglite');

/**
 * A migrated PGlite data directory, built once per schema and PGlite version and kept in the temp folder.
 * A new PGlite runs initdb (seconds); opening a copy of a ready directory takes a fraction of that.
 */
async function pgliteTemplate(): Promise<string> {
  const migrations = await readMigrations();
  const version = JSON.parse(await readFile(PGLITE_PACKAGE, 'utf8')).version as string;
  const key = createHash('sha256').update(version).update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  const template = join(TEMPLATES, key);
  if (await exists(template)) return template;
  // Parallel test files may build it at once: each builds its own, the first rename wins, the rest are dropped.
  const building = `${template}.building-${randomBytes(4).toString('hex')}`;
  const db = await openDatabase({ dataDir: building });
  await migrate(db);
  await db.close();
  try {
    await rename(building, template);
  } catch (error) {
    if (!(await exists(template))) throw error;
    await rm(building, { recursive: true, force: true });
  }
  // Templates of earlier schemas only take space (memory, on /dev/shm).
  for (const entry of await readdir(TEMPLATES)) {
    if (entry !== key && !entry.includes('.building-')) await rm(join(TEMPLATES, entry), { recursive: true, force: true });
  }
  return template;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A new folder holding a migrated PGlite data directory at `subfolder` (for a CLI's TANDEM_DATA_DIR: 'pglite'). */
export async function migratedPgliteCopy(subfolder = ''): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(SCRATCH, 'tandem-test-db-'));
  await cp(await pgliteTemplate(), join(dir, subfolder), { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function openPgliteCopy(): Promise<TestDatabase> {
  const { dir, remove } = await migratedPgliteCopy();
  announce('pglite', `a private copy of a migrated template, ${dir}`);
  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  return {
    ...db,
    async dispose() {
      await db.close();
      await remove();
    },
  };
}

async function openPostgresScratch(serverUrl: string): Promise<TestDatabase> {
  const scratch = await createScratchDatabase(serverUrl);
  announce('postgres', `database ${new URL(scratch.url).pathname.slice(1)}`);
  const db = await openDatabase({ url: scratch.url, maxConnections: 4 });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    await scratch.drop();
    throw error;
  }
  return {
    ...db,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}

/** A migrated database of its own on the engine. */
export function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') return openPgliteCopy();
  if (TEST_DATABASE_URL === undefined) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  return openPostgresScratch(TEST_DATABASE_URL);
}

/** One database for a describe block: opened before its tests, disposed after. Call inside `describe`. */
export function useTestDatabase(engine: Engine): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.dispose();
  });
  return () => {
    if (db === undefined) throw new Error('the test database is opened in beforeAll');
    return db;
  };
}
