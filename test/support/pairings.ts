// Pairings for database tests: each call makes a tenant and a pairing with addresses and Entra object ids of
// its own, so tests sharing one database never see each other's rows. `pairingInTenant` adds one to a tenant
// that exists, leaving the tenant row alone.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../../src/store/database.ts';
import { createPairing, type NewPairing, type Pairing } from '../../src/store/pairings.ts';
import { ensureTenant } from '../../src/store/tenants.ts';

export async function newTestPairing(db: Queryable, overrides: Partial<NewPairing> = {}): Promise<Pairing> {
  const tag = randomBytes(4).toString('hex');
  const domain = `owner-${tag}.example`;
  const tenantId = overrides.tenantId ?? `tenant-${tag}`;
  await ensureTenant(db, { id: tenantId, name: `Tenant ${tag}`, verifiedDomains: [domain] });
  return createPairing(db, {
    mailbox: `owner@${domain}`,
    owner: { address: `owner@${domain}`, userId: randomUUID() },
    va: { address: `va-${tag}@assist.example`, userId: randomUUID() },
    ...overrides,
    tenantId,
  });
}

export async function pairingInTenant(db: Queryable, tenantId: string, overrides: Partial<NewPairing> = {}): Promise<Pairing> {
  const tag = randomBytes(4).toString('hex');
  return createPairing(db, {
    mailbox: `owner-${tag}@other-${tag}.example`,
    owner: { address: `owner-${tag}@other-${tag}.example`, userId: randomUUID() },
    va: { address: `va-${tag}@assist.example`, userId: randomUUID() },
    ...overrides,
    tenantId,
  });
}
