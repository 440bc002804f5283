// What each reader hands to the loader: one message before threading and dedupe, and the sink that takes it.
import type { MessageMeta } from '../kpi/message.ts';
import type { InvalidMessage, UnreadableSource } from './import-result.ts';
import type { ThreadInfo } from './threading.ts';

/** Graph carries its own conversationId; RFC 5322 mail gets one from the thread rule once every source is read. */
export type ConversationSource =
  | { readonly kind: 'given'; readonly conversationId: string }
  | { readonly kind: 'thread'; readonly thread: ThreadInfo };

export interface SourceMessage {
  readonly meta: Omit<MessageMeta, 'conversationId'>;
  readonly conversation: ConversationSource;
  /** Keys that only copies of the same message share (`mid:` Message-ID, `gid:` Graph id). */
  readonly identity: readonly string[];
  /**
   * Whether copies may also be recognised by content (Date, From, recipients, Subject). True for files,
   * whose exporters re-number copies; false for Graph items, whose ids are reliable, so two distinct
   * messages that happen to share that content are never merged.
   */
  readonly matchByContent: boolean;
}

/** Where readers report; readers never throw for bad content, they report it here and go on. */
export interface ImportSink {
  message(message: SourceMessage): void;
  invalid(entry: InvalidMessage): void;
  unreadable(entry: UnreadableSource): void;
  warning(text: string): void;
}

/** Identity key of an RFC 5322 Message-ID or Graph internetMessageId, so both kinds of source match. */
export function messageIdKey(messageId: string): string {
  return `mid:${messageId}`;
}

/** Identity key of a Graph item id. */
export function graphIdKey(id: string): string {
  return `gid:${id}`;
}

/**
 * Errors of reading a file (Node's errors carry a `code`: ENOENT, EACCES, EISDIR, ERR_STRING_TOO_LONG, ...).
 * Only these become `unreadable` entries; anything else is a bug and must surface.
 */
export function isReadError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Short text of an error for a report; reports name the file, so the message alone is enough. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
