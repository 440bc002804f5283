// A week's tasks for the completion KPI (docs/kpi.md §11): each with its due day and its status or the reason
// it does not count, and (for Planner) the link that opens it. Only for a pairing that reads tasks.
import { Hono } from 'hono';
import { z } from 'zod';
import { weekAt, weekPeriod } from '../../kpi/weeks.ts';
import { weekParam } from '../../reports/params.ts';
import type { Reports } from '../../reports/reports.ts';
import type { PairingTaskReport } from '../../reports/tasks.ts';
import type { Pairing } from '../../store/pairings.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';
import { HttpError } from '../http-error.ts';

export const tasksQuery = z.object({ week: weekParam.optional() });

/** The week asked for (this week by default) and its task report; 404 for a pairing that reads no tasks. */
export async function weekTasks(reports: Reports, pairing: Pairing, query: Record<string, string>, now: number): Promise<{ week: string; report: PairingTaskReport }> {
  const { week = weekAt(pairing.settings, now) } = tasksQuery.parse(query);
  const report = await reports.tasks(pairing, weekPeriod(week), now);
  if (report === null) throw new HttpError(404, 'not_found', 'This pairing does not read tasks.');
  return { week, report };
}

export function taskRoutes({ clock, reports }: RouteDependencies) {
  return new Hono<ApiEnv>().get('/tasks', async (c) => {
    const { week, report } = await weekTasks(reports, c.get('pairing'), c.req.query(), clock.now());
    return c.json({ week, source: report.source, tasks: report.rows });
  });
}
