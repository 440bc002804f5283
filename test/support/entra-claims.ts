// Access tokens as Microsoft Entra ID issues them to Teams or Outlook for Tandem's API, written from Microsoft's
// reference, not from Tandem's own issuer (src/devtenant/identity-tokens.ts), so a validator that drifts from
// Entra fails here:
//   claims: https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
//   versions, issuer, keys: https://learn.microsoft.com/entra/identity-platform/access-tokens
// Values are invented; the claim names, which version carries which, and the shape of aud/iss are Entra's.
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';

/** Teams' desktop and web client: the client that asks Entra for the tab's SSO token. */
export const TEAMS_CLIENT_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

export interface EntraApi {
  readonly tenantId: string;
  /** The API's application (client) id. */
  readonly clientId: string;
  /** identifierUris[0]: `api://<host>/<client id>`. */
  readonly appIdUri: string;
}

export interface EntraUser {
  readonly oid: string;
  /** The sign-in name (UPN); mutable in Entra. */
  readonly upn: string;
  readonly name: string;
}

export interface TokenShape {
  readonly version: 1 | 2;
  readonly scopes?: readonly string[];
  readonly roles?: readonly string[];
  /** Seconds since the epoch. */
  readonly now: number;
  readonly lifetimeSeconds?: number;
}

/**
 * The header Entra puts on an access token: typ JWT, alg RS256, kid naming the signing key; v1.0 tokens repeat
 * the kid as x5t (access-token-claims-reference, "Header claims").
 */
export function entraHeader(version: 1 | 2, kid: string) {
  return { typ: 'JWT', alg: 'RS256', kid, ...(version === 1 ? { x5t: kid } : {}) };
}

/**
 * The payload of a delegated (user) access token for `api`. v2.0: `aud` is the API's client id, `iss`
 * `https://login.microsoftonline.com/{tid}/v2.0`, client in `azp`/`azpacr`, sign-in name in `preferred_username`.
 * v1.0: `aud` is the App ID URI the client asked for, `iss` `https://sts.windows.net/{tid}/`, client in
 * `appid`/`appidacr`, sign-in name in `unique_name` (and `upn`), plus `acr` and `amr`.
 */
export function entraAccessTokenClaims(api: EntraApi, user: EntraUser, shape: TokenShape): JWTPayload {
  const { now } = shape;
  const lifetime = shape.lifetimeSeconds ?? 75 * 60; // Entra's default is 60–90 minutes
  const common = {
    iat: now,
    nbf: now,
    exp: now + lifetime,
    aio: 'E2RgYJg3ZtW0eqPp+i3YrNx0vKXJAA==',
    name: user.name,
    oid: user.oid,
    rh: '0.AAAA-opaque.',
    scp: (shape.scopes ?? ['access_as_user']).join(' '),
    ...(shape.roles === undefined ? {} : { roles: [...shape.roles] }),
    sub: `pairwise-${user.oid.slice(0, 8)}`,
    tid: api.tenantId,
    uti: randomUUID().replaceAll('-', '').slice(0, 22),
  };
  if (shape.version === 2) {
    return {
      ...common,
      aud: api.clientId,
      iss: `https://login.microsoftonline.com/${api.tenantId}/v2.0`,
      azp: TEAMS_CLIENT_APP_ID,
      azpacr: '0',
      preferred_username: user.upn,
      ver: '2.0',
    };
  }
  return {
    ...common,
    aud: api.appIdUri,
    iss: `https://sts.windows.net/${api.tenantId}/`,
    acr: '1',
    amr: ['pwd', 'mfa'],
    appid: TEAMS_CLIENT_APP_ID,
    appidacr: '0',
    unique_name: user.upn,
    upn: user.upn,
    ver: '1.0',
  };
}
