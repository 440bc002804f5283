// The dev tenant as `npm start` and `tandem devtenant` run it: the seeded tenant laid out so that its last
// week is the current one, its clock following real time (mail keeps arriving as the day goes on), and a
// pairing for its owner and VA in the store, so the bot, the tab and the sync have someone to work for.
import { DateTime } from 'luxon';
import type { Logger } from '../log.ts';
import type { Queryable } from '../store/database.ts';
import { addPause } from '../store/paused.ts';
import { createPairing, listPairings, type Pairing } from '../store/pairings.ts';
import { ensureTenant } from '../store/tenants.ts';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import { generateTenantSeed, OWNER_TIME_ZONE } from './seed/generate.ts';
import type { TenantSeed } from './tenant-seed.ts';

/** The seed `npm start` uses: the same mailbox on every machine. */
export const LOCAL_SEED = 1;
export const LOCAL_WEEKS = 9;
/** How often the local tenant's clock catches up with real time. */
const TICK_MS = 60_000;

export interface LocalTenant {
  readonly tenant: DevTenant;
  readonly seed: TenantSeed;
  close(): Promise<void>;
}

/** The seeded tenant whose last week is the week of `now`, with its clock at `now` and following real time. */
export async function startLocalTenant(options: { now: () => number; logger: Logger }): Promise<LocalTenant> {
  const thisMonday = DateTime.fromMillis(options.now(), { zone: OWNER_TIME_ZONE.iana }).startOf('week');
  const seed = generateTenantSeed(LOCAL_SEED, { weeks: LOCAL_WEEKS, start: thisMonday.minus({ weeks: LOCAL_WEEKS - 1 }).toISODate()! });
  const tenant = await startDevTenant({ seed, roles: 'headers', logger: options.logger });
  const catchUp = () => tenant.clock.advanceTo(Math.max(tenant.clock.now(), options.now()));
  catchUp();
  const timer = setInterval(catchUp, TICK_MS);
  timer.unref();
  return {
    tenant,
    seed,
    close: async () => {
      clearInterval(timer);
      await tenant.close();
    },
  };
}

/** The seeded owner's pairing: found when the store has it, else created with the seed's settings and leave. */
interface SeedPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** The seeded pairing's people as a chat client shows them: the owner, the VA and (for a fuller roster) colleagues. */
export function seedPeople(seed: TenantSeed, colleagues = 4): { tenantId: string; owner: SeedPerson; va: SeedPerson; colleagues: SeedPerson[] } {
  const truth = seed.groundTruth.pairing;
  const person = (user: TenantSeed['users'][number]): SeedPerson => ({ id: user.id, name: user.displayName, email: user.mail });
  const pairingIds = [truth.ownerUserId, truth.vaUserId, truth.mailboxUserId];
  return {
    tenantId: seed.tenantId,
    owner: person(seed.users.find((user) => user.id === truth.ownerUserId)!),
    va: person(seed.users.find((user) => user.id === truth.vaUserId)!),
    colleagues: seed.users.filter((user) => !pairingIds.includes(user.id)).slice(0, colleagues).map(person),
  };
}

export async function ensureSeedPairing(db: Queryable, seed: TenantSeed): Promise<Pairing> {
  const truth = seed.groundTruth.pairing;
  const user = (id: string) => seed.users.find((candidate) => candidate.id === id)!;
  const { owner, va } = seedPeople(seed);
  const mailbox = user(truth.mailboxUserId).mail.toLowerCase();
  const existing = (await listPairings(db)).find((pairing) => pairing.tenantId === seed.tenantId && pairing.mailbox === mailbox && pairing.stoppedAt === null);
  if (existing) return existing;
  await ensureTenant(db, { id: seed.tenantId, name: 'Contoso (dev tenant)', verifiedDomains: seed.verifiedDomains });
  const pairing = await createPairing(db, {
    tenantId: seed.tenantId,
    mailbox,
    owner: { address: owner.email, userId: owner.id },
    va: { address: va.email, userId: va.id },
    settings: truth.settings,
  });
  for (const leave of truth.leave) await addPause(db, pairing.id, { kind: 'leave', start: leave.start, end: leave.end, createdBy: 'va' });
  return pairing;
}
