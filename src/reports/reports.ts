// The read models every surface reads through: a pairing, the engine's report for a period, the message rows
// behind it, the waiting list and the weekly summary. Every number comes from computeKpi/evaluate on the
// store's data; nothing is recomputed here. Pairings, a person's pairings, what the engine weighs mail against
// and reports are kept READ_TTL_MS (derived data; mail arrives by sync every few minutes) and dropped on every
// instance as soon as an action announces a change.
import { computeKpi, type KpiReport, type WeekKpi } from '../kpi/engine.ts';
import type { Interval, PairingPeople } from '../kpi/message.ts';
import type { Settings } from '../kpi/settings.ts';
import { lastWeeks, weekPeriod, type Period } from '../kpi/weeks.ts';
import type { ChangeFeed } from '../ports/changes.ts';
import type { Queryable } from '../store/database.ts';
import { getPairing, pairingPeople, type Pairing } from '../store/pairings.ts';
import { listPauses } from '../store/paused.ts';
import { readSyncState, SYNC_SCOPES } from '../store/sync-state.ts';
import { getVerifiedDomains } from '../store/tenants.ts';
import { pairingsOf, type Actor, type PairingRole } from './access.ts';
import { loadKpiInput, loadMarkedKpiInput } from './kpi-input.ts';
import { messageRows, waitingRows, type MessageRow } from './message-rows.ts';
import { loadTaskReport, type PairingTaskReport } from './tasks.ts';
import { ttlCache } from './ttl-cache.ts';

export const READ_TTL_MS = 30_000;
/**
 * How long when a mailbox last synced is kept. A sync that stores mail announces a change, which drops it at
 * once; one that finds nothing new only moves the time on, and "synced a few seconds ago" may lag that long.
 */
export const SYNC_TTL_MS = 10_000;
const MAX_ENTRIES = 20_000;
/** Unanswered mail older than this is shown as missed in its week, not in the waiting list. */
export const WAITING_WEEKS = 4;

export interface PairingWeek {
  readonly week: WeekKpi;
  readonly streak: number | null;
}

/** What the engine weighs a pairing's mail against besides its settings, marks and snapshots. */
export interface KpiContext {
  /** Who is who, with the tenant's verified domains. */
  readonly people: PairingPeople;
  readonly paused: readonly Interval[];
}

export interface Reports {
  pairing(id: string): Promise<Pairing | null>;
  /** The pairings the actor is owner or VA of, with their roles (dropped on any change: one may name or drop them). */
  pairingsOf(actor: Actor): Promise<ReadonlyArray<{ readonly pairing: Pairing; readonly role: PairingRole }>>;
  /** When the pairing's mailbox sync last succeeded; null if never. */
  lastMailSync(pairing: Pairing): Promise<number | null>;
  /** The pairing's people and pauses, as the engine weighs its mail. */
  context(pairing: Pairing): Promise<KpiContext>;
  /** The report for a period under the pairing's settings, or (uncached) under proposed ones. */
  kpi(pairing: Pairing, period: Period, now: number, settings?: Settings): Promise<KpiReport>;
  /** The last `count` weeks, current week last. */
  trend(pairing: Pairing, count: number, now: number, settings?: Settings): Promise<KpiReport>;
  /** One ISO week and the inbox-zero streak. */
  week(pairing: Pairing, week: string, now: number): Promise<PairingWeek>;
  /** The completion KPI for a period (docs/kpi.md §11), or null when the pairing reads no tasks. */
  tasks(pairing: Pairing, period: Period, now: number): Promise<PairingTaskReport | null>;
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
  const { input, marks } = await loadMarkedKpiInput(db, pairing, period, now);
  return messageRows(input, marks);
}

/** The pairing's people and pauses, uncached. */
export async function contextFor(db: Queryable, pairing: Pairing): Promise<KpiContext> {
  const [paused, domains] = await Promise.all([listPauses(db, pairing.id), getVerifiedDomains(db, pairing.tenantId)]);
  return { people: pairingPeople(pairing, domains), paused };
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
  const contexts = ttlCache<KpiContext>(ttlMs, MAX_ENTRIES);
  const people = ttlCache<Awaited<ReturnType<Reports['pairingsOf']>>>(ttlMs, MAX_ENTRIES);
  const taskReports = ttlCache<PairingTaskReport | null>(ttlMs, MAX_ENTRIES);
  const syncs = ttlCache<number | null>(Math.min(ttlMs, SYNC_TTL_MS), MAX_ENTRIES);
  const kpi: Reports['kpi'] = (pairing, period, now, settings) =>
    settings === undefined
      ? reports.get(`${pairing.id}:${period.from}:${period.to}`, () => kpiFor(db, pairing, period, now))
      : kpiFor(db, pairing, period, now, settings);
  const forget = (pairingId: string) => {
    pairings.invalidate(`${pairingId}:`);
    reports.invalidate(`${pairingId}:`);
    contexts.invalidate(`${pairingId}:`);
    taskReports.invalidate(`${pairingId}:`);
    syncs.invalidate(`${pairingId}:`);
    // Which pairings name a person is not keyed by pairing: a set-up, a new chat member or an offboarding may change anyone's.
    people.invalidate('');
  };
  changes?.subscribe(forget);
  return {
    pairing: (id) => pairings.get(`${id}:`, () => getPairing(db, id)),
    pairingsOf: (actor) => people.get(JSON.stringify([actor.tenantId, actor.userId]), () => pairingsOf(db, actor)),
    lastMailSync: (pairing) => syncs.get(`${pairing.id}:`, async () => (await readSyncState(db, pairing.id, SYNC_SCOPES.mailbox))?.lastSuccessAt ?? null),
    context: (pairing) => contexts.get(`${pairing.id}:`, () => contextFor(db, pairing)),
    kpi,
    trend: (pairing, count, now, settings) => kpi(pairing, lastWeeks(settings ?? pairing.settings, now, count), now, settings),
    async week(pairing, week, now) {
      const report = await kpi(pairing, weekPeriod(week), now);
      return { week: report.weeks[0]!, streak: report.inboxZeroStreak };
    },
    // Keyed by the source too: a settings change drops the entry anyway, but a report never outlives its source.
    tasks: (pairing, period, now) =>
      taskReports.get(`${pairing.id}:${pairing.settings.taskSource}:${period.from}:${period.to}`, () => loadTaskReport(db, pairing, period, now)),
    rows: (pairing, period, now) => rowsFor(db, pairing, period, now),
    waiting: async (pairing, now) => waitingRows(await rowsFor(db, pairing, lastWeeks(pairing.settings, now, WAITING_WEEKS), now)),
    forget,
  };
}
