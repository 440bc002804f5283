// Named statements: one text per name, kept by PostgreSQL's connection and by PGlite's session.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from '../../test/support/postgres.ts';
import { openDatabase, type Database, type Engine } from './database.ts';
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
    const first = await db().query<{ x: number }>(read, ['3']);
    const again = await db().query<{ x: number }>(read, ['2']);
    expect(first.map((row) => row.x)).toEqual([1, 2, 3]);
    expect(again.map((row) => row.x)).toEqual([1, 2]);
    expect(await db().query(read.text, ['3'])).toEqual(first);
  });

  it('is parsed once per session (a PostgreSQL connection, the PGlite) and then only run', async () => {
    await db().query(read, ['1']);
    const kept = await db().transaction(async (tx) => {
      await tx.query(read, ['1']);
      await tx.query(read, ['2']);
      return tx.query<{ name: string }>('select name from pg_prepared_statements where name = $1', [read.name]);
    });
    expect(kept.map((row) => row.name)).toEqual([read.name]);
  });

  it('passes any text exactly as a bound parameter would, and nothing in a value is read as SQL', async () => {
    const echo = prepared('prepared-test-echo', 'select $1::text as text, $2::text[] as list, $3::bigint as whole');
    const hostile = fc.oneof(
      fc.string({ unit: 'binary' }).filter((text) => !text.includes('\0')),
      fc.constantFrom("'); drop table messages; --", "\\'", "E'\\x00'", '$1', '{"a",b}', 'NULL', '"', '\\', '${x}', 'ø’æ 💌'),
    );
    await fc.assert(
      fc.asyncProperty(hostile, fc.array(hostile, { maxLength: 4 }), fc.maxSafeInteger(), async (text, list, whole) => {
        const params = [text, list, String(whole)];
        expect(await db().query(echo, params)).toEqual(await db().query(echo.text, params));
      }),
      { numRuns: 150 },
    );
    expect(await db().query('select count(*)::int as count from messages')).toEqual([{ count: 0 }]);
    // The values went through the kept statement, not around it.
    const kept = await db().transaction(async (tx) => {
      await tx.query(echo, ["it's", ['a"b'], '1']);
      return tx.query('select name from pg_prepared_statements where name = $1', [echo.name]);
    });
    expect(kept).toHaveLength(1);
  });

  it('binds a value that has no text form (a number, a Date) as before', async () => {
    const typed = prepared('prepared-test-typed', 'select $1::float8 as number, $2::timestamptz as at, $3::boolean as flag');
    const at = new Date(Date.UTC(2026, 11, 7, 9, 30));
    expect(await db().query(typed, [1.5, at, true])).toEqual([{ number: 1.5, at, flag: true }]);
  });

  it('lets a transaction use a read that a request outside it prepares meanwhile, without either waiting for the other', async () => {
    const read = prepared('prepared-test-meanwhile', 'select count(*)::int as count from generate_series(1, $1::int)');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = db().transaction(async (tx) => {
      await tx.query('select 1');
      await gate;
      return tx.query(read, ['3']);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = db().query(read, ['2']);
    release();
    expect(await inside).toEqual([{ count: 3 }]);
    expect(await outside).toEqual([{ count: 2 }]);
    expect(await db().transaction((tx) => tx.query(read, ['4']))).toEqual([{ count: 4 }]);
  });

  it('refuses a NUL in a value as PostgreSQL refuses a bound one', async () => {
    const echo = prepared('prepared-test-nul', 'select $1::text as text');
    await expect(db().query(echo, ['a\0b'])).rejects.toMatchObject({ code: '22021' });
  });
});

describe('a prepared read on PGlite whose session forgot its statements', () => {
  it('is prepared again once, however many reads meet the loss at the same time', async () => {
    const db = await openDatabase({});
    try {
      const read = prepared('prepared-test-forgotten', 'select $1::text as text');
      expect(await db.query(read, ['one'])).toEqual([{ text: 'one' }]);
      await db.script('deallocate all');
      const together = await Promise.all(['a', 'b', 'c'].map((text) => db.query(read, [text])));
      expect(together).toEqual([[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]]);
      expect(await db.query(read, ['later'])).toEqual([{ text: 'later' }]);
      expect(await db.query('select count(*)::int as count from pg_prepared_statements where name = $1', [read.name])).toEqual([{ count: 1 }]);
    } finally {
      await db.close();
    }
  });
});

/** A database of its own (the schema change below must not reach other tests); on PostgreSQL one connection, so the statement it keeps is the one every later call meets. */
async function ownDatabase(engine: Engine): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({});
    return { db, drop: () => db.close() };
  }
  const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
  const db = await openDatabase({ url: scratch.url, maxConnections: 1 });
  return { db, drop: async () => (await db.close(), await scratch.drop()) };
}

describe.each(testEngines())('a prepared read on %s after a migration changed what it returns', (engine) => {
  it('is run once more, and a transaction that met it fails once, leaving nothing stale to the next', async () => {
    const { db, drop } = await ownDatabase(engine);
    try {
      await db.script("create table notes (id int primary key, body text); insert into notes values (1, 'first')");
      const read = prepared('prepared-test-notes', 'select id, body from notes where id = $1');
      expect(await db.query(read, ['1'])).toEqual([{ id: 1, body: 'first' }]);
      // Another instance's migration (or, on PGlite, this one's): the kept plan would now return another type, which PostgreSQL refuses.
      await db.script('alter table notes alter column body type varchar(40)');
      expect(await db.query(read, ['1'])).toEqual([{ id: 1, body: 'first' }]);

      expect(await db.transaction((tx) => tx.query(read, ['1']))).toEqual([{ id: 1, body: 'first' }]);
      await db.script('alter table notes alter column body type text');
      await expect(db.transaction((tx) => tx.query(read, ['1']))).rejects.toThrow(/cached plan must not change result type/);
      expect(await db.transaction((tx) => tx.query(read, ['1']))).toEqual([{ id: 1, body: 'first' }]);
      expect(await db.query(read, ['1'])).toEqual([{ id: 1, body: 'first' }]);
    } finally {
      await drop();
    }
  });
});
