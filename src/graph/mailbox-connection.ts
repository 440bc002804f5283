// Where mailbox metadata comes from for this configuration: the tenant's Graph through the app registration,
// or — with no tenant configured — the local dev tenant, started here and reached through the same Graph
// client (its own mailboxes), next to mail imported with `tandem import` (every other mailbox).
import type { Config } from '../config.ts';
import { importedMailboxSource, routedMailboxSource } from '../devtenant/local-ports.ts';
import { ensureSeedPairing, startLocalTenant, type LocalTenant } from '../devtenant/local-tenant.ts';
import type { Clock, MailboxDefaults, MailboxSource } from '../jobs/ports.ts';
import type { Logger } from '../log.ts';
import type { Queryable } from '../store/database.ts';
import { connectGraph } from './connect.ts';
import type { GraphClient } from './graph-client.ts';
import { mailboxDefaultsOf, readMailboxSettings } from './mailbox-reads.ts';

export interface MailboxConnection {
  readonly mailbox: MailboxSource;
  /** The tenant's Graph client (null with the dev tenant, whose mail stays local). */
  readonly graph: GraphClient | null;
  /** The local dev tenant, when one was started. */
  readonly local: LocalTenant | null;
  /** Lines for the start-up banner. */
  readonly notes: readonly string[];
  /** The mailbox's own time zone, working hours and language (set-up defaults), or null when unreadable. */
  mailboxDefaults(address: string): Promise<MailboxDefaults | null>;
  close(): Promise<void>;
}

/** Reads set-up defaults through `graph`; a mailbox that cannot be read simply offers none. */
function defaultsReader(graph: GraphClient, logger: Logger) {
  return async (address: string): Promise<MailboxDefaults | null> => {
    try {
      return mailboxDefaultsOf(await readMailboxSettings(graph, address));
    } catch (error) {
      logger.info('mailbox_defaults_unreadable', { address, reason: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };
}

export async function openMailboxConnection(config: Config, deps: { db: Queryable; clock: Clock; logger: Logger }): Promise<MailboxConnection> {
  const common = { mode: config.graphMode, backfillDays: config.backfillDays, logger: deps.logger };
  if (config.graph.kind === 'tenant') {
    const { tenantId, clientId, clientSecret, authorityHost, graphBaseUrl } = config.graph;
    const graph = connectGraph({ ...common, auth: { tenantId, clientId, clientSecret, authorityHost, graphResource: new URL(graphBaseUrl).origin }, graphBaseUrl, clock: deps.clock });
    return { mailbox: graph.mailbox, graph: graph.graph, local: null, mailboxDefaults: defaultsReader(graph.graph, deps.logger), notes: [`  Microsoft Graph: ${graphBaseUrl} (tenant ${tenantId}, ${config.graphMode} mode)`], close: () => graph.close() };
  }
  const local = await startLocalTenant({ now: () => deps.clock.now(), logger: deps.logger });
  const pairing = await ensureSeedPairing(deps.db, local.seed);
  const graph = connectGraph({ ...common, auth: local.tenant.authConfig, graphBaseUrl: local.tenant.graphBaseUrl, trustedCaPem: local.tenant.ca, clock: local.tenant.clock });
  const mailbox = routedMailboxSource((address) => local.tenant.store.mailbox(address) !== undefined, graph.mailbox, importedMailboxSource(deps.db));
  return {
    mailbox,
    graph: null,
    local,
    mailboxDefaults: defaultsReader(graph.graph, deps.logger),
    notes: [
      `  Dev tenant (Microsoft Graph stand-in): ${local.tenant.graphBaseUrl}, identity ${local.tenant.authority}`,
      `  Seeded pairing ${pairing.id}: owner ${pairing.owner.address}, VA ${pairing.va.address}`,
    ],
    close: async () => {
      await graph.close();
      await local.close();
    },
  };
}
