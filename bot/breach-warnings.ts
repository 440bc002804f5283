// Breach warnings (optional per pairing, "warnings on" in the chat): mail that will pass the window within four
// hours is listed in one short card, at most once an hour per pairing, whichever instance runs the check.
import { rowsFor } from '../src/api/kpi-reads.ts';
import { waitingRows } from '../src/api/message-rows.ts';
import { lastWeeks } from '../src/api/periods.ts';
import { conversationRefSchema } from '../src/jobs/job-payloads.ts';
import type { ChatPoster, Clock } from '../src/jobs/ports.ts';
import type { Logger } from '../src/log.ts';
import { claimBreachWarning, listBreachWarningPairings, releaseBreachWarning } from '../src/store/breach-warnings.ts';
import type { Database } from '../src/store/database.ts';
import { getPairing } from '../src/store/pairings.ts';
import { breachCard } from './cards/breach-card.ts';
import type { WaitingItem } from './cards/waiting-card.ts';

/** Mail this close to its deadline is warned about. */
export const WARN_WITHIN_MINUTES = 4 * 60;
/** The window is at most a week, so two weeks hold every message still open. */
const OPEN_WEEKS = 2;

export interface BreachContext {
  readonly db: Database;
  readonly chat: ChatPoster;
  readonly clock: Clock;
  readonly log: Logger;
}

/** Mail about to breach, soonest first. */
export function aboutToBreach(rows: ReturnType<typeof waitingRows>, windowHours: number): WaitingItem[] {
  return rows
    .filter((row) => row.status === 'pending' && row.clockMinutes !== null)
    .map((row) => ({ from: row.from, subject: row.subject, receivedAt: row.receivedAt, minutesLeft: windowHours * 60 - row.clockMinutes! }))
    .filter((item) => item.minutesLeft! > 0 && item.minutesLeft! <= WARN_WITHIN_MINUTES)
    .sort((a, b) => a.minutesLeft! - b.minutesLeft!);
}

/** Checks every pairing with warnings on; returns how many warnings were posted. */
export async function warnAboutBreaches(ctx: BreachContext): Promise<number> {
  let posted = 0;
  for (const pairingId of await listBreachWarningPairings(ctx.db)) {
    const pairing = await getPairing(ctx.db, pairingId);
    const conversation = conversationRefSchema.safeParse(pairing?.conversationRef);
    if (pairing === null || !conversation.success) continue;
    const now = ctx.clock.now();
    const rows = waitingRows(await rowsFor(ctx.db, pairing, lastWeeks(pairing.settings, now, OPEN_WEEKS), now));
    const items = aboutToBreach(rows, pairing.settings.windowHours);
    if (items.length === 0 || !(await claimBreachWarning(ctx.db, pairing.id, now))) continue;
    const card = breachCard({ locale: pairing.locale, timeZone: pairing.settings.timeZone, privacyMode: pairing.settings.privacyMode, items });
    try {
      await ctx.chat.post(conversation.data, card, `breach:${pairing.id}:${Math.floor(now / 3_600_000)}`);
    } catch (error) {
      // One chat's failure must not cost the other pairings their warnings; this one is tried again next check.
      await releaseBreachWarning(ctx.db, pairing.id, now);
      ctx.log.warn('breach_warning_failed', { pairingId: pairing.id, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    ctx.log.info('breach_warning', { pairingId: pairing.id, items: items.length });
    posted++;
  }
  return posted;
}
