// The dev tenant's signing key and the JWTs it issues, shaped like Microsoft Entra ID's v2.0 tokens, plus
// the validation of the user assertions it accepts for on-behalf-of (decode → key → signature → claims).
import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** Teams' desktop and web client id: the `azp` of the SSO token Teams hands to a tab or bot. */
export const TEAMS_CLIENT_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
/** Entra's access tokens live 60–90 minutes; the dev tenant uses the lower end. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3_600;

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public key as it appears in the tenant's JWKS. */
  readonly jwk: JWK;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = createHash('sha256').update(`${publicJwk.n}.${publicJwk.e}`).digest('base64url').slice(0, 27);
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', use: 'sig', kid, n: publicJwk.n, e: publicJwk.e } };
}

/** A stable GUID derived from a name, so a service principal keeps its object id across restarts. */
export function stableGuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface TokenContext {
  readonly key: SigningKey;
  readonly issuer: string;
  readonly tenantId: string;
  readonly lifetimeSeconds: number;
  /** Seconds since the epoch. */
  readonly nowSeconds: () => number;
}

/**
 * Entra's v1.0 issuer in the public cloud, `https://sts.windows.net/{tid}/`: a fixed host, not the authority's
 * (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference, `iss`).
 */
export const v1Issuer = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

async function sign(context: TokenContext, claims: JWTPayload, version: 1 | 2 = 2): Promise<{ token: string; expiresIn: number }> {
  const iat = context.nowSeconds();
  const token = await new SignJWT({
    ...claims,
    iss: version === 2 ? context.issuer : v1Issuer(context.tenantId),
    tid: context.tenantId,
    iat,
    nbf: iat - 300, // Entra back-dates nbf five minutes for clock skew.
    exp: iat + context.lifetimeSeconds,
    uti: randomUUID().replaceAll('-', '').slice(0, 22),
    ver: version === 2 ? '2.0' : '1.0',
  })
    // v1.0 tokens also carry x5t, equal to kid (access-token-claims-reference, header claims).
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: context.key.kid, ...(version === 1 ? { x5t: context.key.kid } : {}) })
    .sign(context.key.privateKey);
  return { token, expiresIn: context.lifetimeSeconds };
}

export interface AppTokenInput {
  readonly audience: string;
  readonly clientId: string;
  readonly appDisplayName: string;
  readonly servicePrincipalId: string;
  readonly roles: readonly string[];
  /** How the client proved itself: `azpacr`/`appidacr` 1 for a secret, 2 for a certificate (access-token-claims-reference). */
  readonly clientAuth?: 'secret' | 'certificate';
}

/** An app-only token (client credentials): `roles` holds the application permissions, `idtyp` is "app". */
export function issueAppToken(context: TokenContext, input: AppTokenInput) {
  const acr = input.clientAuth === 'certificate' ? '2' : '1';
  return sign(context, {
    aud: input.audience,
    azp: input.clientId,
    azpacr: acr,
    appid: input.clientId,
    appidacr: acr,
    app_displayname: input.appDisplayName,
    idtyp: 'app',
    oid: input.servicePrincipalId,
    sub: input.servicePrincipalId,
    ...(input.roles.length > 0 ? { roles: [...input.roles] } : {}),
  });
}

export interface UserTokenInput {
  readonly audience: string;
  /** The client the user signed in to (Teams for SSO, the middle-tier app for on-behalf-of). */
  readonly clientId: string;
  readonly user: { readonly oid: string; readonly userPrincipalName: string; readonly displayName: string };
  readonly scopes: readonly string[];
}

/** A delegated token: `scp` holds the space-separated scopes, `oid`/`upn` the user. */
export function issueUserToken(context: TokenContext, input: UserTokenInput) {
  return sign(context, {
    aud: input.audience,
    azp: input.clientId,
    azpacr: '1',
    appid: input.clientId,
    idtyp: 'user',
    oid: input.user.oid,
    sub: stableGuid(`${input.user.oid}/${input.clientId}`), // pairwise, as Entra's sub is per app
    upn: input.user.userPrincipalName,
    preferred_username: input.user.userPrincipalName,
    name: input.user.displayName,
    scp: input.scopes.join(' '),
  });
}

/** An app registration that exposes an API (Tandem's tab app): what Entra needs to shape its access tokens. */
export interface ApiRegistration {
  readonly clientId: string;
  /** identifierUris[0], e.g. `api://<host>/<client id>`. */
  readonly appIdUri: string;
  /** accessTokenAcceptedVersion: 2 → v2.0 tokens; null or 1 → v1.0 tokens. */
  readonly accessTokenVersion: 1 | 2;
}

export interface ApiTokenInput {
  readonly api: ApiRegistration;
  /** The client app the user signed in to (Teams, Outlook): `azp` (v2.0) or `appid` (v1.0). */
  readonly clientId: string;
  readonly user: { readonly oid: string; readonly userPrincipalName: string; readonly displayName: string };
  readonly scopes: readonly string[];
  /** v1.0 only: the resource the client asked for, which becomes `aud` (the App ID URI unless it asked by client id). */
  readonly requestedResource?: string;
}

/**
 * A delegated access token for a registered API, shaped as Entra issues it for the registration's
 * accessTokenAcceptedVersion (https://learn.microsoft.com/entra/identity-platform/access-tokens, "Token formats";
 * claims per https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference): v2.0 has
 * `aud` = the API's client id, `azp`/`azpacr`, `preferred_username`; v1.0 has `aud` = the App ID URI (or the
 * client id), `appid`/`appidacr`, `unique_name`/`upn`. `idtyp` is the optional claim aad.manifest.json asks for.
 */
export function issueApiAccessToken(context: TokenContext, input: ApiTokenInput) {
  const { api, user } = input;
  const common = {
    name: user.displayName,
    oid: user.oid,
    sub: stableGuid(`${user.oid}/${input.clientId}`), // pairwise per app, as Entra's sub
    scp: input.scopes.join(' '),
    idtyp: 'user',
  };
  if (api.accessTokenVersion === 2) {
    return sign(context, { ...common, aud: api.clientId, azp: input.clientId, azpacr: '0', preferred_username: user.userPrincipalName }, 2);
  }
  const aud = input.requestedResource === api.clientId ? api.clientId : api.appIdUri;
  return sign(context, { ...common, aud, appid: input.clientId, appidacr: '0', acr: '1', amr: ['pwd'], unique_name: user.userPrincipalName, upn: user.userPrincipalName }, 1);
}

/** An OpenID Connect id token for the client itself, returned when `openid` was asked for. */
export function issueIdToken(context: TokenContext, input: Omit<UserTokenInput, 'audience' | 'scopes'>) {
  return sign(context, {
    aud: input.clientId,
    oid: input.user.oid,
    sub: stableGuid(`${input.user.oid}/${input.clientId}`),
    preferred_username: input.user.userPrincipalName,
    name: input.user.displayName,
  });
}

export type AssertionCheck =
  | { readonly ok: true; readonly oid: string; readonly scopes: readonly string[] }
  | { readonly ok: false; readonly code: number; readonly reason: string };

/** Validates an on-behalf-of assertion: signed by this tenant, in date, addressed to the calling app, delegated. */
export async function checkUserAssertion(context: TokenContext, assertion: string, clientId: string): Promise<AssertionCheck> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, context.key.publicKey, {
      algorithms: ['RS256'],
      issuer: [context.issuer, v1Issuer(context.tenantId)],
      currentDate: new Date(context.nowSeconds() * 1000),
    }));
  } catch (error) {
    const expired = error instanceof Error && 'code' in error && error.code === 'ERR_JWT_EXPIRED';
    return expired
      ? { ok: false, code: 500133, reason: 'Assertion is not within its valid time range.' }
      : { ok: false, code: 50013, reason: 'Assertion failed signature validation.' };
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.some((audience) => audience === clientId || audience === `api://${clientId}`)) {
    return { ok: false, code: 50013, reason: `Assertion audience does not match the client app '${clientId}'.` };
  }
  if (typeof payload['scp'] !== 'string' || typeof payload['oid'] !== 'string') {
    return { ok: false, code: 50013, reason: 'Assertion is not a delegated user token.' };
  }
  return { ok: true, oid: payload['oid'], scopes: payload['scp'].split(' ') };
}
