// CSV exports: the weekly KPIs of the last weeks (the completion KPI's beside the response KPI's when the pairing
// reads tasks), one week's messages with status or exclusion reason, and one week's tasks likewise.
// Weeks stay ISO keys here ("2026-W47", and in the file name): CSV is for spreadsheets and scripts, which sort
// and join on them; the screens people read show weeks by their Monday instead (formatWeek, issue #20).
import { Hono } from 'hono';
import { z } from 'zod';
import { EXCLUSION_REASONS } from '../../kpi/classify.ts';
import type { TaskWeek } from '../../kpi/tasks.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';
import { toCsv } from '../csv.ts';
import { lastWeeks, weekAt, weekPeriod } from '../../kpi/weeks.ts';
import { weekParam } from '../../reports/params.ts';
import { TREND_WEEKS } from './kpi.ts';
import { weekTasks } from './tasks.ts';

const weeksQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(TREND_WEEKS) });
const weekQuery = z.object({ week: weekParam.optional() });
const instant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const TASK_COLUMNS = ['tasks_onTime', 'tasks_late', 'tasks_overdue', 'tasks_open', 'tasks_rate', 'tasks_met'];

/** A week's task KPI cells under TASK_COLUMNS. */
function taskCells(week: TaskWeek | undefined) {
  return week === undefined ? TASK_COLUMNS.map(() => null) : [week.onTime, week.late, week.overdue, week.open, week.rate, week.met];
}

function csvResponse(body: string, filename: string): Response {
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
}

export function exportRoutes({ clock, reports }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/export/weeks.csv', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const { weeks } = weeksQuery.parse(c.req.query());
      const period = lastWeeks(pairing.settings, now, weeks);
      const [report, tasks] = await Promise.all([reports.trend(pairing, weeks, now), reports.tasks(pairing, period, now)]);
      const taskWeeks = tasks === null ? null : new Map(tasks.weeks.map((week) => [week.week, week]));
      const header = ['week', 'start', 'end', 'counted', 'onTime', 'late', 'missed', 'pending', 'rate', 'met', 'medianMinutes', 'p90Minutes',
        ...EXCLUSION_REASONS.map((reason) => `excluded_${reason}`), 'answeredBy_va', 'answeredBy_owner', 'answeredBy_other', 'inboxZero', 'inboxZeroCount',
        // A pairing without a task source has no task KPI, so no task columns either.
        ...(taskWeeks === null ? [] : TASK_COLUMNS)];
      const rows = report.weeks.map((w) => [w.week, w.start, w.end, w.counted, w.onTime, w.late, w.missed, w.pending, w.rate, w.met, w.medianMinutes, w.p90Minutes,
        ...EXCLUSION_REASONS.map((reason) => w.excluded[reason]), w.answeredBy.va, w.answeredBy.owner, w.answeredBy.other, w.inboxZero?.status ?? null, w.inboxZero?.count ?? null,
        ...(taskWeeks === null ? [] : taskCells(taskWeeks.get(w.week)))]);
      return csvResponse(toCsv(header, rows), `tandem-weeks.csv`);
    })
    .get('/export/messages.csv', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const { week = weekAt(pairing.settings, now) } = weekQuery.parse(c.req.query());
      const rows = await reports.rows(pairing, weekPeriod(week), now);
      const header = ['id', 'receivedAt', 'from', 'subject', 'status', 'excludedBecause', 'answeredAt', 'answeredFrom', 'clockMinutes', 'markedBy', 'markReason'];
      const cells = rows.map((r) => [r.id, instant(r.receivedAt), r.from, r.subject, r.status, r.reason, instant(r.answeredAt), r.answeredFrom, r.clockMinutes, r.mark?.by ?? null, r.mark?.reason ?? null]);
      return csvResponse(toCsv(header, cells), `tandem-messages-${week}.csv`);
    })
    .get('/export/tasks.csv', async (c) => {
      const now = clock.now();
      const { week, report } = await weekTasks(reports, c.get('pairing'), c.req.query(), now);
      const header = ['id', 'title', 'dueDay', 'dueAt', 'status', 'excludedBecause', 'webUrl'];
      const cells = report.rows.map((r) => [r.id, r.title, r.dueDay, instant(r.dueAt), 'status' in r.result ? r.result.status : null, 'excluded' in r.result ? r.result.excluded : null, r.webUrl]);
      return csvResponse(toCsv(header, cells), `tandem-tasks-${week}.csv`);
    });
}
