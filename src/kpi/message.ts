// The message metadata the KPI engine reads: what every mail source (Graph, files, the store) produces.
// Metadata only: no body or preview ever enters Tandem.

/** Graph's well-known folder names that the KPI spec distinguishes; everything else is `other`. */
export const FOLDER_KINDS = [
  'inbox',
  'sentitems',
  'drafts',
  'outbox',
  'junkemail',
  'deleteditems',
  'archive',
  'other',
] as const;
export type FolderKind = (typeof FOLDER_KINDS)[number];

export type InferenceClass = 'focused' | 'other';

export interface MessageMeta {
  /** Stable id within the mailbox (Graph immutable id, or a source-specific key). */
  readonly id: string;
  /** Conversation key: Graph `conversationId`, or the RFC 5322 thread rule (README). */
  readonly conversationId: string;
  /** Instant the mailbox received it, epoch milliseconds (UTC). */
  readonly receivedAt: number;
  /** Instant it was sent, epoch milliseconds (UTC). */
  readonly sentAt: number;
  /** Lower-cased SMTP address of `from`; null when the source had none. */
  readonly from: string | null;
  /** Lower-cased SMTP address of `sender` (the delegate who sent on behalf of `from`), null when absent. */
  readonly sender: string | null;
  /** Lower-cased SMTP addresses in To. */
  readonly to: readonly string[];
  /** Lower-cased SMTP addresses in Cc. */
  readonly cc: readonly string[];
  readonly folder: FolderKind;
  readonly isDraft: boolean;
  /** Outlook categories as set on the message. */
  readonly categories: readonly string[];
  /** Focused Inbox classification, null when unknown. */
  readonly inference: InferenceClass | null;
  /** Automatic mail by the spec's header and item-type rules (see `detectAutomatic`). */
  readonly automatic: boolean;
  /** Shown in lists of missed and pending mail (hidden by presenters in privacy mode). */
  readonly subject: string;
  /** RFC 5322 Message-ID (Graph `internetMessageId`), where the source gives one: how Outlook names the item. */
  readonly internetMessageId?: string;
  /** Where Outlook on the web opens the message (Graph `webLink`), for Graph-synced mail. */
  readonly webLink?: string;
}

/** A half-open interval [start, end) of epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** An Inbox `totalItemCount` read at (or after) the inbox-zero cut-off. */
export interface InboxSnapshot {
  readonly takenAt: number;
  readonly count: number;
}

/** The addresses that make up a pairing, each lower-cased; aliases are simply more entries. */
export interface PairingPeople {
  readonly mailbox: readonly string[];
  readonly owner: readonly string[];
  readonly va: readonly string[];
  /** The tenant's verified domains, for the `internal` exclusion. */
  readonly internalDomains: readonly string[];
}
