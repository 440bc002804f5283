// Loads what the engine needs for one pairing and period from the store: the period's mail with its marks,
// and everything else the engine weighs it against (pauses, Inbox snapshots, the tenant's verified domains).
import type { KpiInput } from '../kpi/engine.ts';
import { localInstant } from '../kpi/local-calendar.ts';
import type { Settings } from '../kpi/settings.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import type { Period } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import { readKpiSource } from '../store/kpi-source.ts';
import type { MarkDetail } from '../store/marks.ts';
import { pairingPeople, type Pairing } from '../store/pairings.ts';

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
  const { messages, marks, paused, snapshots, verifiedDomains } = await readKpiSource(db, pairing.id, pairing.tenantId, periodStart(period, settings));
  const input = { messages, people: pairingPeople(pairing, verifiedDomains), settings, paused, marks: new Set(marks.keys()), snapshots, now, period };
  return { input, marks };
}

/** The instant the period's first local day starts. */
export function periodStart(period: Period, settings: Settings): number {
  return localInstant(period.from, '00:00', resolveTimeZone(settings.timeZone)!);
}
