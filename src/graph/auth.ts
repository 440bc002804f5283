// App authentication for Graph with msal-node: app-only tokens (client credentials) for the mailbox sync,
// on-behalf-of tokens for a signed-in user, both through msal's token cache. The authority comes from
// config, so the same code runs against Entra ID and against the local dev tenant.
import { ConfidentialClientApplication, LogLevel, type AuthenticationResult, type Configuration, type TokenCache } from '@azure/msal-node';
import { silentLogger, type Logger } from '../log.ts';
import { ENTRA_AUTHORITY_HOST, parseAppAuthConfig, type AppAuthConfig, type AppAuthConfigInput } from './auth-config.ts';
import { httpsNetworkClient, identityAgent } from './https-network-client.ts';

export interface GraphToken {
  readonly accessToken: string;
  readonly expiresOn: Date | null;
  readonly scopes: readonly string[];
  /** True when msal answered from its cache without calling the token endpoint. */
  readonly fromCache: boolean;
}

export interface AppAuth {
  /** An app-only Graph token (`roles`), for reading mailboxes the app was granted. */
  appToken(): Promise<GraphToken>;
  /** Exchanges a user's token for this app (e.g. Teams SSO) for a delegated Graph token (`scp`). */
  onBehalfOf(userAssertion: string, permissions?: readonly string[]): Promise<GraphToken>;
  /** msal's in-memory cache, for serialising to a shared store later. */
  readonly tokenCache: TokenCache;
}

export interface AppAuthOptions {
  readonly logger?: Logger;
}

/** msal's log levels to ours; Verbose and Trace are dropped. */
function msalLogger(logger: Logger): NonNullable<Configuration['system']>['loggerOptions'] {
  return {
    piiLoggingEnabled: false,
    logLevel: LogLevel.Warning,
    loggerCallback(level, message) {
      if (level === LogLevel.Error) logger.error('msal', { message });
      else if (level === LogLevel.Warning) logger.warn('msal', { message });
      else logger.info('msal', { message });
    },
  };
}

/**
 * msal settings for the authority. For a host other than Entra ID's, msal must know it (`knownAuthorities`)
 * and be handed its cloud-discovery and openid metadata, or it would ask login.microsoftonline.com.
 */
export function msalConfiguration(config: AppAuthConfig, logger: Logger): Configuration {
  const host = new URL(config.authorityHost).host;
  const isEntra = config.authorityHost === ENTRA_AUTHORITY_HOST;
  return {
    auth: {
      clientId: config.clientId,
      ...(config.clientCertificate === undefined ? { clientSecret: config.clientSecret! } : { clientCertificate: { ...config.clientCertificate } }),
      authority: `${config.authorityHost}/${config.tenantId}`,
      ...(isEntra
        ? {}
        : {
            knownAuthorities: [host],
            cloudDiscoveryMetadata: JSON.stringify({
              tenant_discovery_endpoint: `${config.authorityHost}/${config.tenantId}/v2.0/.well-known/openid-configuration`,
              'api-version': '1.1',
              metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
            }),
          }),
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
    },
    system: {
      networkClient: httpsNetworkClient(identityAgent(config.trustedCaPem)),
      loggerOptions: msalLogger(logger),
    },
  };
}

const asGraphToken = (result: AuthenticationResult): GraphToken => ({
  accessToken: result.accessToken,
  expiresOn: result.expiresOn,
  scopes: result.scopes,
  fromCache: result.fromCache,
});

/** Builds the app's identity client; throws AuthConfigError naming any missing or bad setting. */
export function createAppAuth(input: AppAuthConfigInput, options: AppAuthOptions = {}): AppAuth {
  const config = parseAppAuthConfig(input);
  const client = new ConfidentialClientApplication(msalConfiguration(config, options.logger ?? silentLogger));
  const appScope = `${config.graphResource}/.default`;

  return {
    async appToken() {
      const result = await client.acquireTokenByClientCredential({ scopes: [appScope] });
      if (!result) throw new Error('msal returned no app token');
      return asGraphToken(result);
    },
    async onBehalfOf(userAssertion, permissions) {
      const scopes = permissions?.length ? permissions.map((permission) => `${config.graphResource}/${permission}`) : [appScope];
      const result = await client.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes });
      if (!result) throw new Error('msal returned no on-behalf-of token');
      return asGraphToken(result);
    },
    tokenCache: client.getTokenCache(),
  };
}

/**
 * msal's client for another app's client credentials (the bot's own registration), with the same authority
 * handling and trust as Graph's: handed to the Bot Framework SDK, which asks it for its tokens and caches them.
 */
export function createClientCredentialsApp(input: AppAuthConfigInput, options: AppAuthOptions = {}): ConfidentialClientApplication {
  return new ConfidentialClientApplication(msalConfiguration(parseAppAuthConfig(input), options.logger ?? silentLogger));
}
