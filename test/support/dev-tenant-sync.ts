// What the sync tests and benches share: a dev tenant with Tandem's Graph connection to it (retries that do not
// really wait), the seed's pairing as its ground truth has it, and what a sync costs in Graph requests.
import { connectGraph, type GraphConnection } from '../../src/graph/connect.ts';
import { startDevTenant, type DevTenant } from '../../src/devtenant/dev-tenant.ts';
import type { FaultConfig } from '../../src/devtenant/graph-faults.ts';
import type { ExchangeBehaviour } from '../../src/devtenant/mailbox-store.ts';
import type { TenantSeed } from '../../src/devtenant/tenant-seed.ts';
import { syncPairing } from '../../src/jobs/sync.ts';
import { silentLogger } from '../../src/log.ts';
import type { Database } from '../../src/store/database.ts';
import { createPairing, type Pairing } from '../../src/store/pairings.ts';
import { addPause } from '../../src/store/paused.ts';
import { readSyncState } from '../../src/store/sync-state.ts';
import { ensureTenant } from '../../src/store/tenants.ts';
import { devTenantMaterial, noWait } from './dev-tenant-client.ts';

export interface SyncTenantOptions {
  readonly faults?: FaultConfig;
  readonly roles?: 'basic' | 'headers' | readonly string[];
  readonly clientSecret?: string;
  readonly exchange?: ExchangeBehaviour;
  readonly mailboxConcurrency?: number;
  readonly pageSize?: number;
}

export interface SyncTenant {
  readonly tenant: DevTenant;
  readonly connection: GraphConnection;
}

/** The seed's dev tenant (`headers` roles unless told) and a Graph connection to it that backfills 120 days. */
export async function startSyncTenant(seed: TenantSeed, options: SyncTenantOptions = {}): Promise<SyncTenant> {
  const tenant = await startDevTenant({
    seed,
    ...(await devTenantMaterial()),
    roles: options.roles ?? 'headers',
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.exchange ? { exchange: options.exchange } : {}),
    ...(options.mailboxConcurrency ? { mailboxConcurrency: options.mailboxConcurrency } : {}),
  });
  const connection = connectGraph({
    auth: { ...tenant.authConfig, ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}) },
    graphBaseUrl: tenant.graphBaseUrl,
    trustedCaPem: tenant.ca,
    mode: Array.isArray(options.roles) ? 'headers' : ((options.roles as 'basic' | 'headers' | undefined) ?? 'headers'),
    backfillDays: 120,
    clock: tenant.clock,
    logger: silentLogger,
    retry: { ...noWait, maxRetries: 8 },
    batch: { ...noWait, maxRetries: 8 },
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  return { tenant, connection };
}

export function userOf(seed: TenantSeed, id: string) {
  const user = seed.users.find((candidate) => candidate.id === id);
  if (!user) throw new Error(`seed has no user ${id}`);
  return user;
}

/** A pairing for the seed's owner and VA, with the ground truth's settings (or these) and the leave entered in Tandem. */
export async function seedTruthPairing(store: Database, seed: TenantSeed, settings: unknown = seed.groundTruth.pairing.settings): Promise<Pairing> {
  const truth = seed.groundTruth.pairing;
  const owner = userOf(seed, truth.ownerUserId);
  const va = userOf(seed, truth.vaUserId);
  await ensureTenant(store, { id: seed.tenantId, name: 'Contoso (dev)', verifiedDomains: [] });
  const pairing = await createPairing(store, {
    tenantId: seed.tenantId,
    mailbox: userOf(seed, truth.mailboxUserId).mail,
    owner: { address: owner.mail, userId: owner.id },
    va: { address: va.mail, userId: va.id },
    settings,
  });
  for (const leave of truth.leave) await addPause(store, pairing.id, { kind: 'leave', start: leave.start, end: leave.end, createdBy: 'va' });
  return pairing;
}

type Requests = DevTenant['graphStats']['requests'];
/** Requests that came over the wire (a $batch is one, whatever it holds). */
export const wireCount = (requests: Requests) => requests.filter((request) => request.wire).length;
/** Requests addressed to one mailbox (`/users/{address}/…`). */
export const requestsTo = (requests: Requests, address: string) =>
  requests.filter((request) => request.path.toLowerCase().includes(`/users/${address}/`) || request.path.toLowerCase().endsWith(`/users/${address}`));
/** The Inbox backstop's id listing: a batch's inner request or a request of its own, and any further pages (the mailbox-sync's reconcileInbox). */
export const inboxListing = (requests: Requests) => requests.filter((request) => /\/mailFolders\/inbox\/messages$/i.test(request.path));

export interface MailSyncCost {
  /** Messages the backfill read. */
  readonly backfilled: number;
  readonly backfill: Requests;
  /** The first incremental cycle, a minute after the backfill: it lists the Inbox, as every hourly cycle does. */
  readonly listing: Requests;
  /** One cycle with nothing new, a minute after that. */
  readonly idle: Requests;
  /** What the idle cycle stored (0 when nothing changed). */
  readonly idleStored: number;
}

/**
 * Backfills the pairing at `at` (the first run), then runs the first incremental cycle and one idle cycle, a
 * minute apart; the requests of each.
 */
export async function measureMailSyncCost(db: Database, { tenant, connection }: SyncTenant, pairingId: string, at: number): Promise<MailSyncCost> {
  const requests = tenant.graphStats.requests;
  const cycle = async (now: number) => {
    tenant.clock.advanceTo(now);
    const from = requests.length;
    const stored = await syncPairing({ db, mailbox: connection.mailbox }, pairingId);
    return { requests: requests.slice(from), stored };
  };
  const backfill = await cycle(at);
  const position = (await readSyncState(db, pairingId, 'mailbox'))!.position as { backfill: { fetched: number } };
  const listing = await cycle(at + 60_000);
  const idle = await cycle(at + 2 * 60_000);
  return { backfilled: position.backfill.fetched, backfill: backfill.requests, listing: listing.requests, idle: idle.requests, idleStored: idle.stored };
}

/**
 * Syncs each task pairing once (the first round lists everything), then once more with nothing changed a minute
 * later; the wire requests to Planner and To Do of that idle sync, per pairing, and what it stored.
 */
export async function measureIdleTaskSync(db: Database, { tenant, connection }: SyncTenant, pairings: readonly Pairing[]): Promise<Array<{ requests: number; stored: number }>> {
  const requests = tenant.graphStats.requests;
  for (const pairing of pairings) await syncPairing({ db, mailbox: connection.mailbox, tasks: connection.tasks }, pairing.id);
  tenant.clock.advanceTo(tenant.clock.now() + 60_000);
  const idle: Array<{ requests: number; stored: number }> = [];
  for (const pairing of pairings) {
    const from = requests.length;
    const stored = await syncPairing({ db, mailbox: connection.mailbox, tasks: connection.tasks }, pairing.id);
    idle.push({ requests: requests.slice(from).filter((request) => request.wire && /\/planner\/|\/todo\//.test(request.path)).length, stored });
  }
  return idle;
}
