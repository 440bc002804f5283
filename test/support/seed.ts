// Seeds many pairings straight into the schema for crash, multi-instance and fan-out runs.
import type { Queryable } from '../../src/store/database.ts';
import { DEFAULT_SETTINGS } from '../../src/kpi/settings.ts';

/** Creates `count` pairings, each with its own Teams conversation on the given connector, started long ago. */
export async function seedPairings(db: Queryable, count: number, serviceUrl: string, createdAt = '2026-11-16T00:00:00Z'): Promise<void> {
  await db.execute(`insert into tenants (id, name, verified_domains) values ('seed', 'Seed tenant', '{contoso.com}') on conflict do nothing`);
  await db.execute(
    `insert into pairings (tenant_id, mailbox, owner_address, va_address, conversation_ref, settings, created_at)
     select 'seed', 'owner' || i || '@contoso.com', 'owner' || i || '@contoso.com', 'va' || i || '@contoso.com',
            jsonb_build_object('serviceUrl', $2::text, 'conversation', jsonb_build_object('id', 'conversation-' || i)),
            $3::jsonb, $4::timestamptz
     from generate_series(1, $1::int) as i`,
    [count, serviceUrl, JSON.stringify(DEFAULT_SETTINGS), createdAt],
  );
}
