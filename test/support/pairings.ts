// Pairings for database tests: each call makes a tenant and a pairing with addresses of its own, so tests
// sharing one database never see each other's rows.
import { randomBytes } from 'node:crypto';
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
    owner: { address: `owner@${domain}` },
    va: { address: `va-${tag}@assist.example` },
    ...overrides,
    tenantId,
  });
}
