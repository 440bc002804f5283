// The local stand-ins, loaded by dynamic import in local mode only: the seeded dev tenant (Graph and Entra
// over HTTPS) read through the same Graph client as a tenant, mail imported with `tandem import` (and tasks as
// stored) for any other mailbox, summary mails as files, the sign-in picker, and the Agents Playground. Chat posts go through the same
// CloudAdapter as a tenant's, without credentials: the Playground sends no token and expects none.
import { join } from 'node:path';
import { tabTokenValidator } from '../auth/tab-validator.ts';
import type { Config } from '../config.ts';
import { fileMailSender, importedMailboxSource, routedMailboxSource, routedTaskSource } from '../devtenant/local-ports.ts';
import { ensureSeedPairing, seedPeople, startLocalTenant } from '../devtenant/local-tenant.ts';
import { launchPlayground, playgroundCli } from '../devtenant/playground.ts';
import { startStandaloneSignIn } from '../devtenant/tab-sign-in.ts';
import { graphChatHistory } from '../graph/chat-history.ts';
import { connectGraph } from '../graph/connect.ts';
import { graphDirectory } from '../graph/directory.ts';
import { mailboxDefaultsReader } from '../graph/mailbox-reads.ts';
import type { Logger } from '../log.ts';
import type { Clock } from '../ports/clock.ts';
import type { Database } from '../store/database.ts';
import { teamsChatPoster } from './chat.ts';
import type { Environment } from './environment.ts';

type Deps = { db: Database; clock: Clock; log: Logger };

/** The seeded dev tenant and its pairing, read through the Graph client a tenant uses; imported mail for other mailboxes. */
export async function localMailbox(config: Config, deps: Deps) {
  const local = await startLocalTenant({ now: () => deps.clock.now(), logger: deps.log });
  const pairing = await ensureSeedPairing(deps.db, local.seed);
  const isDevMailbox = (address: string) => local.tenant.store.mailbox(address) !== undefined;
  const graph = connectGraph({ mode: config.graphMode, backfillDays: config.backfillDays, logger: deps.log, auth: local.tenant.authConfig, graphBaseUrl: local.tenant.graphBaseUrl, trustedCaPem: local.tenant.ca, clock: local.tenant.clock });
  return {
    local,
    pairing,
    graph,
    mailbox: routedMailboxSource(isDevMailbox, graph.mailbox, importedMailboxSource(deps.db)),
    tasks: routedTaskSource(isDevMailbox, graph.tasks),
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
  const { local, pairing, graph, mailbox, tasks, close } = await localMailbox(config, deps);
  const tab = await localTabIdentity(deps.db, `localhost:${config.port}`, deps.log);
  let playground: { url: string; close(): Promise<void> } | null = null;
  return {
    mailbox,
    tasks,
    taskChoices: graph.taskChoices,
    mail: fileMailSender(join(config.dataDir, 'outbox')),
    directory: graphDirectory(graph.graph),
    // findPosted asks the dev tenant's Graph, which does not know the Playground's chats: its 404 reads as "not posted".
    chat: teamsChatPoster(null, graphChatHistory(graph.graph), deps.log),
    tab,
    consentUrl: async () => null,
    demo: true,
    mailboxDefaults: mailboxDefaultsReader(graph.graph, deps.log),
    notes: [
      `  Dev tenant (Microsoft Graph stand-in): ${local.tenant.graphBaseUrl}, identity ${local.tenant.authority}`,
      `  Seeded pairing ${pairing.id}: owner ${pairing.owner.address}, VA ${pairing.va.address}`,
    ],
    async started(botEndpoint) {
      const cli = config.playgroundPort === null ? null : playgroundCli();
      if (cli === null) return [];
      // The Playground's people are the dev tenant's owner and VA, so setting Tandem up there shows their mail.
      playground = await launchPlayground(cli, botEndpoint, config.playgroundPort!, seedPeople(local.seed));
      return [
        `  Chat with Tandem (Agents Playground, TANDEM_PLAYGROUND=0 turns it off): ${playground.url}`,
        '  In its group chat, once set up, "@Tandem scorecard now" posts this week\'s scorecard as the schedule does',
      ];
    },
    async close() {
      await playground?.close();
      await tab.close();
      await close();
    },
  };
}
