// A local stand-in for Microsoft identity (Entra ID v2.0 endpoints) for one tenant, over HTTPS: discovery,
// JWKS and a token endpoint for client credentials and on-behalf-of, with Entra's field names and errors,
// so the same msal-node code authenticates against it and against login.microsoftonline.com.
import { randomUUID } from 'node:crypto';
import { listenHttps } from './https-server.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { GRAPH_RESOURCE } from '../graph/auth-config.ts';
import { silentLogger, type Logger } from '../log.ts';
import {
  checkUserAssertion,
  issueApiAccessToken,
  type ApiRegistration,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  generateSigningKey,
  issueAppToken,
  issueIdToken,
  issueUserToken,
  stableGuid,
  TEAMS_CLIENT_ID,
  type SigningKey,
  type TokenContext,
} from './identity-tokens.ts';
import { openIdConfiguration, type OpenIdConfiguration } from './openid-configuration.ts';
import { checkClientAssertion, registerCertificate } from './client-assertion.ts';
import { generateLocalhostCertificate, type TlsMaterial } from './tls.ts';

export { openIdConfiguration, type OpenIdConfiguration };

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/**
 * The Bot Connector's resource: a bot asks for `https://api.botframework.com/.default` with client credentials and
 * gets a token whose `aud` names it
 * (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
 */
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';
/** OpenID scopes msal adds to delegated requests; they ask for an id token, not for a resource. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface DevTenantApp {
  readonly clientId: string;
  readonly clientSecret: string;
  /** PEM certificates registered on the app (Certificates & secrets): a client assertion signed with one's key proves the app. */
  readonly certificates?: readonly string[];
  readonly displayName: string;
  /** Graph application permissions an admin granted: the `roles` of its app-only tokens. */
  readonly graphAppRoles: readonly string[];
  /** Graph delegated permissions consented for the tenant: what on-behalf-of may ask for (`scp`). */
  readonly graphDelegatedScopes: readonly string[];
  /** The service principal's object id (`oid` of app tokens); derived from the client id when absent. */
  readonly servicePrincipalId?: string;
}

export interface DevTenantUser {
  readonly oid: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly role: 'owner' | 'va';
}

export interface DevIdentityConfig {
  readonly tenantId: string;
  readonly apps: readonly DevTenantApp[];
  readonly users: readonly DevTenantUser[];
  /** The dev Graph's base URL; `<it>/.default` is accepted as a scope besides Graph's own. */
  readonly graphBaseUrl?: string;
  readonly tokenLifetimeSeconds?: number;
  /** Milliseconds since the epoch; tests pass a fake clock to age tokens. */
  readonly now?: () => number;
}

export interface DevIdentityOptions {
  readonly hostname?: string;
  readonly port?: number;
  /** Made at start when absent. */
  readonly tls?: TlsMaterial;
  /** Made at start when absent (a few hundred ms); tests starting many identities may share one. */
  readonly signingKey?: SigningKey;
  readonly logger?: Logger;
}

export interface DevAppAuthConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly clientCertificate?: { readonly thumbprintSha256: string; readonly privateKey: string };
  readonly authorityHost: string;
  readonly authorityMetadata: string;
  readonly trustedCaPem: string;
}

export interface DevIdentity {
  /** `https://127.0.0.1:<port>`: the authority host. */
  readonly origin: string;
  /** `<origin>/<tenantId>`: what msal takes as `authority`. */
  readonly authority: string;
  /** The PEM certificate a client must trust to talk to this server. */
  readonly ca: string;
  /** The discovery document, as served. */
  openIdConfiguration(): OpenIdConfiguration;
  /** What msal-node needs to sign `app` in here (Tandem's AppAuthConfig), discovery included so it asks no network. */
  /** With the app's secret, or with a certificate credential (msal-node's clientCertificate) instead. */
  appAuthConfig(app: { readonly clientId: string; readonly clientSecret: string } | { readonly clientId: string; readonly clientCertificate: { readonly thumbprintSha256: string; readonly privateKey: string } }): DevAppAuthConfig;
  /**
   * The access token a seeded user signed in to Teams holds for the API `api` (Teams' SSO token, scope
   * `access_as_user`), shaped as Entra issues it for that registration: a client id alone is a v2.0 registration
   * with the App ID URI `api://<client id>`. The input to on-behalf-of, and the standalone tab's sign-in.
   */
  userToken(userPrincipalName: string, api: string | ApiRegistration, scopes?: readonly string[]): Promise<string>;
  /** Requests seen: discovery (openid configuration and keys), token endpoint; tokens issued; refusals. */
  readonly stats: { discoveryRequests: number; tokenRequests: number; tokensIssued: number; failures: number };
  close(): Promise<void>;
}

type EntraError = 'invalid_request' | 'invalid_client' | 'unauthorized_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

const clientAuthSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().optional(),
  client_assertion_type: z.string().optional(),
  client_assertion: z.string().optional(),
});
const clientCredentialsSchema = clientAuthSchema.extend({ scope: z.string().min(1) });
const onBehalfOfSchema = clientAuthSchema.extend({
  scope: z.string().min(1),
  assertion: z.string().min(1),
  requested_token_use: z.literal('on_behalf_of'),
  client_info: z.string().optional(),
});

export function createIdentityApp(config: DevIdentityConfig, context: TokenContext & { origin: string }, stats: DevIdentity['stats'], logger: Logger) {
  const app = new Hono();
  const graphResources = [GRAPH_RESOURCE, ...(config.graphBaseUrl ? [config.graphBaseUrl.replace(/\/+$/, '')] : [])];

  /** Entra's error body: msal reads `error`, people read `error_description` with its AADSTS code. */
  function fail(c: Context, status: 400 | 401, error: EntraError, code: number, message: string) {
    stats.failures++;
    const now = new Date();
    const traceId = randomUUID();
    const correlationId = c.req.header('client-request-id') ?? randomUUID();
    const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
    logger.warn('devtenant.identity.refused', { error, code, reason: message, correlationId });
    return c.json(
      {
        error,
        error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
        error_codes: [code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `${context.origin}/error?code=${code}`,
      },
      status,
    );
  }

  const certificatesOf = new Map(config.apps.map((registered) => [registered.clientId, (registered.certificates ?? []).map(registerCertificate)]));

  /** The client's app registration, or why it may not get a token: by client secret, or by a certificate's client assertion. */
  async function authenticateClient(fields: z.infer<typeof clientAuthSchema>) {
    const registered = config.apps.find((candidate) => candidate.clientId === fields.client_id);
    if (!registered) return { refusal: { status: 400, error: 'unauthorized_client', code: 700016, message: `Application with identifier '${fields.client_id}' was not found in the directory '${config.tenantId}'.` } } as const;
    if (fields.client_assertion !== undefined) {
      const refusal = await checkClientAssertion(
        { clientId: registered.clientId, assertionType: fields.client_assertion_type, assertion: fields.client_assertion, tokenEndpoint: openIdConfiguration(context.origin, config.tenantId).token_endpoint, nowSeconds: context.nowSeconds() },
        certificatesOf.get(registered.clientId) ?? [],
      );
      return refusal === null ? { registered, clientAuth: 'certificate' as const, refusal: undefined } : { refusal };
    }
    if (fields.client_secret === undefined) return { refusal: { status: 401, error: 'invalid_client', code: 7000218, message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'." } } as const;
    if (fields.client_secret !== registered.clientSecret) {
      return { refusal: { status: 401, error: 'invalid_client', code: 7000215, message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${registered.clientId}'.` } } as const;
    }
    return { registered, clientAuth: 'secret' as const, refusal: undefined };
  }

  /** The Graph resource a scope names (`<resource>/<permission>`), or undefined for another resource. */
  const resourceOf = (scope: string) => graphResources.find((resource) => scope.startsWith(`${resource}/`));
  /** Client credentials may also ask for the Bot Connector; its tokens carry no Graph roles. */
  const appResourceOf = (scope: string) => resourceOf(scope) ?? (scope.startsWith(`${BOT_FRAMEWORK_RESOURCE}/`) ? BOT_FRAMEWORK_RESOURCE : undefined);

  app.use('/:tenant/*', async (c, next) => {
    if (c.req.param('tenant') !== config.tenantId) {
      return c.json({ error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${c.req.param('tenant')}' not found.`, error_codes: [90002] }, 400);
    }
    await next();
  });

  app.get('/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    stats.discoveryRequests++;
    return c.json(openIdConfiguration(context.origin, config.tenantId));
  });
  app.get('/:tenant/discovery/v2.0/keys', (c) => {
    stats.discoveryRequests++;
    return c.json({ keys: [{ ...context.key.jwk, issuer: context.issuer }] });
  });

  app.post('/:tenant/oauth2/v2.0/token', async (c) => {
    stats.tokenRequests++;
    const form = Object.fromEntries(Object.entries(await c.req.parseBody()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const grantType = form['grant_type'];

    if (grantType === 'client_credentials') {
      const parsed = clientCredentialsSchema.safeParse(form);
      if (!parsed.success) return fail(c, 400, 'invalid_request', 900144, `The request body must contain the following parameter: '${String(parsed.error.issues[0]?.path[0])}'.`);
      const client = await authenticateClient(parsed.data);
      if (client.refusal) return fail(c, client.refusal.status, client.refusal.error, client.refusal.code, client.refusal.message);
      const scope = parsed.data.scope.trim();
      const resource = appResourceOf(scope);
      if (!resource || scope !== `${resource}/.default`) {
        return fail(c, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
      }
      const { registered } = client;
      const issued = await issueAppToken(context, {
        audience: resource,
        clientId: registered.clientId,
        appDisplayName: registered.displayName,
        servicePrincipalId: registered.servicePrincipalId ?? stableGuid(`sp/${registered.clientId}`),
        roles: resource === BOT_FRAMEWORK_RESOURCE ? [] : registered.graphAppRoles,
        clientAuth: client.clientAuth,
      });
      stats.tokensIssued++;
      return c.json({ token_type: 'Bearer', expires_in: issued.expiresIn, ext_expires_in: issued.expiresIn, access_token: issued.token });
    }

    if (grantType === JWT_BEARER) {
      const parsed = onBehalfOfSchema.safeParse(form);
      if (!parsed.success) return fail(c, 400, 'invalid_request', 900144, `The request body must contain the following parameter: '${String(parsed.error.issues[0]?.path[0])}'.`);
      const client = await authenticateClient(parsed.data);
      if (client.refusal) return fail(c, client.refusal.status, client.refusal.error, client.refusal.code, client.refusal.message);
      const { registered } = client;
      const assertion = await checkUserAssertion(context, parsed.data.assertion, registered.clientId);
      if (!assertion.ok) return fail(c, 400, 'invalid_grant', assertion.code, assertion.reason);
      const user = config.users.find((candidate) => candidate.oid === assertion.oid);
      if (!user) return fail(c, 400, 'invalid_grant', 50034, 'The user account does not exist in this directory.');

      const requested = parsed.data.scope.split(/\s+/).filter((scope) => scope !== '');
      const resourceScopes = requested.filter((scope) => !OIDC_SCOPES.has(scope));
      const resources = new Set(resourceScopes.map(resourceOf));
      const [resource] = resources;
      if (resources.size !== 1 || resource === undefined) {
        return fail(c, 400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${parsed.data.scope} is not valid.`);
      }
      const permissions = resourceScopes.map((scope) => scope.slice(resource.length + 1));
      const granted = permissions.includes('.default') ? [...registered.graphDelegatedScopes] : permissions;
      const missing = granted.filter((permission) => !registered.graphDelegatedScopes.includes(permission));
      if (missing.length > 0) {
        return fail(c, 400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${registered.clientId}' named '${registered.displayName}' for ${missing.join(', ')}.`);
      }
      const issued = await issueUserToken(context, { audience: resource, clientId: registered.clientId, user, scopes: granted });
      stats.tokensIssued++;
      const withIdToken = requested.includes('openid');
      return c.json({
        token_type: 'Bearer',
        scope: granted.map((permission) => `${resource}/${permission}`).join(' '),
        expires_in: issued.expiresIn,
        ext_expires_in: issued.expiresIn,
        access_token: issued.token,
        ...(withIdToken ? { id_token: (await issueIdToken(context, { clientId: registered.clientId, user })).token } : {}),
        ...(parsed.data.client_info === '1'
          ? { client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: config.tenantId })).toString('base64url') }
          : {}),
      });
    }

    return fail(c, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType ?? ''}'.`);
  });

  return app;
}

export async function startDevIdentity(config: DevIdentityConfig, options: DevIdentityOptions = {}): Promise<DevIdentity> {
  const tls = options.tls ?? (await generateLocalhostCertificate());
  const logger = options.logger ?? silentLogger;
  const key = options.signingKey ?? (await generateSigningKey());
  const stats = { discoveryRequests: 0, tokenRequests: 0, tokensIssued: 0, failures: 0 };
  const now = config.now ?? Date.now;
  const server = await listenHttps({ tls, name: 'dev identity', ...(options.hostname ? { hostname: options.hostname } : {}), ...(options.port !== undefined ? { port: options.port } : {}) });
  const origin = server.origin;
  const context = {
    origin,
    key,
    issuer: `${origin}/${config.tenantId}/v2.0`,
    tenantId: config.tenantId,
    lifetimeSeconds: config.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    nowSeconds: () => Math.floor(now() / 1000),
  };
  const app = createIdentityApp(config, context, stats, logger);
  server.serve((request, env) => app.fetch(request, env));
  logger.info('devtenant.identity.started', { authority: `${origin}/${config.tenantId}` });

  return {
    origin,
    authority: `${origin}/${config.tenantId}`,
    ca: tls.cert,
    openIdConfiguration: () => openIdConfiguration(origin, config.tenantId),
    appAuthConfig: (app) => ({
      tenantId: config.tenantId,
      ...app,
      authorityHost: origin,
      authorityMetadata: JSON.stringify(openIdConfiguration(origin, config.tenantId)),
      trustedCaPem: tls.cert,
    }),
    async userToken(userPrincipalName, api, scopes = ['access_as_user']) {
      const user = config.users.find((candidate) => candidate.userPrincipalName.toLowerCase() === userPrincipalName.toLowerCase());
      if (!user) throw new Error(`no seeded user ${userPrincipalName} in dev tenant ${config.tenantId}`);
      const registration: ApiRegistration = typeof api === 'string' ? { clientId: api, appIdUri: `api://${api}`, accessTokenVersion: 2 } : api;
      return (await issueApiAccessToken(context, { api: registration, clientId: TEAMS_CLIENT_ID, user, scopes })).token;
    },
    stats,
    close: () => server.close(),
  };
}
