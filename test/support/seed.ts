// Seeds many pairings straight into the schema for crash, multi-instance and fan-out runs.
import type { Queryable } from '../../src/store/database.ts';
import { DEFAULT_SETTINGS } from '../../src/kpi/settings.ts';

/**
 * Owner–VA pairings are small businesses, each its own tenant; seeded pairings come 20 to a tenant, so no run
 * has all of them wait on one tenant's row or one tenant's limits.
 */
export const PAIRINGS_PER_TENANT = 20;

/** The tenant and addresses of the seeded pairing `i` (1-based), as seedPairings writes them. */
export const seededTenant = (i: number) => `tenant-${Math.ceil(i / PAIRINGS_PER_TENANT)}`;
export const seededOwner = (i: number) => `owner${i}@contoso.com`;
export const seededVa = (i: number) => `va${i}@contoso.com`;

/**
 * Creates `count` pairings, each with its own Teams conversation on the given connector, started long ago; each
 * reads its owner's own mailbox (seededOwner, with seededVa's VA), so it may be synced.
 */
export async function seedPairings(db: Queryable, count: number, serviceUrl: string, createdAt = '2026-11-16T00:00:00Z'): Promise<void> {
  await db.execute(
    `insert into tenants (id, name, verified_domains)
     select 'tenant-' || t, 'Seed tenant ' || t, '{contoso.com}' from generate_series(1, ceil($1::int / $2::numeric)::int) as t
     on conflict do nothing`,
    [count, PAIRINGS_PER_TENANT],
  );
  await db.execute(
    `insert into pairings (tenant_id, mailbox, owner_address, va_address, conversation_ref, settings, created_at, mailbox_approval)
     select 'tenant-' || ceil(i / $5::numeric), 'owner' || i || '@contoso.com', 'owner' || i || '@contoso.com', 'va' || i || '@contoso.com',
            jsonb_build_object('serviceUrl', $2::text, 'conversation', jsonb_build_object('id', 'conversation-' || i)),
            $3::jsonb, $4::timestamptz, 'own'
     from generate_series(1, $1::int) as i`,
    [count, serviceUrl, JSON.stringify(DEFAULT_SETTINGS), createdAt, PAIRINGS_PER_TENANT],
  );
}
