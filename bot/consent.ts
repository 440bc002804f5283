// Whether the welcome card must ask for admin consent: with a real tenant, until Tandem has read the tenant's
// organization through Graph (its verified domains are stored), the card links the admin-consent URL.
import type { GraphTarget } from '../src/config.ts';
import type { Queryable } from '../src/store/database.ts';
import { getTenant } from '../src/store/tenants.ts';

export function adminConsent(db: Queryable, graph: GraphTarget): (tenantId: string) => Promise<string | null> {
  if (graph.kind === 'devtenant') return async () => null;
  return async (tenantId) => {
    const tenant = await getTenant(db, tenantId);
    if (tenant !== null && tenant.verifiedDomains.length > 0) return null;
    return `${graph.authorityHost.replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(graph.clientId)}`;
  };
}
