// The check-in timeline: each week's check-in as the caller may see it (their own answers, the other side's once
// both have answered) and the scorecards, reminders, monthly questions and reviews Tandem delivered, newest first.
import { Hono } from 'hono';
import { checkInTimeline } from '../../reports/check-in.ts';
import { audienceOf } from '../../reports/check-in-privacy.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';

export function feedbackRoutes({ db }: RouteDependencies) {
  return new Hono<ApiEnv>().get('/feedback', async (c) => c.json(await checkInTimeline(db, c.get('pairing').id, audienceOf(c.get('role')))));
}
