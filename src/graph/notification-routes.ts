// Microsoft Graph's change and lifecycle notifications for the pairings' Inboxes (when TANDEM_PUBLIC_URL
// is set): the validation handshake Graph requires, then each notification checked against its
// subscription's secret and turned into a sync of that pairing. A notification never carries mail data
// Tandem trusts: it only makes the next sync come sooner.
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { subscriptionStateSchema } from './inbox-subscription.ts';
import type { Logger } from '../log.ts';
import type { Queryable } from '../store/database.ts';
import { findByPositionIds, recordSyncSuccess, SYNC_SCOPES } from '../store/sync-state.ts';


const notificationsSchema = z.object({
  value: z
    .array(
      z.object({
        subscriptionId: z.string().min(1),
        clientState: z.string().nullish(),
        lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
      }),
    )
    .max(1_000),
});

export interface NotificationDependencies {
  readonly db: Queryable;
  readonly log: Logger;
  /** Queues a sync of the pairing (deduplicated by the job queue). */
  syncSoon(pairingId: string): Promise<void>;
}

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (given == null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Graph validates a notification URL by POSTing `?validationToken=…` and wants it back as plain text within 10 s. */
function validation(c: Context): Response | null {
  const token = c.req.query('validationToken');
  return token === undefined ? null : c.text(token, 200);
}

export function graphNotificationRoutes({ db, log, syncSoon }: NotificationDependencies): Hono {
  const app = new Hono();

  async function handle(c: Context, lifecycle: boolean): Promise<Response> {
    const handshake = validation(c);
    if (handshake) return handshake;
    const parsed = notificationsSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { code: 'invalid_notification', message: 'Expected Graph change notifications: { value: [...] }' } }, 400);
    // Anyone can POST here: one indexed query for the whole batch, one log line for what was refused, and
    // one sync per pairing however many notifications name it.
    const owners = await findByPositionIds(db, SYNC_SCOPES.subscription, [...new Set(parsed.data.value.map((notification) => notification.subscriptionId))]);
    const refused: Record<'unknown subscription' | 'client state mismatch', number> = { 'unknown subscription': 0, 'client state mismatch': 0 };
    const syncing = new Set<string>();
    for (const notification of parsed.data.value) {
      const owner = owners.get(notification.subscriptionId) ?? null;
      const state = subscriptionStateSchema.safeParse(owner?.position);
      if (owner === null || !state.success || !sameSecret(notification.clientState, state.data.clientState)) {
        refused[owner === null ? 'unknown subscription' : 'client state mismatch']++;
        continue;
      }
      // The next sync renews a subscription that needs reauthorizing and recreates a removed one.
      if (lifecycle && notification.lifecycleEvent === 'reauthorizationRequired') {
        await recordSyncSuccess(db, owner.pairingId, SYNC_SCOPES.subscription, { ...state.data, renewNow: true });
      } else if (lifecycle && notification.lifecycleEvent === 'subscriptionRemoved') {
        await recordSyncSuccess(db, owner.pairingId, SYNC_SCOPES.subscription, { ...state.data, expiresAt: 0 });
      }
      if (!syncing.has(owner.pairingId)) await syncSoon(owner.pairingId);
      syncing.add(owner.pairingId);
    }
    const refusedCount = refused['unknown subscription'] + refused['client state mismatch'];
    if (refusedCount > 0) log.warn('graph_notifications_refused', { refused: refusedCount, ...refused });
    // Graph retries anything but 2xx; what was refused is logged, not retried.
    return c.body(null, 202);
  }

  app.post('/notifications', (c) => handle(c, false));
  app.post('/lifecycle', (c) => handle(c, true));
  return app;
}
