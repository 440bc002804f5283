// Loads what the engine needs for one pairing and period from the store: the period's mail with its marks,
// and everything else the engine weighs it against (pauses, Inbox snapshots, the tenant's verified domains).
import type { KpiInput } from '../kpi/engine.ts';
import { localInstant } from '../kpi/local-calendar.ts';
import type { Settings } from '../kpi/settings.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import type { Period } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import type { MarkDetail } from '../store/marks.ts';
import { listMarkedMessagesSince } from '../store/messages.ts';
import { pairingPeople, type Pairing } from '../store/pairings.ts';
import { listPauses } from '../store/paused.ts';
import { listSnapshots } from '../store/snapshots.ts';
import { getVerifiedDomains } from '../store/tenants.ts';

/** The engine's input for a pairing and a period of local dates, under its settings or proposed ones. */
export async function loadKpiInput(db: Queryable, pairing: Pairing, period: Period, now: number, settings = pairing.settings): Promise<KpiInput> {
  return (await loadMarkedKpiInput(db, pairing, period, now, settings)).input;
}

/** The input, and who marked which of its messages "no reply needed", why and when (for message rows). */
export async function loadMarkedKpiInput(
  db: Queryable,
  pairing: Pairing,
  period: Period,
  now: number,
  settings = pairing.settings,
): Promise<{ input: KpiInput; marks: Map<string, MarkDetail> }> {
  // Mail received before the period never belongs to it, and its answers are irrelevant here.
  const [mail, paused, snapshots, domains] = await Promise.all([
    listMarkedMessagesSince(db, pairing.id, periodStart(period, settings)),
    listPauses(db, pairing.id),
    listSnapshots(db, pairing.id),
    getVerifiedDomains(db, pairing.tenantId),
  ]);
  const input = { messages: mail.messages, people: pairingPeople(pairing, domains), settings, paused, marks: new Set(mail.marks.keys()), snapshots, now, period };
  return { input, marks: mail.marks };
}

/** The instant the period's first local day starts. */
export function periodStart(period: Period, settings: Settings): number {
  return localInstant(period.from, '00:00', resolveTimeZone(settings.timeZone)!);
}
