// Loads what the engine needs for one pairing and period from the store: the period's mail and everything
// the engine weighs it against (marks, pauses, Inbox snapshots, the tenant's verified domains).
import type { KpiInput } from '../kpi/engine.ts';
import { localInstant } from '../kpi/local-calendar.ts';
import type { MessageMeta } from '../kpi/message.ts';
import type { Settings } from '../kpi/settings.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import type { Period } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import { listMarks } from '../store/marks.ts';
import { listConversationSince, listMessagesSince } from '../store/messages.ts';
import { pairingPeople, type Pairing } from '../store/pairings.ts';
import { listPauses } from '../store/paused.ts';
import { listSnapshots } from '../store/snapshots.ts';
import { getVerifiedDomains } from '../store/tenants.ts';

/** The engine's input for a pairing and a period of local dates, under its settings or proposed ones. */
export function loadKpiInput(db: Queryable, pairing: Pairing, period: Period, now: number, settings = pairing.settings): Promise<KpiInput> {
  return inputWith(db, pairing, period, now, settings, (since) => listMessagesSince(db, pairing.id, since));
}

/**
 * The same input holding only one conversation's mail. Answers are found within a conversation and every other
 * rule looks at the message alone, so its messages evaluate exactly as they do among all the period's mail.
 */
export function loadConversationInput(db: Queryable, pairing: Pairing, period: Period, conversationId: string, now: number): Promise<KpiInput> {
  return inputWith(db, pairing, period, now, pairing.settings, (since) => listConversationSince(db, pairing.id, conversationId, since));
}

async function inputWith(db: Queryable, pairing: Pairing, period: Period, now: number, settings: Settings, mail: (since: number) => Promise<MessageMeta[]>): Promise<KpiInput> {
  // Mail received before the period never belongs to it, and its answers are irrelevant here.
  const since = localInstant(period.from, '00:00', resolveTimeZone(settings.timeZone)!);
  const [messages, marks, paused, snapshots, domains] = await Promise.all([
    mail(since),
    listMarks(db, pairing.id),
    listPauses(db, pairing.id),
    listSnapshots(db, pairing.id),
    getVerifiedDomains(db, pairing.tenantId),
  ]);
  return { messages, people: pairingPeople(pairing, domains), settings, paused, marks, snapshots, now, period };
}
