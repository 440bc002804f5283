// The chat poster the jobs get: the bot's proactive sender (botbuilder's CloudAdapter; with the bot's app
// credentials the SDK fetches and caches Bot Framework tokens through msal) and the chat's history through
// Microsoft Graph for findPosted. Without bot credentials (local mode, the Agents Playground) posts carry no token.
import { proactiveSender, type BotFrameworkEndpoints } from '../../bot/adapter.ts';
import { botChatPoster } from '../../bot/chat-poster.ts';
import { createClientCredentialsApp } from '../graph/auth.ts';
import type { Logger } from '../log.ts';
import type { ChatHistory, ChatPoster } from '../ports/chat.ts';

/** The bot's Entra app and where it signs in: Entra ID, or the dev identity with its metadata and CA. */
export interface BotAppSettings {
  readonly appId: string;
  readonly appPassword: string;
  /** Single-tenant bots name their tenant; a multi-tenant bot signs in at botframework.com. */
  readonly appTenantId: string | undefined;
  readonly authorityHost: string;
  readonly authorityMetadata?: string;
  readonly trustedCaPem?: string;
  /** ConfigurationBotFrameworkAuthentication's endpoint settings, when not public Azure's. */
  readonly endpoints?: BotFrameworkEndpoints;
}

export function teamsChatPoster(bot: BotAppSettings | null, history: ChatHistory, log: Logger, options: { maxWaitMs?: number } = {}): ChatPoster {
  const credentials =
    bot === null
      ? null
      : {
          appId: bot.appId,
          tokenClient: createClientCredentialsApp(
            {
              tenantId: bot.appTenantId ?? 'botframework.com',
              clientId: bot.appId,
              clientSecret: bot.appPassword,
              authorityHost: bot.authorityHost,
              ...(bot.authorityMetadata === undefined ? {} : { authorityMetadata: bot.authorityMetadata }),
              ...(bot.trustedCaPem === undefined ? {} : { trustedCaPem: bot.trustedCaPem }),
            },
            { logger: log },
          ),
          ...(bot.endpoints === undefined ? {} : { endpoints: bot.endpoints }),
        };
  return botChatPoster(proactiveSender(credentials), history, {
    log,
    ...options,
    onThrottled: (conversation, waitMs) => log.warn('chat_throttled', { conversation, waitMs }),
  });
}
