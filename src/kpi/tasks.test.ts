// The completion KPI against docs/kpi.md §11's worked examples and rules. Every instant below is written out by
// hand in UTC from the local time it names (Europe/Copenhagen is UTC+1 in March before the 29th, UTC+2 after).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTasks, type TaskInput, type TaskMeta } from './tasks.ts';

const at = (iso: string) => Date.parse(iso);
const COPENHAGEN = 'Europe/Copenhagen';
/** ISO week 2026-W10: Monday 2 March to Sunday 8 March. */
const W10 = { from: '2026-03-02', to: '2026-03-08' };

/** Due on Wednesday 4 March: Planner's `dueDateTime` is an instant, and 10:00 UTC is that Wednesday in Copenhagen. */
const dueWednesday = { at: at('2026-03-04T10:00:00Z') };

function task(id: string, fields: Partial<TaskMeta> = {}): TaskMeta {
  return { id, title: `Task ${id}`, due: dueWednesday, assignedToVa: true, completedAt: null, deletedAt: null, ...fields };
}

function input(tasks: readonly TaskMeta[], now: number, fields: Partial<TaskInput> = {}): TaskInput {
  return { tasks, timeZone: COPENHAGEN, targetPct: 90, paused: [], now, period: W10, ...fields };
}

const statusOf = (report: ReturnType<typeof evaluateTasks>, id: string) => report.rows.find((row) => row.id === id)?.result;

describe('tasks on time: the worked examples (Europe/Copenhagen, due Wednesday 2026-03-04)', () => {
  // Due at the end of Wednesday: Thursday 5 March 00:00 local = 4 March 23:00 UTC.
  const later = at('2026-03-10T12:00:00Z');

  it('completed Wednesday 23:30 local is on time', () => {
    expect(statusOf(evaluateTasks(input([task('a', { completedAt: at('2026-03-04T22:30:00Z') })], later)), 'a')).toEqual({ status: 'onTime' });
  });

  it('completed Thursday 00:10 local is late', () => {
    expect(statusOf(evaluateTasks(input([task('a', { completedAt: at('2026-03-04T23:10:00Z') })], later)), 'a')).toEqual({ status: 'late' });
  });

  it('completed exactly at the due moment is on time ("at or before it was due")', () => {
    expect(statusOf(evaluateTasks(input([task('a', { completedAt: at('2026-03-04T23:00:00Z') })], later)), 'a')).toEqual({ status: 'onTime' });
  });

  it('not completed, evaluated Thursday 00:01 local, is overdue; evaluated Wednesday 22:00 local, open', () => {
    expect(statusOf(evaluateTasks(input([task('a')], at('2026-03-04T23:01:00Z'))), 'a')).toEqual({ status: 'overdue' });
    expect(statusOf(evaluateTasks(input([task('a')], at('2026-03-04T21:00:00Z'))), 'a')).toEqual({ status: 'open' });
  });

  it('a week of 8 on time, 1 late, 1 overdue and 2 open: 80%, not met at 90', () => {
    const tasks = [
      ...Array.from({ length: 8 }, (_, i) => task(`on${i}`, { completedAt: at('2026-03-04T12:00:00Z') })),
      task('late', { completedAt: at('2026-03-05T09:00:00Z') }),
      task('overdue', { due: { at: at('2026-03-03T10:00:00Z') } }),
      task('open1', { due: { at: at('2026-03-07T10:00:00Z') } }),
      task('open2', { due: { at: at('2026-03-08T10:00:00Z') } }),
    ];
    const [week] = evaluateTasks(input(tasks, at('2026-03-06T12:00:00Z'))).weeks;
    expect(week).toMatchObject({ week: '2026-W10', onTime: 8, late: 1, overdue: 1, open: 2, rate: 0.8, met: false });
    // 9 of 10 meets 90 exactly (900 ≥ 900), never through a rounded float.
    const nine = evaluateTasks(input([...tasks.slice(0, 8), task('ninth', { completedAt: at('2026-03-04T12:00:00Z') }), task('late2', { completedAt: at('2026-03-05T09:00:00Z') })], at('2026-03-06T12:00:00Z')));
    expect(nine.weeks[0]).toMatchObject({ onTime: 9, late: 1, met: true });
  });
});

describe('tasks on time: which tasks count', () => {
  const now = at('2026-03-10T12:00:00Z');

  it('keeps a reason for each task left out', () => {
    const report = evaluateTasks(
      input(
        [
          task('none', { due: null }),
          task('theirs', { assignedToVa: false }),
          task('removed', { deletedAt: at('2026-03-04T12:00:00Z') }),
          // Deleted after it was due: counted with the status it had (overdue: never completed).
          task('removedLate', { deletedAt: at('2026-03-06T12:00:00Z') }),
        ],
        now,
      ),
    );
    expect(Object.fromEntries(report.rows.map((row) => [row.id, row.result]))).toEqual({
      none: { excluded: 'noDueDate' },
      theirs: { excluded: 'notVa' },
      removed: { excluded: 'deleted' },
      removedLate: { status: 'overdue' },
    });
    expect(report.weeks[0]).toMatchObject({ overdue: 1, excluded: { noDueDate: 0, notVa: 1, paused: 0, deleted: 1 }, rate: 0, met: false });
  });

  it('leaves out a task whose whole due day is paused, not one whose day is paused in part', () => {
    // Leave Wednesday 00:00 to Thursday 00:00 local = 3 March 23:00 UTC to 4 March 23:00 UTC.
    const wholeDay = [{ start: at('2026-03-03T23:00:00Z'), end: at('2026-03-04T23:00:00Z') }];
    expect(statusOf(evaluateTasks(input([task('a')], now, { paused: wholeDay })), 'a')).toEqual({ excluded: 'paused' });
    // Two touching pauses (leave, then automatic replies) merge and cover the day between them.
    const touching = [
      { start: at('2026-03-03T23:00:00Z'), end: at('2026-03-04T12:00:00Z') },
      { start: at('2026-03-04T12:00:00Z'), end: at('2026-03-05T08:00:00Z') },
    ];
    expect(statusOf(evaluateTasks(input([task('a')], now, { paused: touching })), 'a')).toEqual({ excluded: 'paused' });
    const morningOnly = [{ start: at('2026-03-03T23:00:00Z'), end: at('2026-03-04T11:00:00Z') }];
    expect(statusOf(evaluateTasks(input([task('a')], now, { paused: morningOnly })), 'a')).toEqual({ status: 'overdue' });
  });

  it('does not know at `now` what happens later: a completion or a deletion after `now`', () => {
    const evaluatedThursday = at('2026-03-05T09:00:00Z');
    const report = evaluateTasks(input([task('done', { completedAt: at('2026-03-06T09:00:00Z') }), task('gone', { deletedAt: at('2026-03-06T09:00:00Z') })], evaluatedThursday));
    expect(report.rows.map((row) => row.result)).toEqual([{ status: 'overdue' }, { status: 'overdue' }]);
  });

  it('reads a To Do due date in the time zone it carries, then takes its day in the pairing’s zone', () => {
    // 4 March 00:00 in New York is 4 March 06:00 in Copenhagen: due Wednesday there.
    const newYork = task('ny', { due: { dateTime: '2026-03-04T00:00:00.0000000', timeZone: 'Eastern Standard Time' } });
    // 4 March 00:00 UTC is 01:00 in Copenhagen: also Wednesday. In Los Angeles it would still be Tuesday.
    const utc = task('utc', { due: { dateTime: '2026-03-04T00:00:00.0000000', timeZone: 'UTC' } });
    const report = evaluateTasks(input([newYork, utc], now));
    expect(report.rows.map((row) => row.dueDay)).toEqual(['2026-03-04', '2026-03-04']);
    const inLosAngeles = evaluateTasks(input([utc], now, { timeZone: 'America/Los_Angeles', period: { from: '2026-03-02', to: '2026-03-08' } }));
    expect(inLosAngeles.rows[0]).toMatchObject({ dueDay: '2026-03-03', dueAt: at('2026-03-04T08:00:00Z') });
  });

  it('puts each task in the week of its due day and lists every week of the period', () => {
    const report = evaluateTasks(input([task('w11', { due: { at: at('2026-03-10T10:00:00Z') } }), task('w10')], at('2026-03-20T00:00:00Z'), { period: { from: '2026-03-02', to: '2026-03-22' } }));
    expect(report.weeks.map((week) => [week.week, week.overdue, week.rate])).toEqual([
      ['2026-W10', 1, 0],
      ['2026-W11', 1, 0],
      ['2026-W12', 0, null],
    ]);
  });
});

describe('tasks on time across a change of clocks', () => {
  it('is due at local midnight after a 23-hour day (Copenhagen, 29 March 2026)', () => {
    // Summer time starts on Sunday 29 March at 02:00; that day ends at 30 March 00:00 CEST = 29 March 22:00 UTC.
    const due = { at: at('2026-03-29T10:00:00Z') };
    const period = { from: '2026-03-23', to: '2026-03-29' };
    const later = at('2026-04-01T00:00:00Z');
    const report = evaluateTasks(input([task('just', { due, completedAt: at('2026-03-29T21:59:00Z') }), task('after', { due, completedAt: at('2026-03-29T22:01:00Z') })], later, { period }));
    expect(report.rows.map((row) => [row.id, row.dueAt, row.result])).toEqual([
      ['after', at('2026-03-29T22:00:00Z'), { status: 'late' }],
      ['just', at('2026-03-29T22:00:00Z'), { status: 'onTime' }],
    ]);
  });

  it('is due at local midnight after a 25-hour day (Copenhagen, 25 October 2026)', () => {
    // Winter time returns on Sunday 25 October; that day ends at 26 October 00:00 CET = 25 October 23:00 UTC.
    const report = evaluateTasks(input([task('a', { due: { at: at('2026-10-25T12:00:00Z') } })], at('2026-10-25T22:30:00Z'), { period: { from: '2026-10-19', to: '2026-10-25' } }));
    expect(report.rows[0]).toMatchObject({ dueAt: at('2026-10-25T23:00:00Z'), result: { status: 'open' } });
  });
});

describe('tasks on time: invariants', () => {
  const period = { from: '2026-03-02', to: '2026-03-29' };
  const start = at('2026-02-28T00:00:00Z');
  const HOUR = 3_600_000;
  const arbitraryTask = fc.record({
    dueHour: fc.option(fc.integer({ min: 0, max: 34 * 24 }), { nil: null }),
    assignedToVa: fc.boolean(),
    completedHour: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null }),
    deletedHour: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null }),
  });
  const arbitraryInput = fc.record({
    tasks: fc.array(arbitraryTask, { maxLength: 40 }),
    nowHour: fc.integer({ min: 0, max: 40 * 24 }),
    targetPct: fc.integer({ min: 1, max: 100 }),
    pause: fc.option(fc.tuple(fc.integer({ min: 0, max: 30 * 24 }), fc.integer({ min: 0, max: 96 })), { nil: null }),
  });
  type Drawn = typeof arbitraryInput extends fc.Arbitrary<infer T> ? T : never;
  const build = (drawn: Drawn): TaskInput => ({
    tasks: drawn.tasks.map((t, i) => ({
      id: `t${i}`,
      title: `t${i}`,
      due: t.dueHour === null ? null : { at: start + t.dueHour * HOUR },
      assignedToVa: t.assignedToVa,
      completedAt: t.completedHour === null ? null : start + t.completedHour * HOUR,
      deletedAt: t.deletedHour === null ? null : start + t.deletedHour * HOUR,
    })),
    timeZone: COPENHAGEN,
    targetPct: drawn.targetPct,
    paused: drawn.pause === null ? [] : [{ start: start + drawn.pause[0] * HOUR, end: start + (drawn.pause[0] + drawn.pause[1]) * HOUR }],
    now: start + drawn.nowHour * HOUR,
    period,
  });

  it('keeps every rate in [0, 1], decides met in whole numbers and counts each task of the period once', () => {
    fc.assert(
      fc.property(arbitraryInput, (drawn) => {
        const taskInput = build(drawn);
        const report = evaluateTasks(taskInput);
        const inPeriod = report.rows.filter((row) => row.dueDay !== null).length;
        let counted = 0;
        for (const week of report.weeks) {
          const due = week.onTime + week.late + week.overdue;
          counted += due + week.open + Object.values(week.excluded).reduce((a, b) => a + b, 0);
          if (due === 0) expect([week.rate, week.met]).toEqual([null, null]);
          else {
            expect(week.rate).toBeGreaterThanOrEqual(0);
            expect(week.rate).toBeLessThanOrEqual(1);
            expect(week.met).toBe(week.onTime * 100 >= drawn.targetPct * due);
          }
        }
        expect(counted).toBe(inPeriod);
        expect(report.weeks.map((week) => week.week)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
      }),
    );
  });

  it('does not depend on the order the source listed the tasks in', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.func(fc.integer()), (drawn, key) => {
        const taskInput = build(drawn);
        const shuffled = { ...taskInput, tasks: [...taskInput.tasks].sort((a, b) => key(a.id) - key(b.id)) };
        expect(evaluateTasks(shuffled)).toEqual(evaluateTasks(taskInput));
      }),
    );
  });
});
