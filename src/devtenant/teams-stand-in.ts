// Teams as a bot sees it, on the loopback: the dev identity (Entra's token endpoint and keys) with two app
// registrations — the bot's (MicrosoftAppId) and Tandem's Entra app (the manifest's webApplicationInfo, whose
// resource-specific consent reads a chat's messages) — the bot connector, and the dev Graph's chat messages, over
// one ChatStore. What the production poster needs to point at it comes back as plain settings.
import { GRAPH_RESOURCE, type AppAuthConfigInput } from '../graph/auth-config.ts';
import { silentLogger, type Logger } from '../log.ts';
import { startBotConnector, type BotConnector, type BotConnectorOptions } from './bot-connector.ts';
import { ChatStore, type DevTeamsApp } from './chat-store.ts';
import { startDevGraph, type DevGraph } from './graph-api.ts';
import { stableGuid, type SigningKey } from './identity-tokens.ts';
import { BOT_FRAMEWORK_RESOURCE, startDevIdentity, type DevIdentity } from './identity.ts';
import { generateLocalhostCertificate, type TlsMaterial } from './tls.ts';

export const STAND_IN_TENANT_ID = 'dddddddd-0000-4000-8000-00000000b07a';
/** The RSC permission Tandem's manifest asks for (manifest/manifest.json `authorization.permissions.resourceSpecific`). */
export const CHAT_MESSAGE_READ = 'ChatMessage.Read.Chat';

/** ConfigurationBotFrameworkAuthentication's documented endpoint settings, pointed at the dev identity. */
export interface BotFrameworkEndpointSettings {
  readonly ToChannelFromBotLoginUrl: string;
  readonly ToChannelFromBotOAuthScope: string;
  readonly ToBotFromChannelTokenIssuer: string;
  readonly ToBotFromChannelOpenIdMetadataUrl: string;
  readonly ToBotFromEmulatorOpenIdMetadataUrl: string;
  readonly OAuthUrl: string;
  readonly CallerId: string;
}

/** What Tandem's config would hold for the bot's app, pointed at the stand-in. */
export interface StandInBotSettings {
  readonly appId: string;
  readonly appPassword: string;
  readonly appTenantId: string;
  readonly authorityHost: string;
  readonly authorityMetadata: string;
  readonly trustedCaPem: string;
  readonly endpoints: BotFrameworkEndpointSettings;
}

export interface TeamsStandInOptions {
  /** The connector's behaviour (latency, limits, faults, 202 answers); chats, identity and bots are the stand-in's. */
  readonly connector?: Omit<BotConnectorOptions, 'chats' | 'identity' | 'bots' | 'logger'>;
  readonly tls?: TlsMaterial;
  readonly signingKey?: SigningKey;
  readonly logger?: Logger;
}

export interface TeamsStandIn {
  readonly tenantId: string;
  readonly identity: DevIdentity;
  readonly graph: DevGraph;
  readonly connector: BotConnector;
  readonly chats: ChatStore;
  readonly bot: StandInBotSettings;
  /** Tandem's Entra app (Graph): client credentials for the dev Graph, which lists chats its RSC grant covers. */
  readonly graphApp: AppAuthConfigInput & { readonly graphBaseUrl: string; readonly trustedCaPem: string };
  /** The Tandem Teams app as installed in a chat: its bot, and the Entra app its RSC permission goes to. */
  readonly teamsApp: DevTeamsApp;
  /** A group chat of `tenantId` with the Tandem app installed (bot in the roster, ChatMessage.Read.Chat granted). */
  addChat(id: string, tenantId?: string): void;
  /** Another connector over the same chats, identity and bot, behaving as `options` say (closed with the stand-in). */
  startConnector(options: TeamsStandInOptions['connector']): Promise<BotConnector>;
  close(): Promise<void>;
}

export async function startTeamsStandIn(options: TeamsStandInOptions = {}): Promise<TeamsStandIn> {
  const logger = options.logger ?? silentLogger;
  const tls = options.tls ?? (await generateLocalhostCertificate());
  const tenantId = STAND_IN_TENANT_ID;
  const botApp = { clientId: stableGuid('tandem-bot'), clientSecret: `bot~${stableGuid('tandem-bot-secret')}`, displayName: 'Tandem' };
  const graphApp = { clientId: stableGuid('tandem-entra-app'), clientSecret: `app~${stableGuid('tandem-entra-app-secret')}`, displayName: 'Tandem (Entra app)' };
  const identity = await startDevIdentity(
    {
      tenantId,
      apps: [
        { ...botApp, graphAppRoles: [], graphDelegatedScopes: [] },
        // No tenant-wide Graph permission: chats are read through resource-specific consent only.
        { ...graphApp, graphAppRoles: [], graphDelegatedScopes: [] },
      ],
      users: [],
    },
    { tls, logger, ...(options.signingKey ? { signingKey: options.signingKey } : {}) },
  );
  const openId = identity.openIdConfiguration();
  const chats = new ChatStore();
  const graph = await startDevGraph({ identity: { issuer: openId.issuer, jwksUri: openId.jwks_uri, ca: identity.ca }, mailboxes: [], chats }, { tls, logger });
  const more: BotConnector[] = [];
  const startConnector = async (connectorOptions: TeamsStandInOptions['connector']) =>
    startBotConnector({
      ...connectorOptions,
      chats,
      identity: { issuer: openId.issuer, jwksUri: openId.jwks_uri, ca: identity.ca },
      bots: [{ appId: botApp.clientId, name: botApp.displayName }],
      logger,
    });
  const connector = await startConnector(options.connector);
  const teamsApp: DevTeamsApp = { botId: botApp.clientId, aadAppId: graphApp.clientId, rsc: [CHAT_MESSAGE_READ] };
  const metadataUrl = `${identity.authority}/v2.0/.well-known/openid-configuration`;

  return {
    tenantId,
    identity,
    graph,
    connector,
    chats,
    teamsApp,
    bot: {
      appId: botApp.clientId,
      appPassword: botApp.clientSecret,
      appTenantId: tenantId,
      authorityHost: identity.origin,
      authorityMetadata: JSON.stringify(openId),
      trustedCaPem: identity.ca,
      endpoints: {
        ToChannelFromBotLoginUrl: identity.authority,
        ToChannelFromBotOAuthScope: BOT_FRAMEWORK_RESOURCE,
        ToBotFromChannelTokenIssuer: openId.issuer,
        ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
        OAuthUrl: identity.origin,
        CallerId: 'urn:botframework:azure',
      },
    },
    graphApp: { ...identity.appAuthConfig(graphApp), graphResource: GRAPH_RESOURCE, graphBaseUrl: graph.baseUrl, trustedCaPem: identity.ca },
    addChat(id, chatTenant = tenantId) {
      chats.create(id, chatTenant);
      chats.install(id, teamsApp);
    },
    async startConnector(connectorOptions) {
      const started = await startConnector(connectorOptions);
      more.push(started);
      return started;
    },
    async close() {
      for (const started of more) await started.close();
      await connector.close();
      await graph.close();
      await identity.close();
    },
  };
}
