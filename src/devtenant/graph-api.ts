// A minimal local stand-in for Microsoft Graph over HTTPS: the mailbox reads Tandem's sync makes, in
// Graph's shapes and errors, behind the dev identity's tokens, with seeded fault injection (429/503/504)
// and counters tests can read (requests per path, most requests in flight per mailbox).
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { GRAPH_RESOURCE } from '../graph/auth-config.ts';
import { silentLogger, type Logger } from '../log.ts';
import { faultInjector, type FaultConfig } from './graph-faults.ts';
import { tokenChecker } from './graph-token-check.ts';
import { generateLocalhostCertificate, type TlsMaterial } from './tls.ts';

export type { FaultConfig };

/** Application permissions that allow each read (any one of them). */
const INBOX_ROLES = ['Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'];
const SETTINGS_ROLES = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'];

export interface DevMailFolder {
  readonly id: string;
  readonly displayName: string;
  readonly parentFolderId?: string;
  readonly totalItemCount: number;
  readonly unreadItemCount: number;
  readonly childFolderCount: number;
}

export interface DevMailboxSettings {
  readonly timeZone: string;
  readonly workingHours: {
    readonly daysOfWeek: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
    readonly timeZone: { readonly name: string };
  };
  readonly automaticRepliesSetting: {
    readonly status: 'disabled' | 'alwaysEnabled' | 'scheduled';
    readonly externalAudience: 'none' | 'contactsOnly' | 'all';
    readonly internalReplyMessage: string;
    readonly externalReplyMessage: string;
    readonly scheduledStartDateTime: { readonly dateTime: string; readonly timeZone: string };
    readonly scheduledEndDateTime: { readonly dateTime: string; readonly timeZone: string };
  };
}

export interface DevMailbox {
  /** The user's object id; requests may address it by id or by userPrincipalName. */
  readonly id: string;
  readonly userPrincipalName: string;
  /** Folders by well-known name (`inbox`, `sentitems`, …). */
  readonly folders: Readonly<Record<string, DevMailFolder>>;
  readonly settings: DevMailboxSettings;
}

export interface DevGraphConfig {
  /** The dev identity's discovery values and CA, to check tokens against. */
  readonly identity: { readonly issuer: string; readonly jwksUri: string; readonly ca: string };
  readonly mailboxes: readonly DevMailbox[];
  readonly faults?: FaultConfig;
  /** Delay before each answer, so concurrent requests overlap (tests of the client's limits). */
  readonly latencyMs?: number;
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
  /** The most authenticated requests in flight at once, per mailbox (as addressed, lower-cased). */
  readonly maxInFlightByMailbox: Map<string, number>;
  faults: number;
  unauthorized: number;
}

export interface DevGraph {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  /** `<origin>/v1.0`: what the Graph client takes as its base URL. */
  readonly baseUrl: string;
  /** The PEM certificate a client must trust. */
  readonly ca: string;
  readonly stats: DevGraphStats;
  close(): Promise<void>;
}

/** Graph's error body, with the innerError Graph adds to every error. */
function graphError(c: Context, status: 400 | 401 | 403 | 404 | 429 | 503 | 504, code: string, message: string, headers: Record<string, string> = {}) {
  const requestId = randomUUID();
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header('request-id', requestId);
  return c.json(
    {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': c.req.header('client-request-id') ?? requestId },
      },
    },
    status,
  );
}

export function createGraphApp(config: DevGraphConfig, baseUrl: string, stats: DevGraphStats, logger: Logger) {
  const app = new Hono<{ Variables: { roles: string[] } }>();
  const checkToken = tokenChecker(
    { issuer: config.identity.issuer, jwksUri: config.identity.jwksUri, identityCa: config.identity.ca, audiences: [GRAPH_RESOURCE, baseUrl] },
    logger,
  );
  const nextFault = faultInjector(config.faults);
  const inFlight = new Map<string, number>();
  const findMailbox = (idOrUpn: string) => {
    const key = idOrUpn.toLowerCase();
    return config.mailboxes.find((mailbox) => mailbox.id.toLowerCase() === key || mailbox.userPrincipalName.toLowerCase() === key);
  };

  app.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    stats.requestsByPath.set(path, (stats.requestsByPath.get(path) ?? 0) + 1);
    await next();
  });

  app.use('/v1.0/*', async (c, next) => {
    const check = await checkToken(c.req.header('authorization'));
    if (!check.ok) {
      stats.unauthorized++;
      return graphError(c, 401, 'InvalidAuthenticationToken', check.message);
    }
    c.set('roles', check.claims.roles);
    await next();
  });

  // In-flight counting, latency and faults apply to mailbox requests that passed authentication.
  app.use('/v1.0/users/:user/*', async (c, next) => {
    const user = c.req.param('user').toLowerCase();
    const now = (inFlight.get(user) ?? 0) + 1;
    inFlight.set(user, now);
    stats.maxInFlightByMailbox.set(user, Math.max(stats.maxInFlightByMailbox.get(user) ?? 0, now));
    try {
      if (config.latencyMs) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
      const fault = nextFault();
      if (fault) {
        stats.faults++;
        logger.info('devtenant.graph.fault', { status: fault.status, path: new URL(c.req.url).pathname });
        return graphError(c, fault.status, fault.body.error.code, fault.body.error.message, fault.headers);
      }
      await next();
    } finally {
      inFlight.set(user, (inFlight.get(user) ?? 1) - 1);
    }
  });

  const authorise = (c: Context<{ Variables: { roles: string[] } }>, allowed: readonly string[]) =>
    c.get('roles').some((role) => allowed.includes(role)) ? undefined : graphError(c, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

  app.get('/v1.0/users/:user/mailFolders/:folder', (c) => {
    const refused = authorise(c, INBOX_ROLES);
    if (refused) return refused;
    const mailbox = findMailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, 404, 'ResourceNotFound', 'Resource could not be discovered.');
    const folder = mailbox.folders[c.req.param('folder').toLowerCase()] ?? Object.values(mailbox.folders).find((candidate) => candidate.id === c.req.param('folder'));
    if (!folder) return graphError(c, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/mailFolders/$entity`,
      id: folder.id,
      displayName: folder.displayName,
      parentFolderId: folder.parentFolderId ?? `${mailbox.id}-msgfolderroot`,
      childFolderCount: folder.childFolderCount,
      unreadItemCount: folder.unreadItemCount,
      totalItemCount: folder.totalItemCount,
      sizeInBytes: folder.totalItemCount * 24_576,
      isHidden: false,
    });
  });

  app.get('/v1.0/users/:user/mailboxSettings', (c) => {
    const refused = authorise(c, SETTINGS_ROLES);
    if (refused) return refused;
    const mailbox = findMailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, 404, 'ResourceNotFound', 'Resource could not be discovered.');
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/mailboxSettings`,
      archiveFolder: `${mailbox.id}-archive`,
      timeZone: mailbox.settings.timeZone,
      automaticRepliesSetting: mailbox.settings.automaticRepliesSetting,
      language: { locale: 'en-US', displayName: 'English (United States)' },
      workingHours: mailbox.settings.workingHours,
      dateFormat: 'M/d/yyyy',
      timeFormat: 'h:mm tt',
      delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
      userPurpose: 'user',
    });
  });

  app.notFound((c) => graphError(c, 400, 'BadRequest', `Resource not found for the segment '${new URL(c.req.url).pathname.split('/').pop() ?? ''}'.`));

  return app;
}

export async function startDevGraph(config: DevGraphConfig, options: DevGraphOptions = {}): Promise<DevGraph> {
  const tls = options.tls ?? (await generateLocalhostCertificate());
  const logger = options.logger ?? silentLogger;
  const stats: DevGraphStats = { requestsByPath: new Map(), maxInFlightByMailbox: new Map(), faults: 0, unauthorized: 0 };
  // The base URL is known only once the port is bound, so requests reach the app through this slot.
  let app: ReturnType<typeof createGraphApp> | undefined;
  const server = createAdaptorServer({
    fetch: (request, env) => (app ? app.fetch(request, env) : new Response('starting', { status: 503 })),
    createServer: https.createServer,
    serverOptions: { key: tls.key, cert: tls.cert },
  });
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('dev Graph did not bind a TCP port');
  const origin = `https://${hostname.includes(':') ? `[${hostname}]` : hostname}:${address.port}`;
  const baseUrl = `${origin}/v1.0`;
  app = createGraphApp(config, baseUrl, stats, logger);
  logger.info('devtenant.graph.started', { baseUrl });

  return {
    origin,
    baseUrl,
    ca: tls.cert,
    stats,
    close: () =>
      new Promise((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
