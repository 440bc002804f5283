// The local stand-ins, loaded by dynamic import in local mode only: the seeded dev tenant (Graph and Entra
// over HTTPS) read through the same Graph client as a tenant, mail imported with `tandem import` for any other
// mailbox, summary mails as files, the local bot connector, the sign-in picker, and the Agents Playground.
import { join } from 'node:path';
import { connectorPoster } from '../../bot/connector-poster.ts';
import { tabTokenValidator } from '../auth/tab-validator.ts';
import type { Config } from '../config.ts';
import { startBotConnector } from '../devtenant/bot-connector.ts';
import { fileMailSender, importedMailboxSource, routedMailboxSource } from '../devtenant/local-ports.ts';
import { ensureSeedPairing, seedPeople, startLocalTenant } from '../devtenant/local-tenant.ts';
import { launchPlayground, playgroundCli } from '../devtenant/playground.ts';
import { startStandaloneSignIn } from '../devtenant/tab-sign-in.ts';
import { connectGraph } from '../graph/connect.ts';
import { graphDirectory } from '../graph/directory.ts';
import { mailboxDefaultsReader } from '../graph/mailbox-reads.ts';
import type { Logger } from '../log.ts';
import type { Clock } from '../ports/clock.ts';
import type { Database } from '../store/database.ts';
import type { Environment } from './environment.ts';

type Deps = { db: Database; clock: Clock; log: Logger };

/** The seeded dev tenant and its pairing, read through the Graph client a tenant uses; imported mail for other mailboxes. */
export async function localMailbox(config: Config, deps: Deps) {
  const local = await startLocalTenant({ now: () => deps.clock.now(), logger: deps.log });
  const pairing = await ensureSeedPairing(deps.db, local.seed);
  const graph = connectGraph({ mode: config.graphMode, backfillDays: config.backfillDays, logger: deps.log, auth: local.tenant.authConfig, graphBaseUrl: local.tenant.graphBaseUrl, trustedCaPem: local.tenant.ca, clock: local.tenant.clock });
  return {
    local,
    pairing,
    graph,
    mailbox: routedMailboxSource((address) => local.tenant.store.mailbox(address) !== undefined, graph.mailbox, importedMailboxSource(deps.db)),
    async close() {
      await graph.close();
      await local.close();
    },
  };
}

/** The tab's sign-in picker over the store's owners and VAs, and the validator for the tokens it issues. */
export async function localTabIdentity(db: Database, host: string, log: Logger) {
  const signIn = await startStandaloneSignIn(db, { host, logger: log });
  return {
    validateToken: tabTokenValidator(db, { authorityHost: signIn.authorityHost, registration: signIn.registration, ca: signIn.identity.ca }, log),
    signIn: signIn.routes,
    note: 'standalone: sign in as a seeded owner or VA',
    close: () => signIn.close(),
  };
}

export async function localEnvironment(config: Config, deps: Deps): Promise<Environment> {
  const { local, pairing, graph, mailbox, close } = await localMailbox(config, deps);
  const connector = await startBotConnector();
  const tab = await localTabIdentity(deps.db, `localhost:${config.port}`, deps.log);
  let playground: { url: string; close(): Promise<void> } | null = null;
  return {
    mailbox,
    mail: fileMailSender(join(config.dataDir, 'outbox')),
    directory: graphDirectory(graph.graph),
    chat: connectorPoster({ onThrottled: (conversation, waitMs) => deps.log.warn('chat_throttled', { conversation, waitMs }) }),
    tab,
    consentUrl: async () => null,
    mailboxDefaults: mailboxDefaultsReader(graph.graph, deps.log),
    notes: [
      `  Dev tenant (Microsoft Graph stand-in): ${local.tenant.graphBaseUrl}, identity ${local.tenant.authority}`,
      `  Seeded pairing ${pairing.id}: owner ${pairing.owner.address}, VA ${pairing.va.address}`,
      `  Local bot connector: ${connector.url}`,
    ],
    async started(botEndpoint) {
      const cli = config.playgroundPort === null ? null : playgroundCli();
      if (cli === null) return [];
      // The Playground's people are the dev tenant's owner and VA, so setting Tandem up there shows their mail.
      playground = await launchPlayground(cli, botEndpoint, config.playgroundPort!, seedPeople(local.seed));
      return [`  Chat with Tandem (Agents Playground, TANDEM_PLAYGROUND=0 turns it off): ${playground.url}`];
    },
    async close() {
      await playground?.close();
      await tab.close();
      await connector.close();
      await close();
    },
  };
}
