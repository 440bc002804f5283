// The token validator for the tab and the Outlook pane: Entra ID (Teams SSO, nested app authentication) or,
// standalone, the dev identity, which serves the same paths and issues the same tokens for the same
// registration. Both run tokenValidator's steps with the tenant pinned and the registration's token version.
import type { Logger } from '../log.ts';
import type { Queryable } from '../store/database.ts';
import { getTenant } from '../store/tenants.ts';
import { httpsJwks } from './https-jwks.ts';
import { tokenValidator, type AcceptedToken, type TokenValidator } from './token-validator.ts';

export const TAB_SCOPE = 'access_as_user';

/**
 * manifest/aad.manifest.json's `accessTokenAcceptedVersion`: 2 makes Entra issue v2.0 access tokens for
 * Tandem's API whatever endpoint the client used; null or 1 would make it issue v1.0 ones
 * (https://learn.microsoft.com/entra/identity-platform/access-tokens, "Token formats" and "Token ownership").
 * src/auth/tab-validator.test.ts keeps this equal to the manifest.
 */
export const ACCESS_TOKEN_ACCEPTED_VERSION: 1 | 2 = 2;

/** The App ID URI of manifest/aad.manifest.json's `identifierUris` (`api://<tab host>/<client id>`). */
export const appIdUri = (host: string, clientId: string) => `api://${host}/${clientId}`;

/**
 * The issuer of v1.0 tokens in Entra's public cloud (the v1.0 metadata document's `issuer`, with the tenant):
 * `https://sts.windows.net/{tid}/`. v2.0 tokens name the authority host: `<host>/{tid}/v2.0`
 * (access-token-claims-reference, `iss`; access-tokens, "v1.0 and v2.0 tokens").
 */
export const V1_ISSUER_HOST = 'https://sts.windows.net';

export interface TabRegistration {
  /** The tenant the app is registered in and the only one served (TANDEM_TENANT_ID). */
  readonly tenantId: string;
  /** The app registration's client id (TANDEM_CLIENT_ID; the dev tab app standalone). */
  readonly clientId: string;
  /** `api://<host>/<client id>`. */
  readonly appIdUri: string;
  /** accessTokenAcceptedVersion; ACCESS_TOKEN_ACCEPTED_VERSION unless a test says otherwise. */
  readonly accessTokenVersion?: 1 | 2;
}

/** What Entra issues for the registration: one token version, with its exact issuer and audiences. */
export function acceptedTokens(authorityHost: string, registration: TabRegistration): AcceptedToken[] {
  const host = authorityHost.replace(/\/+$/, '');
  const version = registration.accessTokenVersion ?? ACCESS_TOKEN_ACCEPTED_VERSION;
  return version === 2
    ? [{ ver: '2.0', issuer: `${host}/${registration.tenantId}/v2.0`, audiences: [registration.clientId] }]
    : [{ ver: '1.0', issuer: `${V1_ISSUER_HOST}/${registration.tenantId}/`, audiences: [registration.appIdUri, registration.clientId] }];
}

export interface TabIdentity {
  /** `https://login.microsoftonline.com`, or the dev identity's origin. */
  readonly authorityHost: string;
  readonly registration: TabRegistration;
  /** The dev identity's CA, trusted for its JWKS only. */
  readonly ca?: string;
}

/**
 * The tenant's signing keys: `<host>/<tenant>/discovery/v2.0/keys`, the jwks_uri of the tenant's v2.0 metadata
 * (the same keys sign v1.0 tokens). The tenant-specific document, as the tenant is pinned (access-tokens,
 * "Validate the issuer").
 */
export const tenantJwksUri = (authorityHost: string, tenantId: string) => `${authorityHost.replace(/\/+$/, '')}/${tenantId}/discovery/v2.0/keys`;

export function tabTokenValidator(db: Queryable, identity: TabIdentity, log: Logger): TokenValidator {
  const { registration } = identity;
  return tokenValidator({
    keys: httpsJwks(tenantJwksUri(identity.authorityHost, registration.tenantId), identity.ca),
    tenantId: registration.tenantId,
    accepted: acceptedTokens(identity.authorityHost, registration),
    knownTenant: async (tid) => (await getTenant(db, tid)) !== null,
    scope: TAB_SCOPE,
    log,
  });
}
