// Tenants: an Entra tenant (or 'dev') and its verified domains, which decide what mail is internal.
import type { Queryable } from './database.ts';
import { prepared } from './prepared.ts';

export interface Tenant {
  readonly id: string;
  readonly name: string;
  /** Lower-cased. */
  readonly verifiedDomains: readonly string[];
}

function normalizeDomains(domains: readonly string[]): string[] {
  return [...new Set(domains.map((domain) => domain.trim().toLowerCase()).filter((domain) => domain !== ''))];
}

/** Creates the tenant or replaces its name and verified domains (Graph is the authority on both). */
export async function ensureTenant(db: Queryable, tenant: { id: string; name: string; verifiedDomains: readonly string[] }): Promise<void> {
  await db.execute(
    `insert into tenants (id, name, verified_domains) values ($1, $2, $3::text[])
     on conflict (id) do update set name = excluded.name, verified_domains = excluded.verified_domains`,
    [tenant.id, tenant.name, normalizeDomains(tenant.verifiedDomains)],
  );
}

const TENANT = prepared('tenant', 'select id, name, verified_domains from tenants where id = $1');

export async function getTenant(db: Queryable, id: string): Promise<Tenant | null> {
  const [row] = await db.query<{ id: string; name: string; verified_domains: string[] }>(TENANT, [id]);
  return row === undefined ? null : { id: row.id, name: row.name, verifiedDomains: row.verified_domains };
}

/** The tenant's verified domains; empty for an unknown tenant. */
export async function getVerifiedDomains(db: Queryable, tenantId: string): Promise<string[]> {
  return [...((await getTenant(db, tenantId))?.verifiedDomains ?? [])];
}
