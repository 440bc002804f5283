// The ChatPoster port for the job queue: cards posted through the bot's proactive sender (botbuilder's
// CloudAdapter, in adapter.ts) and found again through the chat's history (Microsoft Graph).
// - The card is sent alone, without text: Teams splits text plus a card into two messages and then answers
//   202 without an id (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages,
//   note under "Send a message"); a 202 all the same is a success without an id.
// - The delivery key travels inside the card, as the id of the container that holds its body: element ids are part
//   of the Adaptive Card (ToggleVisibility targets them), and Graph lists a card's content as sent.
// - Retries follow Teams' status-code table: 412, 429 (after Retry-After), 502, 503 and 504, nothing else; the
//   bot being out of the chat (403 BotNotInConversationRoster, ConversationBlockedByUser, BotDisabledByAdmin) or
//   the chat being gone (404 ConversationNotFound) is a ChatGoneError, so the pairing stops.
import type { Logger } from '../src/log.ts';
import { ChatGoneError, ChatHistoryUnavailableError, type ChatHistory, type ChatPoster, type ConversationRef } from '../src/ports/chat.ts';
import type { ProactiveSender } from './adapter.ts';
import { ConnectorRefusal } from './connector-refusal.ts';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** "Status codes retry guidance": the only statuses a bot may retry (403 InvalidBotApiHost aside, a GCC matter). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);
/** Codes after which Teams says to stop posting until the chat installs the bot again. */
const CHAT_GONE_CODES: ReadonlySet<string> = new Set(['BotNotInConversationRoster', 'ConversationBlockedByUser', 'BotDisabledByAdmin', 'ConversationNotFound']);
/** How far back findPosted looks: ten of Graph's pages. A retry comes within the delivery's lease and job retries. */
export const FIND_POSTED_LIMIT = 500;
const DEFAULT_MAX_WAIT_MS = 60_000;
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 16_000;

export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

export interface ChatPosterOptions {
  readonly log: Logger;
  /** Stops retrying once this long has passed since the first attempt (an attempt under way may still finish). */
  readonly maxWaitMs?: number;
  readonly onThrottled?: (conversationId: string, waitMs: number) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
}

/** The card with its body inside a container whose id is the delivery key. */
export function withDeliveryKey(card: object, key: string): Record<string, unknown> {
  const body = (card as { body?: unknown }).body;
  return { ...card, body: [{ type: 'Container', id: key, items: Array.isArray(body) ? body : [] }] };
}

/** Whether a card (as parsed JSON) carries the key as an element id anywhere in it. */
export function carriesKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((item) => carriesKey(item, key));
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { id?: unknown }).id === key) return true;
  return Object.values(value).some((item) => carriesKey(item, key));
}

function parseCard(content: string | null): unknown {
  if (content === null) return null;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return null;
  }
}

export function botChatPoster(sender: ProactiveSender, history: ChatHistory, options: ChatPosterOptions): ChatPoster {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  /** Retry-After when the connector sent one; else exponential backoff. Jitter spreads conversations refused together. */
  const delayFor = (refusal: ConnectorRefusal, attempt: number) =>
    (refusal.retryAfterMs !== null && refusal.retryAfterMs > 0 ? refusal.retryAfterMs : Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt)) + Math.floor(random() * 250);

  return {
    async post(conversation: ConversationRef, card, key) {
      const activity = { type: 'message' as const, attachments: [{ contentType: ADAPTIVE_CARD, content: withDeliveryKey(card, key) }] };
      const conversationId = conversation.conversation.id;
      const started = now();
      for (let attempt = 0; ; attempt++) {
        try {
          return await sender.send(conversation, activity);
        } catch (error) {
          if (!(error instanceof ConnectorRefusal)) throw error;
          if ((error.status === 403 || error.status === 404) && error.code !== null && CHAT_GONE_CODES.has(error.code)) {
            throw new ChatGoneError(error.status, `connector answered ${error.status} ${error.code} for conversation ${conversationId}`);
          }
          const elapsed = now() - started;
          if (!RETRYABLE_STATUSES.has(error.status) || elapsed >= maxWaitMs) {
            throw new ConnectorError(error.status, error.code, `connector answered ${error.status}${error.code === null ? '' : ` ${error.code}`} for conversation ${conversationId}`);
          }
          const delay = Math.min(delayFor(error, attempt), maxWaitMs - elapsed);
          if (error.status === 429) options.onThrottled?.(conversationId, delay);
          else options.log.warn('chat_post_retry', { conversation: conversationId, status: error.status, code: error.code, waitMs: delay });
          await sleep(delay);
        }
      }
    },

    async findPosted(conversation, key) {
      const chatId = conversation.conversation.id;
      try {
        for await (const message of history.recent(chatId, FIND_POSTED_LIMIT)) {
          if (message.attachments.some((attachment) => attachment.contentType === ADAPTIVE_CARD && carriesKey(parseCard(attachment.content), key))) return message.id;
        }
        return null;
      } catch (error) {
        if (!(error instanceof ChatHistoryUnavailableError)) throw error;
        // Not a reason to stop the pairing: the post is retried as if nothing had reached the chat.
        options.log.warn('chat_history_unavailable', { conversation: chatId, status: error.status, message: error.message });
        return null;
      }
    },
  };
}
