// What the KPI views read: the engine run for a pairing over a week or the last weeks, and the message rows
// behind a period. Every number comes from computeKpi/evaluate on the store's data; nothing is recomputed
// here. Pairings and reports are kept READ_TTL_MS (a report is derived data; mail arrives by sync every few
// minutes) and dropped at once when a change goes through this API; another instance's change shows within
// the TTL.
import { computeKpi, type KpiReport } from '../kpi/engine.ts';
import type { Settings } from '../kpi/settings.ts';
import { loadKpiInput } from '../jobs/week-kpi.ts';
import type { Queryable } from '../store/database.ts';
import { listMarkDetails } from '../store/marks.ts';
import { getPairing, type Pairing } from '../store/pairings.ts';
import { messageRows, type MessageRow } from './message-rows.ts';
import { lastWeeks, type Period } from './periods.ts';
import { ttlCache } from './ttl-cache.ts';

export const READ_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

export interface KpiReads {
  pairing(id: string): Promise<Pairing | null>;
  /** The report for a period under the pairing's settings, or (uncached) under proposed ones. */
  kpi(pairing: Pairing, period: Period, now: number, settings?: Settings): Promise<KpiReport>;
  /** The last `count` weeks, current week last. */
  trend(pairing: Pairing, count: number, now: number, settings?: Settings): Promise<KpiReport>;
  rows(pairing: Pairing, period: Period, now: number): Promise<MessageRow[]>;
  /** Forgets what is kept about the pairing (call after changing it). */
  changed(pairingId: string): void;
}

/** The engine's report for a pairing and period, uncached (the bot's commands read it too). */
export async function kpiFor(db: Queryable, pairing: Pairing, period: Period, now: number, settings: Settings = pairing.settings): Promise<KpiReport> {
  return computeKpi(await loadKpiInput(db, pairing, period, now, settings));
}

/** Every inbound message of the period with its status or exclusion reason, uncached. */
export async function rowsFor(db: Queryable, pairing: Pairing, period: Period, now: number): Promise<MessageRow[]> {
  const [input, marks] = [await loadKpiInput(db, pairing, period, now), await listMarkDetails(db, pairing.id)];
  return messageRows(input, marks);
}

export function kpiReads(db: Queryable): KpiReads {
  const pairings = ttlCache<Pairing | null>(READ_TTL_MS, MAX_ENTRIES);
  const reports = ttlCache<KpiReport>(READ_TTL_MS, MAX_ENTRIES);
  const kpi: KpiReads['kpi'] = (pairing, period, now, settings) =>
    settings === undefined
      ? reports.get(`${pairing.id}:${period.from}:${period.to}`, () => kpiFor(db, pairing, period, now))
      : kpiFor(db, pairing, period, now, settings);
  return {
    pairing: (id) => pairings.get(`${id}:`, () => getPairing(db, id)),
    kpi,
    trend: (pairing, count, now, settings) => kpi(pairing, lastWeeks(settings ?? pairing.settings, now, count), now, settings),
    rows: (pairing, period, now) => rowsFor(db, pairing, period, now),
    changed(pairingId) {
      pairings.invalidate(`${pairingId}:`);
      reports.invalidate(`${pairingId}:`);
    },
  };
}
