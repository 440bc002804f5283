// The tab's token validator for either identity: Entra ID (Teams SSO, multi-tenant issuer per tid) or the
// dev tenant (standalone). Both run tokenValidator's steps; only the key set, issuer and audience differ.
import type { Logger } from '../log.ts';
import type { Queryable } from '../store/database.ts';
import { getTenant } from '../store/tenants.ts';
import { httpsJwks } from './https-jwks.ts';
import { tokenValidator, type TokenValidator } from './token-validator.ts';

export const TAB_SCOPE = 'access_as_user';

export type TabIdentity =
  /** Entra: keys from `<authorityHost>/common/discovery/v2.0/keys`, issuer `<authorityHost>/<tid>/v2.0`. */
  | { readonly kind: 'entra'; readonly authorityHost: string; readonly audience: string }
  | { readonly kind: 'devtenant'; readonly issuer: string; readonly jwksUri: string; readonly ca: string; readonly audience: string };

export function tabTokenValidator(db: Queryable, identity: TabIdentity, log: Logger): TokenValidator {
  const knownTenant = async (tid: string) => (await getTenant(db, tid)) !== null;
  if (identity.kind === 'entra') {
    const host = identity.authorityHost.replace(/\/+$/, '');
    return tokenValidator({ keys: httpsJwks(`${host}/common/discovery/v2.0/keys`), issuerFor: (tid) => `${host}/${tid}/v2.0`, audience: identity.audience, knownTenant, scope: TAB_SCOPE, log });
  }
  return tokenValidator({ keys: httpsJwks(identity.jwksUri, identity.ca), issuerFor: () => identity.issuer, audience: identity.audience, knownTenant, scope: TAB_SCOPE, log });
}
