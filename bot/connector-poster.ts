// Posts cards to a Teams conversation through the Bot Framework connector REST API, honouring 429 and
// Retry-After; a chat the bot was removed from (403) or that is gone (404) is a ChatGoneError.
import { z } from 'zod';
import { ChatGoneError, type ChatPoster, type ConversationRef } from '../src/ports/chat.ts';

export interface ConnectorPosterOptions {
  /** Gives up after waiting this long in total, well inside the delivery lease. */
  readonly maxWaitMs?: number;
  readonly onThrottled?: (conversationId: string, waitMs: number) => void;
  readonly fetch?: typeof fetch;
}

const postedSchema = z.object({ id: z.string().min(1) });
const historySchema = z.object({ activities: z.array(z.object({ id: z.string() })) });
const RETRYABLE = new Set([429, 502, 503, 504]);
const DEFAULT_MAX_WAIT_MS = 60_000;
const FALLBACK_RETRY_MS = 1_000;

export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryDelayMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  const base = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : FALLBACK_RETRY_MS;
  // Jitter spreads the retries of many conversations throttled at the same instant.
  return base + Math.floor(Math.random() * 250);
}

export function connectorPoster(options: ConnectorPosterOptions = {}): ChatPoster {
  const request = options.fetch ?? fetch;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;

  async function call(conversation: ConversationRef, init: RequestInit, query = ''): Promise<unknown> {
    const url = `${conversation.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(conversation.conversation.id)}/activities${query}`;
    let waited = 0;
    for (;;) {
      const response = await request(url, { ...init, headers: { 'content-type': 'application/json' } });
      if (response.ok) return response.json();
      // The bot was removed from the chat (403) or the chat is gone (404): retrying cannot help.
      if (response.status === 403 || response.status === 404) throw new ChatGoneError(response.status, `connector answered ${response.status} for conversation ${conversation.conversation.id}`);
      if (!RETRYABLE.has(response.status) || waited >= maxWaitMs) {
        throw new ConnectorError(response.status, `connector answered ${response.status} for conversation ${conversation.conversation.id}`);
      }
      const delay = Math.min(retryDelayMs(response), maxWaitMs - waited);
      options.onThrottled?.(conversation.conversation.id, delay);
      await response.body?.cancel();
      await sleep(delay);
      waited += delay;
    }
  }

  return {
    async post(conversation, card, key) {
      const activity = {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        channelData: { tandemKey: key },
      };
      return postedSchema.parse(await call(conversation, { method: 'POST', body: JSON.stringify(activity) })).id;
    },
    async findPosted(conversation, key) {
      const history = historySchema.parse(await call(conversation, { method: 'GET' }, `?tandemKey=${encodeURIComponent(key)}`));
      return history.activities[0]?.id ?? null;
    },
  };
}
