// Tasks on both engines: what the task sync stores reads back exactly (both due shapes), an unchanged task is
// not rewritten, removal keeps its first time, sources stay apart, and retention keeps only what is recent.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { listTasks, markTasksDeleted, purgeTasksOlderThan, upsertTasks, type StoredTask } from './tasks.ts';

const at = (iso: string) => Date.parse(iso);
const PLAN = 'planner:xqQg5FS2LkCp935s-FIFm2QAFkHM';
const LIST = 'todo:AAMkADIyAAAhrbPXAAA=';

function task(id: string, overrides: Partial<StoredTask> = {}): StoredTask {
  return { id, title: `Task ${id}`, due: null, assignedToVa: true, completedAt: null, deletedAt: null, etag: `W/"${id}-1"`, ...overrides };
}

describe.each(testEngines())('tasks on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('reads back what was stored, both due shapes, per source', async () => {
    const pairing = await newTestPairing(db());
    const planner = [
      task('p1', { due: { at: at('2026-03-03T23:00:00Z') }, completedAt: at('2026-03-04T22:30:00Z') }),
      task('p2', { assignedToVa: false, etag: null }),
    ];
    const todo = [task('t1', { due: { dateTime: '2026-03-04T00:00:00.0000000', timeZone: 'W. Europe Standard Time' }, deletedAt: at('2026-03-02T10:00:00Z') })];
    expect(await upsertTasks(db(), pairing.id, PLAN, planner)).toBe(2);
    expect(await upsertTasks(db(), pairing.id, LIST, todo)).toBe(1);
    expect(await listTasks(db(), pairing.id, PLAN)).toEqual(planner);
    expect(await listTasks(db(), pairing.id, LIST)).toEqual(todo);
  });

  it('leaves an unchanged task alone and takes a changed one', async () => {
    const pairing = await newTestPairing(db());
    const first = task('a', { due: { at: at('2026-03-04T12:00:00Z') } });
    await upsertTasks(db(), pairing.id, PLAN, [first]);
    expect(await upsertTasks(db(), pairing.id, PLAN, [first])).toBe(0);
    const completed = { ...first, completedAt: at('2026-03-04T09:00:00Z'), etag: 'W/"a-2"' };
    expect(await upsertTasks(db(), pairing.id, PLAN, [completed])).toBe(1);
    expect(await listTasks(db(), pairing.id, PLAN)).toEqual([completed]);
  });

  it('records removal once, at the first time it was seen gone', async () => {
    const pairing = await newTestPairing(db());
    await upsertTasks(db(), pairing.id, PLAN, [task('a'), task('b')]);
    expect(await markTasksDeleted(db(), pairing.id, PLAN, ['a'], at('2026-03-01T00:00:00Z'))).toBe(1);
    expect(await markTasksDeleted(db(), pairing.id, PLAN, ['a'], at('2026-03-02T00:00:00Z'))).toBe(0);
    expect(await markTasksDeleted(db(), pairing.id, LIST, ['b'], at('2026-03-02T00:00:00Z'))).toBe(0);
    const stored = await listTasks(db(), pairing.id, PLAN);
    expect(stored.map((row) => [row.id, row.deletedAt])).toEqual([
      ['a', at('2026-03-01T00:00:00Z')],
      ['b', null],
    ]);
  });

  it('retention deletes tasks due or removed before the cutoff and keeps the rest', async () => {
    const pairing = await newTestPairing(db());
    const other = await newTestPairing(db());
    const cutoff = at('2025-01-01T00:00:00Z');
    await upsertTasks(db(), pairing.id, LIST, [
      task('old-due', { due: { dateTime: '2024-12-31T00:00:00.0000000', timeZone: 'UTC' } }),
      task('edge', { due: { dateTime: '2025-01-01T00:00:00.0000000', timeZone: 'UTC' } }),
      task('old-removed', { deletedAt: at('2024-06-01T00:00:00Z') }),
      task('undated'),
    ]);
    await upsertTasks(db(), other.id, PLAN, [task('old', { due: { at: at('2024-01-01T00:00:00Z') } }), task('new', { due: { at: at('2025-06-01T00:00:00Z') } })]);
    expect(await purgeTasksOlderThan(db(), cutoff)).toBe(3);
    expect((await listTasks(db(), pairing.id, LIST)).map((row) => row.id)).toEqual(['edge', 'undated']);
    expect((await listTasks(db(), other.id, PLAN)).map((row) => row.id)).toEqual(['new']);
  });
});
