// CSV exports: the weekly KPIs of the last weeks, and one week's messages with status or exclusion reason.
// Weeks stay ISO keys here ("2026-W47", and in the file name): CSV is for spreadsheets and scripts, which sort
// and join on them; the screens people read show weeks by their Monday instead (formatWeek, issue #20).
import { Hono } from 'hono';
import { z } from 'zod';
import { EXCLUSION_REASONS } from '../../kpi/classify.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';
import { toCsv } from '../csv.ts';
import { weekAt, weekPeriod } from '../../kpi/weeks.ts';
import { weekParam } from '../../reports/params.ts';
import { TREND_WEEKS } from './kpi.ts';

const weeksQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(TREND_WEEKS) });
const weekQuery = z.object({ week: weekParam.optional() });
const instant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function csvResponse(body: string, filename: string): Response {
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
}

export function exportRoutes({ clock, reports }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/export/weeks.csv', async (c) => {
      const { weeks } = weeksQuery.parse(c.req.query());
      const report = await reports.trend(c.get('pairing'), weeks, clock.now());
      const header = ['week', 'start', 'end', 'counted', 'onTime', 'late', 'missed', 'pending', 'rate', 'met', 'medianMinutes', 'p90Minutes',
        ...EXCLUSION_REASONS.map((reason) => `excluded_${reason}`), 'answeredBy_va', 'answeredBy_owner', 'answeredBy_other', 'inboxZero', 'inboxZeroCount'];
      const rows = report.weeks.map((w) => [w.week, w.start, w.end, w.counted, w.onTime, w.late, w.missed, w.pending, w.rate, w.met, w.medianMinutes, w.p90Minutes,
        ...EXCLUSION_REASONS.map((reason) => w.excluded[reason]), w.answeredBy.va, w.answeredBy.owner, w.answeredBy.other, w.inboxZero?.status ?? null, w.inboxZero?.count ?? null]);
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
    });
}
