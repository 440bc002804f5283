// Breach warnings a pairing asked for in the chat: on or off, and an hourly claim so that at most one warning
// card goes out per hour, whichever instance checks first.
import type { Queryable } from './database.ts';
import { isoInstant } from './instants.ts';

/** At most one warning per pairing in this long. */
export const WARNING_INTERVAL_MS = 3_600_000;

export async function setBreachWarnings(db: Queryable, pairingId: string, on: boolean): Promise<void> {
  if (on) await db.execute('insert into breach_warnings (pairing_id) values ($1) on conflict (pairing_id) do nothing', [pairingId]);
  else await db.execute('delete from breach_warnings where pairing_id = $1', [pairingId]);
}

export async function breachWarningsOn(db: Queryable, pairingId: string): Promise<boolean> {
  return (await db.query('select 1 from breach_warnings where pairing_id = $1', [pairingId])).length > 0;
}

/** Pairings with warnings on whose schedules run. */
export async function listBreachWarningPairings(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ pairing_id: string }>(
    'select w.pairing_id from breach_warnings w join pairings p on p.id = w.pairing_id where p.stopped_at is null order by w.pairing_id',
  );
  return rows.map((row) => row.pairing_id);
}

/** Takes this hour's warning for the pairing; false when one went out less than an hour before `now`. */
export async function claimBreachWarning(db: Queryable, pairingId: string, now: number): Promise<boolean> {
  const changed = await db.execute(
    `update breach_warnings set last_warned_at = $2::timestamptz
      where pairing_id = $1 and (last_warned_at is null or last_warned_at <= $3::timestamptz)`,
    [pairingId, isoInstant(now), isoInstant(now - WARNING_INTERVAL_MS)],
  );
  return changed > 0;
}

/** Gives back a claim whose card could not be posted, so the next check tries again. */
export async function releaseBreachWarning(db: Queryable, pairingId: string, claimedAt: number): Promise<void> {
  await db.execute('update breach_warnings set last_warned_at = null where pairing_id = $1 and last_warned_at = $2::timestamptz', [pairingId, isoInstant(claimedAt)]);
}
