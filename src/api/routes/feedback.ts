// The feedback timeline: both sides' weekly answers, and the scorecards, reminders, monthly questions and
// reviews Tandem delivered, newest week first.
import { Hono } from 'hono';
import { listFeedback } from '../../store/feedback.ts';
import { listPostedItems } from '../../store/posted-items.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';

const TIMELINE_KINDS = new Set(['scorecard', 'feedback_reminder', 'monthly_question', 'review']);

export function feedbackRoutes({ db }: RouteDependencies) {
  return new Hono<ApiEnv>().get('/feedback', async (c) => {
    const id = c.get('pairing').id;
    const [feedback, posted] = [await listFeedback(db, id), await listPostedItems(db, [id])];
    const deliveries = posted
      .filter((item) => TIMELINE_KINDS.has(item.kind) && item.state === 'sent')
      .map((item) => ({ kind: item.kind, period: item.period, sentAt: item.sentAt, late: item.late }));
    return c.json({ feedback: [...feedback].reverse(), deliveries: deliveries.sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0)) });
  });
}
