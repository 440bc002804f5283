// pg-boss runs on Tandem's own database: on PostgreSQL with its own pool, on embedded PGlite through
// pg-boss's `db` adapter (parameterless, possibly multi-statement SQL through exec; the rest through query).
import type { PGlite } from '@electric-sql/pglite';
import type PgBoss from 'pg-boss';

export function pgliteBossDb(db: Pick<PGlite, 'exec' | 'query'>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length === 0) return { rows: (await db.exec(text)).at(-1)?.rows ?? [] };
      return { rows: (await db.query(text, values)).rows };
    },
  };
}
