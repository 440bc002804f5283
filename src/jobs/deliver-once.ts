// Exactly-once delivery: record the intent, claim it, and on a retry look for what an earlier attempt
// already delivered before sending again. A crash between "sent" and "recorded" is reconciled, not repeated.
import type { SendProgress } from '../ports/mail.ts';
import type { Queryable } from '../store/database.ts';
import { claimDelivery, markDelivered, recordPrepared, recordSendRequested, releaseClaim, type DeliveryClaim } from '../store/posted-items.ts';
import type { DueDelivery } from './planner.ts';

/** Longer than any send may take (the posters give up well before), shorter than a retry's patience. */
export const DELIVERY_LEASE_MS = 5 * 60_000;

export interface DeliveryChannel {
  /** What was delivered: its id where it landed, or null when the channel accepted it without one. */
  send(progress: SendProgress): Promise<string | null>;
  find(progress: SendProgress): Promise<string | null>;
}

/** The claim's record of what earlier attempts prepared, written through to the ledger as this one goes. */
function ledgerProgress(db: Queryable, due: DueDelivery, claim: DeliveryClaim): SendProgress {
  let prepared = claim.preparedId;
  let sendRequested = claim.sendRequested;
  return {
    get prepared() {
      return prepared;
    },
    get sendRequested() {
      return sendRequested;
    },
    async recordPrepared(id) {
      await recordPrepared(db, due, id);
      prepared = id;
      sendRequested = false;
    },
    async recordSendRequested() {
      await recordSendRequested(db, due);
      sendRequested = true;
    },
  };
}

export type DeliveryOutcome = 'delivered' | 'reconciled' | 'skipped';

export async function deliverOnce(db: Queryable, due: DueDelivery, channel: DeliveryChannel, leaseMs: number = DELIVERY_LEASE_MS): Promise<DeliveryOutcome> {
  const claim = await claimDelivery(db, due, due.dueAt, due.late, leaseMs);
  if (claim === null) return 'skipped';
  const progress = ledgerProgress(db, due, claim);
  try {
    if (claim.attempts > 1) {
      const earlier = claim.externalId ?? (await channel.find(progress));
      if (earlier !== null) {
        await markDelivered(db, due, earlier);
        return 'reconciled';
      }
    }
    await markDelivered(db, due, await channel.send(progress));
    return 'delivered';
  } catch (error) {
    await releaseClaim(db, due);
    throw error;
  }
}

/** The key a delivery is tagged with where it lands (card, mail header). */
export const deliveryTag = (due: Pick<DueDelivery, 'pairingId' | 'kind' | 'period'>) => `tandem:${due.pairingId}:${due.kind}:${due.period}`;
