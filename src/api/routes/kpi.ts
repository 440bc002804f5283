// This week, the trend (with the check-in ratings and, when the pairing reads tasks, the completion KPI) and
// the waiting list of a pairing.
import { Hono } from 'hono';
import { z } from 'zod';
import { lastWeeks, weekAt, weekPeriod } from '../../kpi/weeks.ts';
import { audienceOf } from '../../reports/check-in-privacy.ts';
import { weekParam } from '../../reports/params.ts';
import { ratingsTrend } from '../../reports/ratings.ts';
import { WAITING_WEEKS } from '../../reports/reports.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';

/** Weeks the tab's trend shows unless asked for more. */
export const TREND_WEEKS = 12;

const weekQuery = z.object({ week: weekParam.optional() });
const trendQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(TREND_WEEKS) });

export function kpiRoutes({ clock, db, reports }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/week', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const { week = weekAt(pairing.settings, now) } = weekQuery.parse(c.req.query());
      const period = weekPeriod(week);
      const [report, tasks] = await Promise.all([reports.week(pairing, week, now), reports.tasks(pairing, period, now)]);
      return c.json({
        week: report.week,
        streak: report.streak,
        targetPct: pairing.settings.responseTargetPct,
        // Null when the pairing reads no tasks: the tab then shows nothing about them (docs/kpi.md §11).
        tasks: tasks === null ? null : { source: tasks.source, targetPct: pairing.settings.taskTargetPct, week: tasks.weeks[0]! },
      });
    })
    .get('/trend', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const { weeks } = trendQuery.parse(c.req.query());
      const period = lastWeeks(pairing.settings, now, weeks);
      const [report, tasks] = await Promise.all([reports.trend(pairing, weeks, now), reports.tasks(pairing, period, now)]);
      // The check-in ratings beside the KPIs, as this reader may see them (the check-in's privacy rule).
      const ratings = await ratingsTrend(db, pairing.id, report.weeks.map((week) => week.week), audienceOf(c.get('role')));
      return c.json({
        weeks: report.weeks,
        streak: report.inboxZeroStreak,
        targetPct: pairing.settings.responseTargetPct,
        ratings,
        tasks: tasks === null ? null : { source: tasks.source, targetPct: pairing.settings.taskTargetPct, weeks: tasks.weeks },
      });
    })
    .get('/waiting', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      return c.json({ now, windowHours: pairing.settings.windowHours, clock: pairing.settings.clock, weeks: WAITING_WEEKS, messages: await reports.waiting(pairing, now) });
    });
}
