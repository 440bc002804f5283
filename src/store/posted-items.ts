// The ledger of things Tandem sends (scorecards, summary mails, reminders, reviews, snapshots): one row per
// pairing, kind and period. A sender claims the row for a lease before it sends, so two instances never
// send together, and a sender that died mid-send leaves an intent the next one reconciles.
import type { Queryable } from './database.ts';

/** What Tandem delivers, one ledger row per pairing, kind and period. */
export const DELIVERY_KINDS = ['inbox_snapshot', 'scorecard', 'summary_mail', 'feedback_reminder', 'monthly_question', 'review'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface DeliveryClaim {
  readonly attempts: number;
  /** What an earlier attempt recorded, if it got that far. */
  readonly externalId: string | null;
  /** What an earlier attempt made ready to send (a draft's id), recorded before it asked to send it. */
  readonly preparedId: string | null;
  /** Whether an earlier attempt asked for `preparedId` to be sent. */
  readonly sendRequested: boolean;
}

type LedgerKey = { pairingId: string; kind: DeliveryKind; period: string };

export interface PostedItem {
  readonly pairingId: string;
  readonly kind: DeliveryKind;
  readonly period: string;
  readonly state: 'intent' | 'sent';
  readonly late: boolean;
  readonly sentAt: number | null;
  readonly externalId: string | null;
  /** A sender holds it right now (by the database's clock, which also set the lease). */
  readonly claimLive: boolean;
}

/**
 * Records the intent (first time) and claims it for `leaseMs`. Null when it was already sent, or another
 * sender holds an unexpired claim.
 */
export async function claimDelivery(
  db: Queryable,
  key: { pairingId: string; kind: DeliveryKind; period: string },
  dueAt: number,
  late: boolean,
  leaseMs: number,
): Promise<DeliveryClaim | null> {
  const rows = await db.query<{ attempts: number; external_id: string | null; prepared_id: string | null; send_requested: boolean }>(
    `insert into posted_items (pairing_id, kind, period, state, due_at, late, attempts, claimed_until)
       values ($1, $2, $3, 'intent', to_timestamp($4 / 1000.0), $5, 1, now() + make_interval(secs => $6 / 1000.0))
     on conflict (pairing_id, kind, period) do update
       set attempts = posted_items.attempts + 1, claimed_until = excluded.claimed_until
       where posted_items.state = 'intent' and posted_items.claimed_until < now()
     returning attempts, external_id, prepared_id, send_requested_at is not null as send_requested`,
    [key.pairingId, key.kind, key.period, dueAt, late, leaseMs],
  );
  const row = rows[0];
  return row === undefined ? null : { attempts: row.attempts, externalId: row.external_id, preparedId: row.prepared_id, sendRequested: row.send_requested };
}

/** Records what this attempt made ready to send (null: what was recorded is gone); not yet asked to send. */
export async function recordPrepared(db: Queryable, key: LedgerKey, preparedId: string | null): Promise<void> {
  await db.execute(
    `update posted_items set prepared_id = $4, send_requested_at = null where pairing_id = $1 and kind = $2 and period = $3 and state = 'intent'`,
    [key.pairingId, key.kind, key.period, preparedId],
  );
}

/** Records, before asking, that the prepared item is about to be sent: from now on its absence is no proof it was not. */
export async function recordSendRequested(db: Queryable, key: LedgerKey): Promise<void> {
  await db.execute(
    `update posted_items set send_requested_at = now() where pairing_id = $1 and kind = $2 and period = $3 and state = 'intent'`,
    [key.pairingId, key.kind, key.period],
  );
}

/** Records the delivery as sent; `externalId` is null when the channel accepted it without naming it. */
export async function markDelivered(db: Queryable, key: { pairingId: string; kind: DeliveryKind; period: string }, externalId: string | null): Promise<void> {
  await db.execute(
    `update posted_items set state = 'sent', external_id = $4, sent_at = now(), claimed_until = null
     where pairing_id = $1 and kind = $2 and period = $3`,
    [key.pairingId, key.kind, key.period, externalId],
  );
}

/** Gives a claim back after a failed send so a retry need not wait for the lease. */
export async function releaseClaim(db: Queryable, key: { pairingId: string; kind: DeliveryKind; period: string }): Promise<void> {
  await db.execute(
    `update posted_items set claimed_until = now() - interval '1 second' where pairing_id = $1 and kind = $2 and period = $3 and state = 'intent'`,
    [key.pairingId, key.kind, key.period],
  );
}

export async function listPostedItems(db: Queryable, pairingIds: readonly string[]): Promise<PostedItem[]> {
  const rows = await db.query<{ pairing_id: string; kind: DeliveryKind; period: string; state: 'intent' | 'sent'; late: boolean; sent_at: Date | null; external_id: string | null; claim_live: boolean }>(
    'select pairing_id, kind, period, state, late, sent_at, external_id, coalesce(claimed_until > now(), false) as claim_live from posted_items where pairing_id = any($1::uuid[]) order by pairing_id, kind, period',
    [pairingIds],
  );
  return rows.map((row) => ({
    pairingId: row.pairing_id,
    kind: row.kind,
    period: row.period,
    state: row.state,
    late: row.late,
    sentAt: row.sent_at === null ? null : row.sent_at.getTime(),
    externalId: row.external_id,
    claimLive: row.claim_live,
  }));
}
