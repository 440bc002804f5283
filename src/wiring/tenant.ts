// A real Microsoft 365 tenant: Graph through the app registration (msal), the summary mail sent through Graph,
// chat posts through the bot's CloudAdapter with its app's tokens (found again through Graph's chat messages),
// and Entra-issued tokens for the tab and the Outlook pane.
import { appIdUri, tabTokenValidator } from '../auth/tab-validator.ts';
import type { Config, GraphTarget } from '../config.ts';
import { graphChatHistory } from '../graph/chat-history.ts';
import { connectGraph } from '../graph/connect.ts';
import { graphDirectory } from '../graph/directory.ts';
import { graphMailSender } from '../graph/mail-sender.ts';
import { mailboxDefaultsReader } from '../graph/mailbox-reads.ts';
import type { Logger } from '../log.ts';
import type { Clock } from '../ports/clock.ts';
import { adminConsent } from '../reports/consent.ts';
import type { Database } from '../store/database.ts';
import { teamsChatPoster } from './chat.ts';
import type { Environment } from './environment.ts';

export function tenantEnvironment(config: Config, graphTarget: Extract<GraphTarget, { kind: 'tenant' }>, deps: { db: Database; clock: Clock; log: Logger }): Environment {
  const { tenantId, clientId, credential, authorityHost, graphBaseUrl } = graphTarget;
  const secretOrCertificate =
    credential.kind === 'secret' ? { clientSecret: credential.clientSecret } : { clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKey } };
  const graph = connectGraph({
    mode: config.graphMode,
    backfillDays: config.backfillDays,
    logger: deps.log,
    auth: { tenantId, clientId, ...secretOrCertificate, authorityHost, graphResource: new URL(graphBaseUrl).origin },
    graphBaseUrl,
    clock: deps.clock,
  });
  const host = config.publicUrl === undefined ? `localhost:${config.port}` : new URL(config.publicUrl).host;
  const bot = config.bot;
  // The config refuses a tenant start without them; this keeps the types honest.
  if (bot === null || bot.appPassword === undefined) throw new Error('tenant mode needs the bot app (MicrosoftAppId, MicrosoftAppPassword)');
  return {
    mailbox: graph.mailbox,
    tasks: graph.tasks,
    taskChoices: graph.taskChoices,
    mail: graphMailSender(graph.graph),
    directory: graphDirectory(graph.graph),
    // Tandem's Entra app reads the chat through the Teams app's resource-specific consent (ChatMessage.Read.Chat).
    chat: teamsChatPoster({ appId: bot.appId, appPassword: bot.appPassword, appTenantId: bot.appTenantId, authorityHost }, graphChatHistory(graph.graph), deps.log),
    tab: { validateToken: tabTokenValidator(deps.db, { authorityHost, registration: { tenantId, clientId, appIdUri: appIdUri(host, clientId) } }, deps.log), note: 'Teams SSO' },
    consentUrl: adminConsent(deps.db, { authorityHost, clientId }),
    demo: false,
    mailboxDefaults: mailboxDefaultsReader(graph.graph, deps.log),
    notes: [`  Microsoft Graph: ${graphBaseUrl} (tenant ${tenantId}, ${config.graphMode} mode, ${credential.kind === 'secret' ? 'client secret' : `certificate ${credential.thumbprintSha256.slice(0, 8)}… from ${credential.path}`})`],
    started: async () => [],
    close: () => graph.close(),
  };
}
