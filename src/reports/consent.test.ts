// The admin-consent hint: with a real tenant, until Tandem has read its organization.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/databases.ts';
import { ensureTenant } from '../store/tenants.ts';
import { adminConsent } from './consent.ts';

describe('admin consent', () => {
  const db = useTestDatabase('pglite');
  const tenant = { clientId: 'client id', authorityHost: 'https://login.microsoftonline.com/' };

  it('links the consent URL until the tenant’s verified domains are known', async () => {
    const consent = adminConsent(db(), tenant);
    expect(await consent('contoso-id')).toBe('https://login.microsoftonline.com/contoso-id/adminconsent?client_id=client%20id');
    await ensureTenant(db(), { id: 'contoso-id', name: 'Contoso', verifiedDomains: [] });
    expect(await consent('contoso-id')).not.toBeNull();
    await ensureTenant(db(), { id: 'contoso-id', name: 'Contoso', verifiedDomains: ['contoso.com'] });
    expect(await consent('contoso-id')).toBeNull();
  });
});
