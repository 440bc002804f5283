// What the KPI views read: the engine run for a pairing over a week or the last weeks, and the message rows
// behind a period. Every number comes from computeKpi/evaluate on the store's data; nothing is recomputed here.
import { computeKpi, type KpiReport } from '../kpi/engine.ts';
import type { Settings } from '../kpi/settings.ts';
import { loadKpiInput } from '../jobs/week-kpi.ts';
import type { Queryable } from '../store/database.ts';
import { listMarkDetails } from '../store/marks.ts';
import type { Pairing } from '../store/pairings.ts';
import { messageRows, type MessageRow } from './message-rows.ts';
import { lastWeeks, type Period } from './periods.ts';

export async function kpiFor(db: Queryable, pairing: Pairing, period: Period, now: number, settings: Settings = pairing.settings): Promise<KpiReport> {
  return computeKpi(await loadKpiInput(db, pairing, period, now, settings));
}

/** The last `count` weeks (current week last), under the pairing's settings or proposed ones. */
export function trendFor(db: Queryable, pairing: Pairing, count: number, now: number, settings: Settings = pairing.settings): Promise<KpiReport> {
  return kpiFor(db, pairing, lastWeeks(settings, now, count), now, settings);
}

export async function rowsFor(db: Queryable, pairing: Pairing, period: Period, now: number): Promise<MessageRow[]> {
  const [input, marks] = [await loadKpiInput(db, pairing, period, now), await listMarkDetails(db, pairing.id)];
  return messageRows(input, marks);
}
