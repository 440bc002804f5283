// A local stand-in for Microsoft Graph over HTTPS: the mailbox reads and writes Tandem makes, in Graph's
// shapes and errors, behind the dev identity's tokens and their roles, over a MailboxStore (or, for client
// tests that need no messages, fixed folder counts and settings), with seeded fault injection and counters
// tests can read (every request's path and query, faults by kind, most requests in flight per mailbox).
import type { IncomingMessage } from 'node:http';
import { listenHttps } from './https-server.ts';
import { Hono, type Context, type Next } from 'hono';
import { GRAPH_RESOURCE } from '../graph/auth-config.ts';
import { silentLogger, type Logger } from '../log.ts';
import type { ChatStore } from './chat-store.ts';
import { batchAdmission, registerBatchRoute } from './graph-batch.ts';
import { registerChatRoutes } from './graph-chats.ts';
import { DeltaStates, registerDeltaRoutes } from './graph-delta.ts';
import { registerDirectoryRoutes } from './graph-directory.ts';
import { registerDraftRoutes } from './graph-drafts.ts';
import { faultInjector, type FaultConfig, type FaultKind } from './graph-faults.ts';
import { registerFixedMailboxRoutes, type DevMailbox, type DevMailboxSettings, type DevMailFolder } from './graph-fixed-mailboxes.ts';
import { registerFolderRoutes } from './graph-folders.ts';
import { registerMessageRoutes } from './graph-messages.ts';
import { graphError, type GraphEnv } from './graph-response.ts';
import { registerSendMailRoute } from './graph-send-mail.ts';
import { DevSubscriptions, registerSubscriptionRoutes } from './graph-subscriptions.ts';
import { tokenChecker } from './graph-token-check.ts';
import { DevOutbox } from './mailbox-outbox.ts';
import type { MailboxStore } from './mailbox-store.ts';
import { registerTaskRoutes } from './graph-tasks.ts';
import type { TaskStore } from './task-store.ts';
import { generateLocalhostCertificate, type TlsMaterial } from './tls.ts';

export type { FaultConfig, FaultKind };
export type { DevMailbox, DevMailboxSettings, DevMailFolder };

export interface DevGraphConfig {
  /** The dev identity's discovery values and CA, to check tokens against. */
  readonly identity: { readonly issuer: string; readonly jwksUri: string; readonly ca: string };
  /** The tenant's mailboxes: every endpoint. */
  readonly store?: MailboxStore;
  /** Without a store: fixed folder counts and settings (`mailFolders/{name}` and `mailboxSettings` only). */
  readonly mailboxes?: readonly DevMailbox[];
  /** Teams chats the bot connector stand-in writes: `GET /chats/{id}/messages`. */
  readonly chats?: ChatStore;
  /** Planner plans and To Do lists (with a store): `GET /planner/plans/{id}/tasks`, `/users/{id}/todo/lists/{id}/tasks/delta`. */
  readonly tasks?: TaskStore;
  readonly faults?: FaultConfig;
  /** Extra CA the dev Graph trusts when it POSTs change notifications to an https endpoint. */
  readonly notificationCa?: string;
  /** Delay before each answer, so concurrent requests overlap (tests of the client's limits). */
  readonly latencyMs?: number;
  /** How long a sent mail takes to reach Sent Items (wall-clock ms; 0, at once, when absent). */
  readonly sentCopyDelayMs?: number;
  /**
   * Outlook's limit of concurrent requests per mailbox (4): past it, a 429 as Outlook answers. Off when absent.
   * Mailboxes are counted as addressed (an id and a userPrincipalName count apart).
   */
  readonly mailboxConcurrency?: number;
}

export interface DevGraphOptions {
  readonly hostname?: string;
  readonly port?: number;
  readonly tls?: TlsMaterial;
  readonly logger?: Logger;
}

export interface DevGraphStats {
  /** Requests per URL path (before auth and faults), e.g. `/v1.0/users/x/mailFolders/inbox`. */
  readonly requestsByPath: Map<string, number>;
  /** Every request in arrival order (batch inner requests too), with its decoded query string. */
  readonly requests: Array<{
    readonly method: string;
    readonly path: string;
    readonly query: string;
    /** Came over the wire (false: an inner request of a $batch). */
    readonly wire: boolean;
  }>;
  /** Injected faults by kind; `faults` is their total. */
  readonly faultsByKind: Map<FaultKind, number>;
  /** The most authenticated requests in flight at once, per mailbox (as addressed, lower-cased). */
  readonly maxInFlightByMailbox: Map<string, number>;
  faults: number;
  unauthorized: number;
  /** Requests refused for exceeding `mailboxConcurrency`. */
  concurrencyThrottled: number;
}

export interface DevGraph {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  /** `<origin>/v1.0`: what the Graph client takes as its base URL. */
  readonly baseUrl: string;
  /** The PEM certificate a client must trust. */
  readonly ca: string;
  readonly stats: DevGraphStats;
  /** Forgets every delta sync state, as Exchange's token cache may: the next deltaLink call gets 410. */
  expireDeltaTokens(): void;
  /** Change-notification subscriptions and what was sent (with a store only). */
  readonly subscriptions: DevSubscriptions | undefined;
  /** Mail sent through sendMail or a sent draft (with a store only). */
  readonly outbox: DevOutbox | undefined;
  close(): Promise<void>;
}

/**
 * Outlook's refusal past its concurrency limit. "Outlook service limits": 4 concurrent requests per app and
 * mailbox (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits).
 */
const MAILBOX_CONCURRENCY = { status: 429, code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.', headers: { 'Retry-After': '1' } } as const;

/** Requests in flight per mailbox (as addressed, lower-cased); past `limit`, `enter` refuses and counts it. */
export interface MailboxInFlight {
  enter(user: string): boolean;
  leave(user: string): void;
}

function mailboxInFlight(limit: number | undefined, stats: DevGraphStats): MailboxInFlight {
  const inFlight = new Map<string, number>();
  return {
    enter(user) {
      const now = (inFlight.get(user) ?? 0) + 1;
      stats.maxInFlightByMailbox.set(user, Math.max(stats.maxInFlightByMailbox.get(user) ?? 0, now));
      if (limit !== undefined && now > limit) {
        stats.concurrencyThrottled++;
        return false;
      }
      inFlight.set(user, now);
      return true;
    },
    leave(user) {
      inFlight.set(user, (inFlight.get(user) ?? 1) - 1);
    },
  };
}

/** The socket of the request, when it came over the wire (batch inner requests have none). */
function socketOf(env: unknown): IncomingMessage['socket'] | undefined {
  return typeof env === 'object' && env !== null && 'incoming' in env ? (env as { incoming: IncomingMessage }).incoming.socket : undefined;
}

export interface GraphAppState {
  readonly deltaStates: DeltaStates;
  readonly subscriptions: DevSubscriptions | undefined;
  readonly outbox: DevOutbox | undefined;
}

export function createGraphApp(config: DevGraphConfig, baseUrl: string, stats: DevGraphStats, logger: Logger, state: GraphAppState) {
  const app = new Hono<GraphEnv>();
  const checkToken = tokenChecker(
    { issuer: config.identity.issuer, jwksUri: config.identity.jwksUri, identityCa: config.identity.ca, audiences: [GRAPH_RESOURCE, baseUrl] },
    logger,
  );
  const nextFault = faultInjector(config.faults);
  const inFlight = mailboxInFlight(config.mailboxConcurrency, stats);

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    stats.requestsByPath.set(url.pathname, (stats.requestsByPath.get(url.pathname) ?? 0) + 1);
    const query = [...url.searchParams].map(([name, value]) => `${name}=${value}`).join('&');
    stats.requests.push({ method: c.req.method, path: url.pathname.replaceAll('%24', '$').replaceAll('%40', '@'), query, wire: socketOf(c.env) !== undefined });
    await next();
  });

  app.use('/v1.0/*', async (c, next) => {
    const check = await checkToken(c.req.header('authorization'));
    if (!check.ok) {
      stats.unauthorized++;
      return graphError(c, { status: 401, code: 'InvalidAuthenticationToken', message: check.message });
    }
    c.set('roles', check.claims.roles);
    c.set('appId', typeof check.claims['azp'] === 'string' ? check.claims['azp'] : String(check.claims['appid'] ?? ''));
    await next();
  });

  /** Latency and a drawn fault around a request that passed authentication (`next` runs the route). */
  const withFaults = async (c: Context<GraphEnv>, next: Next): Promise<Response | void> => {
    if (config.latencyMs) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
    const deltaToken = new URL(c.req.url).searchParams.get('$deltatoken');
    const fault = nextFault({ deltaLink: deltaToken !== null });
    if (fault) {
      stats.faults++;
      stats.faultsByKind.set(fault.kind, (stats.faultsByKind.get(fault.kind) ?? 0) + 1);
      logger.info('devtenant.graph.fault', { kind: fault.kind, path: new URL(c.req.url).pathname });
      const { answer } = fault;
      if (answer.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      else if (answer.kind === 'lost') {
        await next();
        const socket = socketOf(c.env);
        if (answer.as === 'drop' && socket) {
          socket.destroy();
          c.res = new Response(null, { status: 500 });
        } else {
          c.res = graphError(c, { status: 504, code: 'GatewayTimeout', message: 'The gateway did not receive a timely response from the upstream server.' });
        }
        return;
      } else if (answer.kind === 'drop') {
        const socket = socketOf(c.env);
        // Inside a batch there is no connection of its own to lose: the batch answers as a gateway would.
        if (!socket) return graphError(c, { status: 504, code: 'GatewayTimeout', message: 'The gateway did not receive a timely response from the upstream server.' });
        socket.destroy();
        return c.body(null, 500);
      } else {
        if (deltaToken !== null && answer.status === 410) state.deltaStates.expire(deltaToken);
        return graphError(c, { status: answer.status, code: answer.body.error.code, message: answer.body.error.message, headers: answer.headers });
      }
    }
    await next();
  };

  // Planner (a plan's tasks, a group's plans) is throttled like any Graph service; it has no mailbox to count in-flight requests for.
  app.use('/v1.0/planner/*', (c, next) => withFaults(c, next));
  app.use('/v1.0/groups/*', (c, next) => withFaults(c, next));

  // In-flight counting, latency and faults apply to mailbox requests that passed authentication. An inner
  // request of a $batch was counted when its batch arrived (graph-batch.ts), so it is not counted again.
  app.use('/v1.0/users/:user/*', async (c, next) => {
    const user = c.req.param('user').toLowerCase();
    const batched = batchAdmission(c.env);
    const admitted = batched ?? inFlight.enter(user);
    try {
      if (!admitted) return graphError(c, MAILBOX_CONCURRENCY);
      return await withFaults(c, next);
    } finally {
      if (batched === undefined && admitted) inFlight.leave(user);
    }
  });

  if (config.store) {
    registerFolderRoutes(app, config.store, baseUrl);
    registerDeltaRoutes(app, config.store, baseUrl, state.deltaStates);
    registerMessageRoutes(app, config.store, baseUrl);
    if (state.outbox) {
      registerSendMailRoute(app, config.store, state.outbox);
      registerDraftRoutes(app, config.store, state.outbox, baseUrl);
    }
    registerDirectoryRoutes(app, config.store, baseUrl);
    if (state.subscriptions) registerSubscriptionRoutes(app, config.store, baseUrl, state.subscriptions);
    if (config.tasks) registerTaskRoutes(app, config.tasks, config.store, baseUrl);
  } else {
    registerFixedMailboxRoutes(app, config.mailboxes ?? [], baseUrl);
  }
  if (config.chats) registerChatRoutes(app, config.chats, baseUrl);
  registerBatchRoute(app, baseUrl, inFlight);

  // A bug in the stand-in answers as Graph does when it fails, and is logged with the request it broke.
  app.onError((error, c) => {
    logger.error('devtenant.graph.failed', { path: new URL(c.req.url).pathname, error: error instanceof Error ? error.stack : String(error) });
    return graphError(c, { status: 500, code: 'generalException', message: 'General Exception while processing' });
  });
  app.notFound((c) => graphError(c, { status: 400, code: 'BadRequest', message: `Resource not found for the segment '${new URL(c.req.url).pathname.split('/').pop() ?? ''}'.` }));

  return app;
}

export async function startDevGraph(config: DevGraphConfig, options: DevGraphOptions = {}): Promise<DevGraph> {
  const tls = options.tls ?? (await generateLocalhostCertificate());
  const logger = options.logger ?? silentLogger;
  const stats: DevGraphStats = { requestsByPath: new Map(), requests: [], faultsByKind: new Map(), maxInFlightByMailbox: new Map(), faults: 0, unauthorized: 0, concurrencyThrottled: 0 };
  const state: GraphAppState = {
    deltaStates: new DeltaStates(),
    subscriptions: config.store ? new DevSubscriptions(config.store, logger, config.notificationCa) : undefined,
    outbox: config.store ? new DevOutbox(config.store, config.sentCopyDelayMs) : undefined,
  };
  const server = await listenHttps({ tls, name: 'dev Graph', ...(options.hostname ? { hostname: options.hostname } : {}), ...(options.port !== undefined ? { port: options.port } : {}) });
  const origin = server.origin;
  const baseUrl = `${origin}/v1.0`;
  const app = createGraphApp(config, baseUrl, stats, logger, state);
  server.serve((request, env) => app.fetch(request, env));
  logger.info('devtenant.graph.started', { baseUrl });

  return {
    origin,
    baseUrl,
    ca: tls.cert,
    stats,
    expireDeltaTokens: () => state.deltaStates.expire(),
    subscriptions: state.subscriptions,
    outbox: state.outbox,
    close: async () => {
      await state.subscriptions?.close();
      await server.close();
    },
  };
}
