// This week, the trend (with the check-in ratings) and the waiting list of a pairing.
import { Hono } from 'hono';
import { z } from 'zod';
import { weekAt } from '../../kpi/weeks.ts';
import { audienceOf } from '../../reports/check-in-privacy.ts';
import { weekParam } from '../../reports/params.ts';
import { ratingsTrend } from '../../reports/ratings.ts';
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
      const report = await reports.week(pairing, week, now);
      return c.json({ week: report.week, streak: report.streak, targetPct: pairing.settings.responseTargetPct });
    })
    .get('/trend', async (c) => {
      const pairing = c.get('pairing');
      const { weeks } = trendQuery.parse(c.req.query());
      const report = await reports.trend(pairing, weeks, clock.now());
      // The check-in ratings beside the KPIs, as this reader may see them (the check-in's privacy rule).
      const ratings = await ratingsTrend(db, pairing.id, report.weeks.map((week) => week.week), audienceOf(c.get('role')));
      return c.json({ weeks: report.weeks, streak: report.inboxZeroStreak, targetPct: pairing.settings.responseTargetPct, ratings });
    })
    .get('/waiting', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      return c.json({ now, windowHours: pairing.settings.windowHours, clock: pairing.settings.clock, messages: await reports.waiting(pairing, now) });
    });
}
