// Kept statements on PGlite. Its query API parses and plans every statement anew and has no protocol-level
// named statements, but the SQL-level ones work: a Prepared read is PREPAREd once per PGlite session and then
// run as EXECUTE with its values written as quoted literals. Parsing the short EXECUTE costs little; planning
// the pane's conversation lookup cost about 0.6 ms of the server's only thread per request, on every request.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Prepared } from './prepared.ts';

type Session = Pick<PGlite | Transaction, 'query' | 'exec'>;

/** The statements one PGlite session has PREPAREd (shared by its transactions: same session). */
export interface KeptStatements {
  readonly ready: Map<string, Promise<void>>;
  /** Kept, but made stale by a schema change: dropped before being prepared again. */
  readonly stale: Set<string>;
}

export const keptStatements = (): KeptStatements => ({ ready: new Map(), stale: new Set() });

/** A schema change altered what a kept statement returns (0A000), or the session no longer has it (26000). */
const STALE_RESULT = '0A000';
const MISSING_STATEMENT = '26000';

/** An array literal's element: quoted, so no element text (commas, braces, "NULL") means anything else. */
const arrayElement = (item: string): string => `"${item.replace(/[\\"]/g, '\\$&')}"`;

/**
 * The value as a quoted literal that PostgreSQL converts to the parameter's type exactly as it converts a bound
 * text parameter (so a wrong value fails alike), or null when it has no such form: the read then binds it.
 * escapeLiteral is node-postgres's own quoting; a NUL cannot be quoted, and PostgreSQL refuses it as a value too.
 */
function literalOf(value: unknown): string | null {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.includes('\0') ? null : pg.escapeLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? `'${value}'` : null;
  if (typeof value === 'boolean') return `'${value}'`;
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string' && !item.includes('\0'))) {
    return pg.escapeLiteral(`{${value.map(arrayElement).join(',')}}`);
  }
  return null;
}

function ensurePrepared(session: Session, kept: KeptStatements, statement: Prepared): Promise<void> {
  let ready = kept.ready.get(statement.name);
  if (ready === undefined) {
    const name = pg.escapeIdentifier(statement.name);
    // One statement that cannot fail for the name being taken: inside a transaction, any failure ends it.
    const drop = kept.stale.has(statement.name) ? `deallocate ${name}; ` : '';
    ready = session.exec(`${drop}prepare ${name} as ${statement.text}`).then(() => void kept.stale.delete(statement.name));
    kept.ready.set(statement.name, ready);
    ready.catch(() => kept.ready.delete(statement.name));
  }
  return ready;
}

/** Forgets a statement the session refused; false when the failure was the read's own. */
function forgetStale(kept: KeptStatements, name: string, error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (code !== STALE_RESULT && code !== MISSING_STATEMENT) return false;
  kept.ready.delete(name);
  if (code === STALE_RESULT) kept.stale.add(name);
  return true;
}

/**
 * Runs a kept read on `session`. `retry`: outside a transaction, a statement made stale is prepared again and run
 * once more; inside one the transaction has failed, so the caller fails once and the next call prepares anew.
 */
export async function queryKept<Row>(session: Session, kept: KeptStatements, statement: Prepared, params: readonly unknown[], retry: boolean): Promise<Row[]> {
  const literals = params.map(literalOf);
  if (literals.some((literal) => literal === null)) return (await session.query<Row>(statement.text, [...params])).rows;
  const execute = `execute ${pg.escapeIdentifier(statement.name)}${literals.length === 0 ? '' : `(${literals.join(', ')})`}`;
  await ensurePrepared(session, kept, statement);
  try {
    return (await session.exec(execute))[0]!.rows as Row[];
  } catch (error) {
    if (!forgetStale(kept, statement.name, error) || !retry) throw error;
    await ensurePrepared(session, kept, statement);
    return (await session.exec(execute))[0]!.rows as Row[];
  }
}
