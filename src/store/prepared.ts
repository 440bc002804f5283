// Named statements: the reads a request makes, parsed once per PostgreSQL connection or PGlite session.

/**
 * A read every request makes (the pane's lookup, a report's input). PostgreSQL parses it once per pooled
 * connection and keeps its plan (after five runs it may settle on one plan for all values), and later runs
 * only bind it (a node-postgres named statement): the pane bench's p95 at 50 connections fell from 60–66 ms
 * to 34–43 ms. PGlite keeps it as an SQL prepared statement (src/store/pglite-statements.ts). Only reads with a
 * fixed column list: PostgreSQL re-plans a kept statement after a migration, but refuses one whose columns
 * changed (it is then read once more: unnamed on PostgreSQL, prepared anew on PGlite).
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

const preparedTexts = new Map<string, string>();

/** Names a statement for `Queryable.query`; one name may stand for one text only (PostgreSQL keeps it per connection). */
export function prepared(name: string, text: string): Prepared {
  const known = preparedTexts.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement ${name} is already defined with another text`);
  preparedTexts.set(name, text);
  return { name, text };
}

export const textOf = (sql: string | Prepared): string => (typeof sql === 'string' ? sql : sql.text);
