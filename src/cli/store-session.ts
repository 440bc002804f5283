// How `tandem` commands that work on stored data reach the store: configuration from the environment, the
// database migrated, and closed again however the command ends.
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { NotFoundError } from '../store/not-found-error.ts';
import { UsageError } from './usage-error.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the configuration; a bad variable is a UsageError naming it. Like `npm start`, the CLI uses the local
 * stand-ins when no tenant is configured, except under NODE_ENV=production.
 */
export function cliConfig(env: Environment): Config {
  try {
    return loadConfig(env, { localUnlessConfigured: true });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/**
 * Runs `work` on the configured store: PostgreSQL at DATABASE_URL, else embedded PGlite in the same folder
 * the server uses (`<TANDEM_DATA_DIR>/pglite`, as src/index.ts opens it), so what the CLI imports the server sees.
 * An unknown pairing or tenant becomes a UsageError.
 */
export async function withStore<T>(env: Environment, work: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = cliConfig(env);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl === undefined ? join(config.dataDir, 'pglite') : undefined });
  try {
    await migrate(db);
    return await work(db, config);
  } catch (error) {
    if (error instanceof NotFoundError) throw new UsageError(error.message, { cause: error });
    throw error;
  } finally {
    await db.close();
  }
}
