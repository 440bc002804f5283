// The read models every surface reads through: a pairing, the engine's report for a period, the message rows
// behind it, the waiting list and the weekly summary. Every number comes from computeKpi/evaluate on the
// store's data; nothing is recomputed here. Pairings and reports are kept READ_TTL_MS (derived data; mail
// arrives by sync every few minutes) and dropped on every instance as soon as an action announces a change.
import { computeKpi, type KpiReport, type WeekKpi } from '../kpi/engine.ts';
import type { Settings } from '../kpi/settings.ts';
import { lastWeeks, weekPeriod, type Period } from '../kpi/weeks.ts';
import type { ChangeFeed } from '../ports/changes.ts';
import type { Queryable } from '../store/database.ts';
import { listMarkDetails } from '../store/marks.ts';
import { getPairing, type Pairing } from '../store/pairings.ts';
import { loadKpiInput } from './kpi-input.ts';
import { messageRows, waitingRows, type MessageRow } from './message-rows.ts';
import { ttlCache } from './ttl-cache.ts';

export const READ_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
/** Unanswered mail older than this is shown as missed in its week, not in the waiting list. */
export const WAITING_WEEKS = 4;

export interface PairingWeek {
  readonly week: WeekKpi;
  readonly streak: number | null;
}

export interface Reports {
  pairing(id: string): Promise<Pairing | null>;
  /** The report for a period under the pairing's settings, or (uncached) under proposed ones. */
  kpi(pairing: Pairing, period: Period, now: number, settings?: Settings): Promise<KpiReport>;
  /** The last `count` weeks, current week last. */
  trend(pairing: Pairing, count: number, now: number, settings?: Settings): Promise<KpiReport>;
  /** One ISO week and the inbox-zero streak. */
  week(pairing: Pairing, week: string, now: number): Promise<PairingWeek>;
  /** Every inbound message of the period with its status or exclusion reason. */
  rows(pairing: Pairing, period: Period, now: number): Promise<MessageRow[]>;
  /** Unanswered counted mail of the last WAITING_WEEKS weeks, oldest first. */
  waiting(pairing: Pairing, now: number): Promise<MessageRow[]>;
  /** Drops what this instance keeps about the pairing (the change feed calls it for every instance). */
  forget(pairingId: string): void;
}

/** The engine's report for a pairing and period, uncached. */
export async function kpiFor(db: Queryable, pairing: Pairing, period: Period, now: number, settings: Settings = pairing.settings): Promise<KpiReport> {
  return computeKpi(await loadKpiInput(db, pairing, period, now, settings));
}

/** Every inbound message of the period with its status or exclusion reason, uncached. */
export async function rowsFor(db: Queryable, pairing: Pairing, period: Period, now: number): Promise<MessageRow[]> {
  const [input, marks] = await Promise.all([loadKpiInput(db, pairing, period, now), listMarkDetails(db, pairing.id)]);
  return messageRows(input, marks);
}

export interface ReportsOptions {
  /** How long pairings and reports are kept; default READ_TTL_MS. 0 keeps nothing (the uncached path, for benchmarks). */
  readonly ttlMs?: number;
}

/**
 * The read models over `db`. With a change feed, what an action changes on any instance is dropped here at
 * once; without one (one-off commands), entries live for READ_TTL_MS.
 */
export function createReports(db: Queryable, changes?: ChangeFeed, { ttlMs = READ_TTL_MS }: ReportsOptions = {}): Reports {
  const pairings = ttlCache<Pairing | null>(ttlMs, MAX_ENTRIES);
  const reports = ttlCache<KpiReport>(ttlMs, MAX_ENTRIES);
  const kpi: Reports['kpi'] = (pairing, period, now, settings) =>
    settings === undefined
      ? reports.get(`${pairing.id}:${period.from}:${period.to}`, () => kpiFor(db, pairing, period, now))
      : kpiFor(db, pairing, period, now, settings);
  const forget = (pairingId: string) => {
    pairings.invalidate(`${pairingId}:`);
    reports.invalidate(`${pairingId}:`);
  };
  changes?.subscribe(forget);
  return {
    pairing: (id) => pairings.get(`${id}:`, () => getPairing(db, id)),
    kpi,
    trend: (pairing, count, now, settings) => kpi(pairing, lastWeeks(settings ?? pairing.settings, now, count), now, settings),
    async week(pairing, week, now) {
      const report = await kpi(pairing, weekPeriod(week), now);
      return { week: report.weeks[0]!, streak: report.inboxZeroStreak };
    },
    rows: (pairing, period, now) => rowsFor(db, pairing, period, now),
    waiting: async (pairing, now) => waitingRows(await rowsFor(db, pairing, lastWeeks(pairing.settings, now, WAITING_WEEKS), now)),
    forget,
  };
}
