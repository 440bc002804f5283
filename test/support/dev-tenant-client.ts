// Plain HTTPS calls to a running dev tenant with the app's token from msal, for tests that look at raw
// status codes, headers and bodies (what the Graph SDK would hide); and TLS and key material to share.
import { fetch as undiciFetch, type Response } from 'undici';
import { createAppAuth } from '../../src/graph/auth.ts';
import { graphAgent } from '../../src/graph/https-fetch-handler.ts';
import type { DevTenant } from '../../src/devtenant/dev-tenant.ts';
import { generateSigningKey, type SigningKey } from '../../src/devtenant/identity-tokens.ts';
import { generateLocalhostCertificate, type TlsMaterial } from '../../src/devtenant/tls.ts';

let material: Promise<{ tls: TlsMaterial; signingKey: SigningKey }> | undefined;
/** One certificate and signing key for every dev tenant a test file starts (each costs a few hundred ms). */
/** Retry settings for Graph clients in tests: no real waiting, no jitter. */
export const noWait = { sleep: async () => {}, random: () => 0.5 };

export function devTenantMaterial(): Promise<{ tls: TlsMaterial; signingKey: SigningKey }> {
  material ??= Promise.all([generateLocalhostCertificate(), generateSigningKey()]).then(([tls, signingKey]) => ({ tls, signingKey }));
  return material;
}

export interface DevTenantCaller {
  /** A path under the Graph base URL (`/users/x/messages`) or an absolute link (a nextLink). */
  get(pathOrUrl: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(path: string, body: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
  /** Without a token. */
  bare(pathOrUrl: string): Promise<Response>;
  close(): Promise<void>;
}

export function devTenantCaller(tenant: DevTenant): DevTenantCaller {
  const auth = createAppAuth(tenant.authConfig);
  const agent = graphAgent(tenant.ca);
  const url = (pathOrUrl: string) => (pathOrUrl.startsWith('https://') ? pathOrUrl : `${tenant.graphBaseUrl}${pathOrUrl}`);
  const authorization = async () => `Bearer ${(await auth.appToken()).accessToken}`;
  const send = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    undiciFetch(url(path), { method, dispatcher: agent, headers: { 'content-type': 'application/json', ...headers, authorization: await authorization() }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    get: async (pathOrUrl, headers = {}) => undiciFetch(url(pathOrUrl), { dispatcher: agent, headers: { ...headers, authorization: await authorization() } }),
    post: async (path, body, headers = {}) => send('POST', path, body, headers),
    patch: async (path, body) => send('PATCH', path, body),
    delete: async (path) => undiciFetch(url(path), { method: 'DELETE', dispatcher: agent, headers: { authorization: await authorization() } }),
    bare: (pathOrUrl) => undiciFetch(url(pathOrUrl), { dispatcher: agent }),
    close: () => agent.close(),
  };
}
