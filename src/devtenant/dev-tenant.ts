// The whole dev tenant in one call: the identity (Entra's endpoints) and the Graph stand-in over one
// throw-away TLS certificate, a MailboxStore built from a seed and driven by a simulated clock, and an app
// registration whose tokens carry the roles a test asks for — what a Tandem client needs to point at it.
import type { AppAuthConfigInput } from '../graph/auth-config.ts';
import { silentLogger, type Logger } from '../log.ts';
import { startDevGraph, type DevGraphStats, type FaultConfig } from './graph-api.ts';
import { ChatStore } from './chat-store.ts';
import type { DevSubscriptions } from './graph-subscriptions.ts';
import type { DevOutbox } from './mailbox-outbox.ts';
import { stableGuid, type SigningKey } from './identity-tokens.ts';
import { startDevIdentity, type DevIdentity, type OpenIdConfiguration } from './identity.ts';
import { MailboxStore, type ExchangeBehaviour } from './mailbox-store.ts';
import { TaskStore } from './task-store.ts';
import type { TenantSeed } from './tenant-seed.ts';
import { generateLocalhostCertificate, type TlsMaterial } from './tls.ts';

/**
 * Application permissions Tandem asks for, by mode: `basic` reads message metadata only (never a body,
 * preview or header), `headers` (Mail.Read) may read internet headers to recognise automatic mail.
 */
export const TANDEM_APP_ROLES = {
  basic: ['Mail.ReadBasic.All', 'MailboxSettings.Read', 'Organization.Read.All', 'Mail.Send', 'User.Read.All', 'Tasks.Read.All'],
  headers: ['Mail.Read', 'MailboxSettings.Read', 'Organization.Read.All', 'Mail.Send', 'User.Read.All', 'Tasks.Read.All'],
} as const;

/**
 * Creating the summary mail's draft needs Mail.ReadWrite (https://learn.microsoft.com/graph/api/user-post-messages);
 * added to a mode's roles where a test sends the summary through Graph. Kept out of the modes themselves, since
 * under it Graph serves bodies too, and `basic` is tested as the mode that cannot read them.
 */
export const DRAFT_ROLE = 'Mail.ReadWrite';

export interface DevTenantOptions {
  readonly seed: TenantSeed;
  /** The roles granted to the app: a mode's set (default `basic`), or an explicit list (e.g. one lacking consent). */
  readonly roles?: keyof typeof TANDEM_APP_ROLES | readonly string[];
  readonly faults?: FaultConfig;
  /** Delay before each mailbox answer, so concurrent requests overlap. */
  readonly latencyMs?: number;
  /** How long a sent mail takes to reach Sent Items (wall-clock ms; at once when absent). */
  readonly sentCopyDelayMs?: number;
  /** Undocumented Exchange behaviours to take the other way (docs/dev-tenant.md). */
  readonly exchange?: ExchangeBehaviour;
  /** Enforce Outlook's concurrent requests per mailbox (429 past it); off when absent. */
  readonly mailboxConcurrency?: number;
  readonly logger?: Logger;
  /** A certificate to serve with (tests starting many tenants reuse one: generating it takes a few hundred ms). */
  readonly tls?: TlsMaterial;
  /** The identity's token signing key, likewise reusable (`generateSigningKey()`). */
  readonly signingKey?: SigningKey;
}

export interface DevTenant {
  readonly tenantId: string;
  /** `https://127.0.0.1:<port>`: msal's authority host. */
  readonly authorityHost: string;
  /** `<authorityHost>/<tenantId>`. */
  readonly authority: string;
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly openIdConfiguration: OpenIdConfiguration;
  /** `https://127.0.0.1:<port>/v1.0`. */
  readonly graphBaseUrl: string;
  /** The PEM certificate both servers present; trust it for them only. */
  readonly ca: string;
  readonly app: { readonly clientId: string; readonly clientSecret: string; readonly displayName: string; readonly roles: readonly string[] };
  /** Tandem's app authentication settings for this tenant, as `createAppAuth` takes them. */
  readonly authConfig: AppAuthConfigInput;
  /** The simulated clock: timeline events apply as it advances. */
  readonly clock: { now(): number; advanceTo(ms: number): void };
  readonly store: MailboxStore;
  /** The Planner plans and To Do lists, as the seed's task timeline has reached. */
  readonly tasks: TaskStore;
  readonly graphStats: DevGraphStats;
  /** For tokens a seeded user would hold (Teams SSO), and the identity's counters. */
  readonly identity: DevIdentity;
  expireDeltaTokens(): void;
  /** Change-notification subscriptions and the notifications sent. */
  readonly subscriptions: DevSubscriptions;
  /** Mail sent through sendMail or a sent draft (`outbox.sent`; `outbox.settled()` waits for copies on their way). */
  readonly outbox: DevOutbox;
  /** The tenant's Teams chats, as the dev Graph lists them (`/chats/{id}/messages`). */
  readonly chats: ChatStore;
  close(): Promise<void>;
}

export async function startDevTenant(options: DevTenantOptions): Promise<DevTenant> {
  const { seed } = options;
  const logger = options.logger ?? silentLogger;
  const roles = typeof options.roles === 'string' || options.roles === undefined ? TANDEM_APP_ROLES[options.roles ?? 'basic'] : options.roles;
  const app = { clientId: stableGuid(`tandem-dev-app/${seed.tenantId}`), clientSecret: `dev~${stableGuid(`secret/${seed.tenantId}`)}`, displayName: 'Tandem (dev tenant)', roles: [...roles] };
  const tls = options.tls ?? (await generateLocalhostCertificate());
  const store = new MailboxStore(seed, options.exchange);
  const tasks = new TaskStore(seed.tasks, seed.start);
  const vaUserId = seed.groundTruth.pairing.vaUserId;
  const identity = await startDevIdentity(
    {
      tenantId: seed.tenantId,
      apps: [{ clientId: app.clientId, clientSecret: app.clientSecret, displayName: app.displayName, graphAppRoles: app.roles, graphDelegatedScopes: ['User.Read'] }],
      users: seed.users.map((user) => ({ oid: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName, role: user.id === vaUserId ? 'va' : 'owner' })),
    },
    { tls, logger, ...(options.signingKey ? { signingKey: options.signingKey } : {}) },
  );
  const openId = identity.openIdConfiguration();
  const chats = new ChatStore();
  const graph = await startDevGraph(
    {
      identity: { issuer: openId.issuer, jwksUri: openId.jwks_uri, ca: identity.ca },
      store,
      chats,
      tasks,
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
      ...(options.sentCopyDelayMs ? { sentCopyDelayMs: options.sentCopyDelayMs } : {}),
      ...(options.mailboxConcurrency !== undefined ? { mailboxConcurrency: options.mailboxConcurrency } : {}),
    },
    { tls, logger },
  );
  const { subscriptions, outbox } = graph;
  if (!subscriptions || !outbox) throw new Error('the dev Graph keeps subscriptions and an outbox whenever it has a store');
  return {
    tenantId: seed.tenantId,
    authorityHost: identity.origin,
    authority: identity.authority,
    issuer: openId.issuer,
    tokenEndpoint: openId.token_endpoint,
    openIdConfiguration: openId,
    graphBaseUrl: graph.baseUrl,
    ca: tls.cert,
    app,
    authConfig: identity.appAuthConfig(app),
    clock: {
      now: () => store.now(),
      advanceTo: (ms) => {
        store.advanceTo(ms);
        tasks.advanceTo(ms);
      },
    },
    store,
    tasks,
    graphStats: graph.stats,
    identity,
    expireDeltaTokens: () => graph.expireDeltaTokens(),
    subscriptions,
    outbox,
    chats,
    close: async () => {
      await graph.close();
      await identity.close();
    },
  };
}
