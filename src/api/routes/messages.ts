// A week's messages, counted and excluded with their reasons, and "no reply needed" marks (audited).
import { Hono } from 'hono';
import { z } from 'zod';
import { EXCLUSION_REASONS } from '../../kpi/classify.ts';
import { markNoReply, unmark } from '../../store/marks.ts';
import { hasMessage } from '../../store/messages.ts';
import type { ApiEnv, RouteDependencies } from '../context.ts';
import { HttpError } from '../http-error.ts';
import type { MessageRow } from '../message-rows.ts';
import { currentWeek, weekParam, weekPeriod } from '../periods.ts';

const MAX_REASON_LENGTH = 500;
const STATUSES = ['onTime', 'late', 'missed', 'pending'] as const;

export const messagesQuery = z.object({
  week: weekParam.optional(),
  filter: z.enum(['all', 'counted', 'excluded', ...STATUSES, ...EXCLUSION_REASONS]).default('all'),
});
export type MessageFilter = z.infer<typeof messagesQuery>['filter'];

const markBody = z.strictObject({
  reason: z.string().trim().min(1, { error: 'must say why no reply is needed' }).max(MAX_REASON_LENGTH, { error: `must be at most ${MAX_REASON_LENGTH} characters` }),
});
const messageId = z.string().min(1).max(1_000);

export function matchesFilter(row: MessageRow, filter: MessageFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'counted') return row.status !== null;
  if (filter === 'excluded') return row.reason !== null;
  return row.status === filter || row.reason === filter;
}

export function messageRoutes({ db, clock, reads }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/messages', async (c) => {
      const pairing = c.get('pairing');
      const now = clock.now();
      const { week = currentWeek(pairing.settings, now), filter } = messagesQuery.parse(c.req.query());
      const rows = await reads.rows(pairing, weekPeriod(week), now);
      return c.json({ week, filter, messages: rows.filter((row) => matchesFilter(row, filter)) });
    })
    .put('/messages/:messageId/mark', async (c) => {
      const id = messageId.parse(c.req.param('messageId'));
      const { reason } = markBody.parse(await c.req.json());
      if (!(await hasMessage(db, c.get('pairing').id, id))) throw new HttpError(404, 'not_found', 'No such message in this mailbox.');
      await markNoReply(db, c.get('pairing').id, id, c.get('role'), reason);
      reads.changed(c.get('pairing').id);
      return c.json({ marked: true });
    })
    .delete('/messages/:messageId/mark', async (c) => {
      const id = messageId.parse(c.req.param('messageId'));
      if (!(await unmark(db, c.get('pairing').id, id, c.get('role')))) throw new HttpError(404, 'not_found', 'That message is not marked.');
      reads.changed(c.get('pairing').id);
      return c.json({ marked: false });
    });
}
