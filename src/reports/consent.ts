// Whether the welcome card must ask for admin consent: until Tandem has read the tenant's organization
// through Graph (its verified domains are stored), the card links the admin-consent URL. Only a real tenant
// asks; the wiring gives the local stand-ins a reader that never does.
import type { Queryable } from '../store/database.ts';
import { getTenant } from '../store/tenants.ts';

export interface ConsentTarget {
  /** Entra's authority host, e.g. https://login.microsoftonline.com. */
  readonly authorityHost: string;
  /** The app registration the admin consents to. */
  readonly clientId: string;
}

export function adminConsent(db: Queryable, app: ConsentTarget): (tenantId: string) => Promise<string | null> {
  return async (tenantId) => {
    const tenant = await getTenant(db, tenantId);
    if (tenant !== null && tenant.verifiedDomains.length > 0) return null;
    return `${app.authorityHost.replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(app.clientId)}`;
  };
}
