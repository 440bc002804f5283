// Named statements: one text per name, kept by PostgreSQL's connection, plain text on PGlite.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { prepared } from './prepared.ts';

describe('prepared', () => {
  it('gives a name one text only: a second text under the same name is a mistake PostgreSQL would refuse per connection', () => {
    const text = 'select 1 as one where $1::int > 0';
    expect(prepared('prepared-test-one', text)).toEqual({ name: 'prepared-test-one', text });
    expect(prepared('prepared-test-one', text)).toEqual({ name: 'prepared-test-one', text });
    expect(() => prepared('prepared-test-one', 'select 2 as one where $1::int > 0')).toThrow(/prepared-test-one.*another text/);
  });
});

describe.each(testEngines())('a prepared read on %s', (engine) => {
  const db = useTestDatabase(engine);
  const read = prepared('prepared-test-read', 'select x from generate_series(1, $1::int) as x order by x');

  it('answers like its text, every time', async () => {
    const first = await db().query<{ x: number }>(read, [3]);
    const again = await db().query<{ x: number }>(read, [2]);
    expect(first.map((row) => row.x)).toEqual([1, 2, 3]);
    expect(again.map((row) => row.x)).toEqual([1, 2]);
    expect(await db().query(read.text, [3])).toEqual(first);
  });

  it(engine === 'postgres' ? 'is parsed once per connection and then only bound' : 'runs as plain text (PGlite keeps no named statements)', async () => {
    const kept = await db().transaction(async (tx) => {
      await tx.query(read, [1]);
      await tx.query(read, [2]);
      return tx.query<{ name: string }>('select name from pg_prepared_statements where name = $1', [read.name]);
    });
    expect(kept.map((row) => row.name)).toEqual(engine === 'postgres' ? [read.name] : []);
  });
});
