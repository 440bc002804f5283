// Loads what the engine needs for one pairing and ISO week from the store, and runs the engine.
import { DateTime } from 'luxon';
import { computeKpi, type KpiInput, type WeekKpi } from '../kpi/engine.ts';
import { localInstant } from '../kpi/local-calendar.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import type { Queryable } from '../store/database.ts';
import { listMarks } from '../store/marks.ts';
import { listMessagesSince } from '../store/messages.ts';
import { pairingPeople, type Pairing } from '../store/pairings.ts';
import { listPauses } from '../store/paused.ts';
import { listSnapshots } from '../store/snapshots.ts';
import { getVerifiedDomains } from '../store/tenants.ts';

export interface PairingWeek {
  readonly week: WeekKpi;
  readonly streak: number | null;
}

/** Monday and Sunday of an ISO week key ("2026-W47"). */
export function isoWeekDates(week: string): { monday: string; sunday: string } {
  const monday = DateTime.fromISO(`${week}-1`, { zone: 'UTC' });
  if (!monday.isValid) throw new RangeError(`Not an ISO week: ${week}`);
  return { monday: monday.toISODate()!, sunday: monday.plus({ days: 6 }).toISODate()! };
}

/** The engine's input for a pairing and a period of local dates: the period's mail and all it needs. */
export async function loadKpiInput(db: Queryable, pairing: Pairing, period: { from: string; to: string }, now: number, settings = pairing.settings): Promise<KpiInput> {
  // Mail received before the period never belongs to it, and its answers are irrelevant here.
  const since = localInstant(period.from, '00:00', resolveTimeZone(settings.timeZone)!);
  const [messages, marks, paused, snapshots, domains] = [
    await listMessagesSince(db, pairing.id, since),
    await listMarks(db, pairing.id),
    await listPauses(db, pairing.id),
    await listSnapshots(db, pairing.id),
    await getVerifiedDomains(db, pairing.tenantId),
  ];
  return { messages, people: pairingPeople(pairing, domains), settings, paused, marks, snapshots, now, period };
}

export async function loadWeekKpi(db: Queryable, pairing: Pairing, week: string, now: number): Promise<PairingWeek> {
  const { monday, sunday } = isoWeekDates(week);
  const report = computeKpi(await loadKpiInput(db, pairing, { from: monday, to: sunday }, now));
  return { week: report.weeks[0]!, streak: report.inboxZeroStreak };
}
