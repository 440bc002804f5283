// The check-in timeline: both sides' weekly answers, and the scorecards, reminders, monthly questions and
// reviews Tandem delivered, newest week first.
import { Hono } from 'hono';
import { checkInTimeline } from '../../reports/check-in.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';

export function feedbackRoutes({ db }: RouteDependencies) {
  return new Hono<ApiEnv>().get('/feedback', async (c) => c.json(await checkInTimeline(db, c.get('pairing').id)));
}
