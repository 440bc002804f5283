// This week, the trend and the waiting list of a pairing.
import { Hono } from 'hono';
import { z } from 'zod';
import { waitingRows } from '../message-rows.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';
import { currentWeek, lastWeeks, weekParam, weekPeriod } from '../periods.ts';

/** Unanswered mail older than this is shown as missed in its week, not in the waiting list. */
export const WAITING_WEEKS = 4;
export const TREND_WEEKS = 12;

const weekQuery = z.object({ week: weekParam.optional() });
const trendQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(TREND_WEEKS) });

export function kpiRoutes({ clock, reads }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/week', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const { week = currentWeek(pairing.settings, now) } = weekQuery.parse(c.req.query());
      const report = await reads.kpi(pairing, weekPeriod(week), now);
      return c.json({ week: report.weeks[0]!, streak: report.inboxZeroStreak, targetPct: pairing.settings.responseTargetPct });
    })
    .get('/trend', async (c) => {
      const pairing = c.get('pairing');
      const { weeks } = trendQuery.parse(c.req.query());
      const report = await reads.trend(pairing, weeks, clock.now());
      return c.json({ weeks: report.weeks, streak: report.inboxZeroStreak, targetPct: pairing.settings.responseTargetPct });
    })
    .get('/waiting', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const rows = await reads.rows(pairing, lastWeeks(pairing.settings, now, WAITING_WEEKS), now);
      return c.json({ now, windowHours: pairing.settings.windowHours, clock: pairing.settings.clock, messages: waitingRows(rows) });
    });
}
