// The chat port: how jobs post into an owner–VA chat without knowing the bot's SDK. The wiring fills it
// with the bot's poster; tests with typed fakes.
import { z } from 'zod';

/** Bot Framework conversation reference, as stored for proactive posts (parsed where it leaves the database). */
export const conversationRefSchema = z.object({
  serviceUrl: z.url(),
  conversation: z.object({ id: z.string().min(1) }),
});

export interface ConversationRef {
  readonly serviceUrl: string;
  readonly conversation: { readonly id: string };
}

export interface ChatPoster {
  /**
   * Posts a card into the conversation, carrying `key` so a retry can find it. Returns the message id, or null
   * when the chat accepted the post without naming one (Teams' 202).
   */
  post(conversation: ConversationRef, card: object, key: string): Promise<string | null>;
  /** The id of the message an earlier attempt posted with `key`, or null when none can be seen in the chat. */
  findPosted(conversation: ConversationRef, key: string): Promise<string | null>;
}

/** A post the chat refused for good: the bot was removed (403) or the chat is gone (404); retrying cannot help. */
export class ChatGoneError extends Error {
  override readonly name = 'ChatGoneError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A message in a chat as its history lists it: its id and its attachments (a card's content as a JSON string). */
export interface ChatHistoryMessage {
  readonly id: string;
  readonly attachments: ReadonlyArray<{ readonly contentType: string; readonly content: string | null }>;
}

/** What is in a chat, read apart from posting (Microsoft Graph's chat messages). */
export interface ChatHistory {
  /** The chat's messages, newest first, at most `limit`; throws ChatHistoryUnavailableError when the chat cannot be read. */
  recent(chatId: string, limit: number): AsyncIterable<ChatHistoryMessage>;
}

/** The chat's history cannot be read: not found (404) or not permitted (403, e.g. consent not granted). */
export class ChatHistoryUnavailableError extends Error {
  override readonly name = 'ChatHistoryUnavailableError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
