// What every mail source returns: engine input plus an account of what could not be used.
import type { MessageMeta } from '../kpi/message.ts';

/** A message that could not be used (no parseable date or sender); reported, never silently dropped. */
export interface InvalidMessage {
  /** Where it sits: a file path, `file:byteOffset` inside an mbox, or `file#index` inside a JSON export. */
  readonly location: string;
  readonly reason: string;
}

/** A file that could not be read or parsed at all. */
export interface UnreadableSource {
  readonly path: string;
  readonly error: string;
}

export interface ImportResult {
  readonly messages: MessageMeta[];
  readonly invalid: InvalidMessage[];
  /** Copies of a message already imported (same Message-ID, or same Date, From, recipients and Subject). */
  readonly duplicates: number;
  readonly unreadable: UnreadableSource[];
  /** Things the user should know about the export (e.g. a Graph page whose next page is missing). */
  readonly warnings: string[];
}
