// The narrow ports through which jobs reach the outside world; tests run the same jobs with typed fakes.
import type { MessageMeta } from '../kpi/message.ts';

/** Bot Framework conversation reference, as stored for proactive posts. */
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

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface MailSender {
  /** Sends from `mailbox`, tagged with `key` (an internet header) so a retry can find it. */
  send(mailbox: string, mail: OutgoingMail, key: string): Promise<string>;
  /** The id of the mail an earlier attempt sent with `key`, or null. */
  findSent(mailbox: string, key: string): Promise<string | null>;
}

export interface MailboxSync {
  readonly messages: readonly MessageMeta[];
  /** Versioned sync position to store and hand back next time. */
  readonly position: unknown;
}

export interface MailboxSource {
  /** Message metadata new or changed since `position` (null: first sync). */
  sync(mailbox: string, position: unknown): Promise<MailboxSync>;
  /** The Inbox folder's totalItemCount now (subfolders not included). */
  inboxItemCount(mailbox: string): Promise<number>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
