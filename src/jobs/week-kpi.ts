// Loads what the engine needs for one pairing and ISO week from the store, and runs the engine.
import { DateTime } from 'luxon';
import { computeKpi, type WeekKpi } from '../kpi/engine.ts';
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

export async function loadWeekKpi(db: Queryable, pairing: Pairing, week: string, now: number): Promise<PairingWeek> {
  const { monday, sunday } = isoWeekDates(week);
  // Mail received before the week never belongs to it, and its answers are irrelevant here.
  const since = localInstant(monday, '00:00', resolveTimeZone(pairing.settings.timeZone)!);
  const [messages, marks, paused, snapshots, domains] = [
    await listMessagesSince(db, pairing.id, since),
    await listMarks(db, pairing.id),
    await listPauses(db, pairing.id),
    await listSnapshots(db, pairing.id),
    await getVerifiedDomains(db, pairing.tenantId),
  ];
  const report = computeKpi({
    messages,
    people: pairingPeople(pairing, domains),
    settings: pairing.settings,
    paused,
    marks,
    snapshots,
    now,
    period: { from: monday, to: sunday },
  });
  return { week: report.weeks[0]!, streak: report.inboxZeroStreak };
}
