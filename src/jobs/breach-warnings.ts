// Breach warnings (optional per pairing, "warnings on" in the chat): mail that will pass the window within four
// hours is listed in one short card, at most once an hour per pairing, whichever instance runs the check.
import { aboutToBreach } from '../reports/breach-list.ts';
import { kpiTabLink } from '../reports/tab-link.ts';
import { conversationRefSchema } from '../ports/chat.ts';
import { claimBreachWarning, listBreachWarningPairings, releaseBreachWarning } from '../store/breach-warnings.ts';
import { getPairing } from '../store/pairings.ts';
import type { DeliveryContext } from './deliveries.ts';

export type BreachContext = Pick<DeliveryContext, 'db' | 'chat' | 'clock' | 'log' | 'reports' | 'renderers' | 'teamsAppId'>;

/** Checks every pairing with warnings on; returns how many warnings were posted. */
export async function warnAboutBreaches(ctx: BreachContext): Promise<number> {
  let posted = 0;
  for (const pairingId of await listBreachWarningPairings(ctx.db)) {
    const pairing = await getPairing(ctx.db, pairingId);
    const conversation = conversationRefSchema.safeParse(pairing?.conversationRef);
    if (pairing === null || !conversation.success) continue;
    const now = ctx.clock.now();
    const items = aboutToBreach(await ctx.reports.waiting(pairing, now));
    if (items.length === 0 || !(await claimBreachWarning(ctx.db, pairing.id, now))) continue;
    const tabUrl = ctx.teamsAppId === undefined ? null : kpiTabLink(ctx.teamsAppId, pairing.id, { view: 'waiting' });
    const card = ctx.renderers.card({ kind: 'breachWarning', locale: pairing.locale, timeZone: pairing.settings.timeZone, privacyMode: pairing.settings.privacyMode, items, tabUrl });
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
