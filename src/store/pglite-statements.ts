// Kept statements on PGlite. Its query API parses and plans every statement anew and has no protocol-level
// named statements, but the SQL-level ones work: a Prepared read is PREPAREd once per PGlite session and then
// run as EXECUTE with its values written as quoted literals. Parsing the short EXECUTE costs little; planning
// the pane's conversation lookup cost about 0.6 ms of the server's only thread per request, on every request.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Prepared } from './prepared.ts';

type Session = Pick<PGlite | Transaction, 'query' | 'exec'>;

/** A schema change altered what a kept statement returns (0A000), or the session no longer has it (26000). */
const STALE_CODES = new Set(['0A000', '26000']);

/** An array literal's element: quoted, so no element text (commas, braces, "NULL") means anything else. */
const arrayElement = (item: string): string => `"${item.replace(/[\\"]/g, '\\$&')}"`;

/**
 * The value as a quoted literal, or null when it has none: the read then binds it. Only text and text arrays
 * (and null), which PostgreSQL converts to the parameter's type exactly as it converts a bound value; a number
 * or a Date would be bound by PGlite's serializer for the parameter's type, which a literal cannot imitate.
 * escapeLiteral is node-postgres's own quoting; a NUL cannot be quoted, and PostgreSQL refuses it as a value too.
 */
function literalOf(value: unknown): string | null {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.includes('\0') ? null : pg.escapeLiteral(value);
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string' && !item.includes('\0'))) {
    return pg.escapeLiteral(`{${value.map(arrayElement).join(',')}}`);
  }
  return null;
}

export interface KeptStatements {
  /**
   * Runs a Prepared read. `db` is the PGlite itself: statements are prepared there, outside any transaction.
   * `tx` is the transaction the read belongs to, if any: there only a statement already prepared is used (to
   * prepare it, the transaction would wait for itself), and a stale one fails the transaction once.
   */
  query<Row>(db: Session, tx: Session | null, statement: Prepared, params: readonly unknown[]): Promise<Row[]>;
}

/** The statements of one PGlite session (its transactions share them). */
export function keptStatements(): KeptStatements {
  const preparing = new Map<string, Promise<void>>();
  const ready = new Set<string>();

  async function prepare(db: Session, statement: Prepared): Promise<void> {
    const name = pg.escapeIdentifier(statement.name);
    // Whatever the session holds under the name (a stale plan, a statement this map lost track of) is replaced.
    const { rows } = await db.query('select 1 from pg_prepared_statements where name = $1', [statement.name]);
    await db.exec(`${rows.length > 0 ? `deallocate ${name}; ` : ''}prepare ${name} as ${statement.text}`);
  }

  function ensurePrepared(db: Session, statement: Prepared): Promise<void> {
    let pending = preparing.get(statement.name);
    if (pending === undefined) {
      const started = prepare(db, statement);
      pending = started;
      preparing.set(statement.name, started);
      started.then(
        () => preparing.get(statement.name) === started && ready.add(statement.name),
        () => preparing.get(statement.name) === started && preparing.delete(statement.name),
      );
    }
    return pending;
  }

  /** After the session refused the statement: the next use prepares it again (unless a newer preparation runs). */
  function forget(name: string, used: Promise<void> | undefined): void {
    if (preparing.get(name) !== used) return;
    preparing.delete(name);
    ready.delete(name);
  }

  return {
    async query<Row>(db: Session, tx: Session | null, statement: Prepared, params: readonly unknown[]): Promise<Row[]> {
      const literals = params.map(literalOf);
      const bound = async () => (await (tx ?? db).query<Row>(statement.text, [...params])).rows;
      if (literals.some((literal) => literal === null) || (tx !== null && !ready.has(statement.name))) return bound();
      const execute = `execute ${pg.escapeIdentifier(statement.name)}${literals.length === 0 ? '' : `(${literals.join(', ')})`}`;
      const run = async () => ((await (tx ?? db).exec(execute))[0]?.rows ?? []) as Row[];
      const used = tx === null ? ensurePrepared(db, statement) : preparing.get(statement.name);
      await used;
      try {
        return await run();
      } catch (error) {
        if (!STALE_CODES.has((error as { code?: string }).code ?? '')) throw error;
        forget(statement.name, used);
        if (tx !== null) throw error;
        await ensurePrepared(db, statement);
        return run();
      }
    },
  };
}
