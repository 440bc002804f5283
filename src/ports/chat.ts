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
  /** Posts a card into the conversation, tagged with `key` so a retry can find it. Returns the activity id. */
  post(conversation: ConversationRef, card: object, key: string): Promise<string>;
  /** The id of the activity an earlier attempt posted with `key`, or null when none reached the chat. */
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
