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

async function sign(context: TokenContext, claims: JWTPayload): Promise<{ token: string; expiresIn: number }> {
  const iat = context.nowSeconds();
  const token = await new SignJWT({
    ...claims,
    iss: context.issuer,
    tid: context.tenantId,
    iat,
    nbf: iat - 300, // Entra back-dates nbf five minutes for clock skew.
    exp: iat + context.lifetimeSeconds,
    uti: randomUUID().replaceAll('-', '').slice(0, 22),
    ver: '2.0',
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: context.key.kid })
    .sign(context.key.privateKey);
  return { token, expiresIn: context.lifetimeSeconds };
}

export interface AppTokenInput {
  readonly audience: string;
  readonly clientId: string;
  readonly appDisplayName: string;
  readonly servicePrincipalId: string;
  readonly roles: readonly string[];
}

/** An app-only token (client credentials): `roles` holds the application permissions, `idtyp` is "app". */
export function issueAppToken(context: TokenContext, input: AppTokenInput) {
  return sign(context, {
    aud: input.audience,
    azp: input.clientId,
    azpacr: '1',
    appid: input.clientId,
    appidacr: '1',
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
      issuer: context.issuer,
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
