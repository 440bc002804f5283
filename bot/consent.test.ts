// The admin-consent hint: never with the dev tenant; with a real tenant until Tandem has read its organization.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/support/databases.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { adminConsent } from './consent.ts';

describe('admin consent', () => {
  const db = useTestDatabase('pglite');
  const tenant = { kind: 'tenant', tenantId: 'home', clientId: 'client id', clientSecret: 's', authorityHost: 'https://login.microsoftonline.com/', graphBaseUrl: 'https://graph.microsoft.com/v1.0' } as const;

  it('links the consent URL until the tenant’s verified domains are known', async () => {
    const consent = adminConsent(db(), tenant);
    expect(await consent('contoso-id')).toBe('https://login.microsoftonline.com/contoso-id/adminconsent?client_id=client%20id');
    await ensureTenant(db(), { id: 'contoso-id', name: 'Contoso', verifiedDomains: [] });
    expect(await consent('contoso-id')).not.toBeNull();
    await ensureTenant(db(), { id: 'contoso-id', name: 'Contoso', verifiedDomains: ['contoso.com'] });
    expect(await consent('contoso-id')).toBeNull();
  });

  it('never asks with the local dev tenant', async () => {
    expect(await adminConsent(db(), { kind: 'devtenant' })('anything')).toBeNull();
  });
});
