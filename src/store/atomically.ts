// Repositories take a Queryable so callers can compose them in one transaction; a write of several statements
// still has to be atomic when the caller passed the plain database.
import type { Database, Queryable } from './database.ts';

function isDatabase(db: Queryable): db is Database {
  return typeof (db as Partial<Database>).transaction === 'function';
}

/** Runs `work` in a new transaction on a Database, or inside the caller's transaction when given one. */
export function atomically<T>(db: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return isDatabase(db) ? db.transaction(work) : work(db);
}
