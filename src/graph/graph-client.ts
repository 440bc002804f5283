// Tandem's Microsoft Graph client: the SDK's Client with our own chain — app token → throttling retries
// (logged) → per-mailbox request budget → per-mailbox concurrency → HTTPS with this client's own trust —
// pointed at Graph or at the dev tenant's stand-in by config.
import { AuthenticationHandler, Client, GraphError, type AuthenticationProvider, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { silentLogger, type Logger } from '../log.ts';
import type { AppAuth } from './auth.ts';
import { CallState } from './call-state.ts';
import { graphAgent, HttpsFetchHandler } from './https-fetch-handler.ts';
import { MailboxBudget, MailboxConcurrency, OUTLOOK_MAX_CONCURRENT_PER_MAILBOX, OUTLOOK_REQUESTS_PER_WINDOW, OUTLOOK_WINDOW_MS } from './mailbox-limits.ts';
import { NotRepeatable, ThrottleRetry } from './throttle-retry.ts';

export { GraphError };
export { GraphBudgetExceededError } from './graph-errors.ts';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** Hosts the SDK's AuthenticationHandler already sends tokens to. */
const SDK_GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'graph.microsoft.de', 'microsoftgraph.chinacloudapi.cn', 'canary.graph.microsoft.com']);

export interface GraphClientOptions {
  /** Where tokens come from: the app's client-credentials token. */
  readonly auth: Pick<AppAuth, 'appToken'>;
  /** Graph's versioned root, `https://graph.microsoft.com/v1.0`, or the dev tenant's `https://127.0.0.1:<port>/v1.0`. */
  readonly baseUrl?: string;
  /** PEM certificate(s) trusted for this client's Graph calls only (the dev tenant's CA). */
  readonly trustedCaPem?: string;
  readonly logger?: Logger;
  readonly retry?: {
    readonly maxRetries?: number;
    readonly baseDelayMs?: number;
    readonly maxDelayMs?: number;
    /** For tests: waits that need not really wait, a seeded random. */
    readonly sleep?: (ms: number) => Promise<void>;
    readonly random?: () => number;
  };
  /** Requests in flight per mailbox; Outlook allows 4. */
  readonly maxConcurrentPerMailbox?: number;
  /** Requests per mailbox per window (retries count: Graph counts them too); Outlook allows 10,000 per 10 minutes. */
  readonly budget?: { readonly limit: number; readonly windowMs?: number };
  readonly now?: () => number;
}

export interface RequestOptions {
  /** Extra request headers, e.g. `Prefer`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The request must not reach Graph twice: retried after a 429 only (see NotRepeatable). */
  readonly notRepeatable?: boolean;
}

export interface GraphClient {
  /** The SDK client with Tandem's chain; prefer `get`, which keeps Tandem's own errors typed. */
  readonly sdk: Client;
  /**
   * GETs a path under the base URL (`/users/{id}/mailFolders/inbox`). Graph's errors throw the SDK's
   * GraphError (statusCode, code); refusals of this client throw their own type (GraphBudgetExceededError).
   * The result is unparsed JSON: callers zod-parse it.
   */
  get(path: string, options?: RequestOptions): Promise<unknown>;
  /** POSTs a JSON body; resolves to the parsed answer (for Graph's bodiless 202, the SDK's empty stream: ignore it). */
  post(path: string, body: unknown, options?: RequestOptions): Promise<unknown>;
  /** PATCHes a JSON body; resolves to the parsed answer. */
  patch(path: string, body: unknown, options?: RequestOptions): Promise<unknown>;
  /** Requests counted against a mailbox's budget in the current window. */
  budgetUsed(mailbox: string): number;
  /** Frees the HTTPS connections. */
  close(): Promise<void>;
}

/** Splits `https://host/v1.0` into the SDK's baseUrl and version. */
function splitBaseUrl(baseUrl: string): { origin: string; version: string; hostname: string } {
  const url = new URL(baseUrl.replace(/\/+$/, ''));
  if (url.protocol !== 'https:') throw new TypeError(`Graph base URL must be https, got ${url.origin}`);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const version = segments.pop();
  if (!version) throw new TypeError(`Graph base URL must end in a version segment such as /v1.0, got ${baseUrl}`);
  return { origin: `${url.origin}${segments.map((segment) => `/${segment}`).join('')}`, version, hostname: url.hostname };
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const appAuth = options.auth;
  const logger = options.logger ?? silentLogger;
  const { origin, version, hostname } = splitBaseUrl(options.baseUrl ?? GRAPH_BASE_URL);
  const authProvider: AuthenticationProvider = { getAccessToken: async () => (await options.auth.appToken()).accessToken };
  const budget = new MailboxBudget(options.budget?.limit ?? OUTLOOK_REQUESTS_PER_WINDOW, options.budget?.windowMs ?? OUTLOOK_WINDOW_MS, options.now);
  const agent = graphAgent(options.trustedCaPem);
  const middleware = [
    // Outermost: one token per call, kept across its retries (tokens outlive the longest wait).
    new AuthenticationHandler(authProvider),
    new ThrottleRetry({ ...options.retry, logger, ...(options.now ? { now: options.now } : {}) }),
    budget,
    new MailboxConcurrency(options.maxConcurrentPerMailbox ?? OUTLOOK_MAX_CONCURRENT_PER_MAILBOX),
    new HttpsFetchHandler(agent),
  ];
  const sdk = Client.initWithMiddleware({
    middleware,
    baseUrl: origin,
    defaultVersion: version,
    // The AuthenticationHandler sends the token only to Graph's hosts and these (hostnames, no port).
    ...(SDK_GRAPH_HOSTS.has(hostname) ? {} : { customHosts: new Set([hostname]) }),
  });

  /** Runs one SDK call with a CallState, so our middleware's typed errors survive the SDK's wrapping. */
  const call = async (path: string, options: RequestOptions | undefined, send: (request: GraphRequest) => Promise<unknown>) => {
    const state = new CallState();
    // Fetched here first (msal caches it, so the SDK's own fetch is free) so a refused credential
    // surfaces as msal's typed error instead of the SDK's untyped wrapper.
    await appAuth.appToken();
    try {
      const middlewareOptions = options?.notRepeatable ? [state, new NotRepeatable()] : [state];
      return (await send(sdk.api(path).middlewareOptions(middlewareOptions).headers({ ...options?.headers }))) as unknown;
    } catch (error) {
      throw state.error ?? error;
    }
  };

  return {
    sdk,
    get: (path, options) => call(path, options, (request) => request.get()),
    post: (path, body, options) => call(path, options, (request) => request.post(body)),
    patch: (path, body, options) => call(path, options, (request) => request.patch(body)),
    budgetUsed: (mailbox) => budget.used(mailbox),
    close: () => agent.close(),
  };
}
