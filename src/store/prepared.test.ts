// Named statements: one text per name, kept by PostgreSQL's connection, plain text on PGlite.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from '../../test/support/postgres.ts';
import { openDatabase } from './database.ts';
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

describe.runIf(TEST_DATABASE_URL !== undefined)('a prepared read on PostgreSQL after a migration changed what it returns', () => {
  it('is read once more unnamed, and a transaction that met it does not leave its connection to the next', async () => {
    const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    // One connection, so the statement kept by it is the one every later call meets.
    const db = await openDatabase({ url: scratch.url, maxConnections: 1 });
    try {
      await db.script("create table notes (id int primary key, body text); insert into notes values (1, 'first')");
      const read = prepared('prepared-test-notes', 'select id, body from notes where id = $1');
      expect(await db.query(read, [1])).toEqual([{ id: 1, body: 'first' }]);
      // Another instance's migration: the kept plan would now return another type, which PostgreSQL refuses.
      await db.script('alter table notes alter column body type varchar(40)');
      expect(await db.query(read, [1])).toEqual([{ id: 1, body: 'first' }]);

      expect(await db.transaction((tx) => tx.query(read, [1]))).toEqual([{ id: 1, body: 'first' }]);
      await db.script('alter table notes alter column body type text');
      await expect(db.transaction((tx) => tx.query(read, [1]))).rejects.toThrow(/cached plan must not change result type/);
      expect(await db.transaction((tx) => tx.query(read, [1]))).toEqual([{ id: 1, body: 'first' }]);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });
});
