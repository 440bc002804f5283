// Graph change notifications for new Inbox mail, kept alive by the sync: created when missing, renewed a
// day before they expire (Outlook allows 7 days), recreated when Graph says it no longer knows them. They
// only make a sync come sooner; the periodic sync stays the source of truth.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { GraphError, type GraphClient } from './graph-client.ts';

/** How long each subscription is asked for: under Outlook's 7-day limit, so a missed renewal still has room. */
export const SUBSCRIPTION_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
/** Renew when less than this is left. */
export const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

export const subscriptionStateSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  expiresAt: z.number(),
  /** Secret Graph echoes in every notification, so forged ones are told apart. */
  clientState: z.string(),
  /** Graph asked for reauthorization: renew on the next sync whatever the expiry. */
  renewNow: z.boolean().optional(),
});
export type SubscriptionState = z.infer<typeof subscriptionStateSchema>;

export interface SubscriptionTarget {
  /** Where Graph posts change notifications. */
  readonly notificationUrl: string;
  /** Where Graph posts lifecycle notifications (reauthorization, removal, missed). */
  readonly lifecycleNotificationUrl: string;
}

const createdSchema = z.object({ id: z.string(), expirationDateTime: z.string() });

/** The subscription as it should be kept now: unchanged, renewed, or new. */
export async function keepInboxSubscription(
  graph: Pick<GraphClient, 'post' | 'patch'>,
  mailbox: string,
  stored: unknown,
  target: SubscriptionTarget,
  now: number,
): Promise<SubscriptionState> {
  const state = subscriptionStateSchema.safeParse(stored);
  const expirationDateTime = new Date(now + SUBSCRIPTION_LIFETIME_MS).toISOString();
  if (state.success && state.data.expiresAt > now) {
    if (state.data.expiresAt - now > RENEW_BEFORE_MS && state.data.renewNow !== true) return state.data;
    try {
      const renewed = createdSchema.parse(await graph.patch(`/subscriptions/${encodeURIComponent(state.data.id)}`, { expirationDateTime }));
      return { version: 1, id: state.data.id, clientState: state.data.clientState, expiresAt: Date.parse(renewed.expirationDateTime) };
    } catch (error) {
      // Graph forgot it (removed, or expired early): make a new one below.
      if (!(error instanceof GraphError && error.statusCode === 404)) throw error;
    }
  }
  const clientState = randomBytes(24).toString('base64url');
  const created = createdSchema.parse(
    await graph.post('/subscriptions', {
      changeType: 'created',
      notificationUrl: target.notificationUrl,
      lifecycleNotificationUrl: target.lifecycleNotificationUrl,
      resource: `users/${mailbox}/mailFolders('inbox')/messages`,
      expirationDateTime,
      clientState,
    }),
  );
  return { version: 1, id: created.id, expiresAt: Date.parse(created.expirationDateTime), clientState };
}
