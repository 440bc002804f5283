// Tenants on both engines: upsert by id, verified domains normalised.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { ensureTenant, getTenant, getVerifiedDomains } from './tenants.ts';

describe.each(testEngines())('tenants on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('creates a tenant, then replaces its name and domains', async () => {
    await ensureTenant(db(), { id: 'tid-1', name: 'Contoso', verifiedDomains: ['Contoso.com', ' contoso.com', 'contoso.onmicrosoft.com'] });
    expect(await getTenant(db(), 'tid-1')).toEqual({ id: 'tid-1', name: 'Contoso', verifiedDomains: ['contoso.com', 'contoso.onmicrosoft.com'] });
    await ensureTenant(db(), { id: 'tid-1', name: 'Contoso Ltd', verifiedDomains: ['contoso.dk'] });
    expect(await getTenant(db(), 'tid-1')).toEqual({ id: 'tid-1', name: 'Contoso Ltd', verifiedDomains: ['contoso.dk'] });
    expect(await db().query('select count(*)::int as n from tenants where id = $1', ['tid-1'])).toEqual([{ n: 1 }]);
  });

  it('knows no domains of an unknown tenant', async () => {
    expect(await getTenant(db(), 'nobody')).toBeNull();
    expect(await getVerifiedDomains(db(), 'nobody')).toEqual([]);
  });
});
