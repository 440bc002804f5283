// A week's messages, counted and excluded with their reasons, and "no reply needed" marks (src/actions/marks.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import { markNoReply, unmark } from '../../actions/marks.ts';
import { EXCLUSION_REASONS } from '../../kpi/classify.ts';
import { weekAt, weekPeriod } from '../../kpi/weeks.ts';
import type { MessageRow } from '../../reports/message-rows.ts';
import { weekParam } from '../../reports/params.ts';
import { actorOf, type ApiEnv, type RouteDependencies } from '../context.ts';

const STATUSES = ['onTime', 'late', 'missed', 'pending'] as const;

export const messagesQuery = z.object({
  week: weekParam.optional(),
  filter: z.enum(['all', 'counted', 'excluded', ...STATUSES, ...EXCLUSION_REASONS]).default('all'),
});
export type MessageFilter = z.infer<typeof messagesQuery>['filter'];

const markBody = z.strictObject({ reason: z.unknown() });

export function matchesFilter(row: MessageRow, filter: MessageFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'counted') return row.status !== null;
  if (filter === 'excluded') return row.reason !== null;
  return row.status === filter || row.reason === filter;
}

export function messageRoutes({ clock, reports, actions }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/messages', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const { week = weekAt(pairing.settings, now), filter } = messagesQuery.parse(c.req.query());
      const rows = await reports.rows(pairing, weekPeriod(week), now);
      return c.json({ week, filter, messages: rows.filter((row) => matchesFilter(row, filter)) });
    })
    .put('/messages/:messageId/mark', async (c) => {
      const { reason } = markBody.parse(await c.req.json());
      return c.json(await markNoReply(actions, actorOf(c.get('user')), c.get('pairing').id, { messageId: c.req.param('messageId'), reason }));
    })
    .delete('/messages/:messageId/mark', async (c) => c.json(await unmark(actions, actorOf(c.get('user')), c.get('pairing').id, { messageId: c.req.param('messageId') })));
}
