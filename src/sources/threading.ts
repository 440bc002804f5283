// The KPI spec's thread rule for RFC 5322 mail (no Graph conversationId): thread-root Message-ID, else normalized subject.

/**
 * Reply and forward prefixes of common mail clients: English, German (AW, WG), Nordic (SV, VS, VB),
 * Dutch (Antw), French and Italian (TR, RV).
 */
export const REPLY_PREFIXES: readonly string[] = ['antw', 'fwd', 're', 'fw', 'aw', 'wg', 'sv', 'vs', 'vb', 'tr', 'rv'];

/** A run of prefixes, each optionally counted (`Re[2]:`, `AW(3):`); the full-width colon is from CJK clients. */
const PREFIX_RUN = new RegExp(String.raw`^(?:\s*(?:${REPLY_PREFIXES.join('|')})\s*(?:\[\d+\]|\(\d+\))?\s*[:\uFF1A])+`, 'i');

/** Conversation-key prefixes keep the three kinds of key apart: an id can never equal a subject. */
export const KEY_PREFIX = { messageId: 'mid:', subject: 'subj:', self: 'self:' } as const;

/** What the thread rule reads from one message. */
export interface ThreadInfo {
  /** Own Message-ID without angle brackets, null when missing. */
  readonly messageId: string | null;
  /** Root of the thread it replies to: first id in References, else the In-Reply-To id; null when neither. */
  readonly root: string | null;
  /** Decoded, unfolded subject. */
  readonly subject: string;
  /** Unique id of this message in the import; the key of a conversation of its own. */
  readonly ownId: string;
}

/** The raw headers the thread rule needs (decoded strings as a MIME parser returns them). */
export interface ThreadHeaders {
  readonly messageId?: string | null | undefined;
  readonly references?: string | null | undefined;
  readonly inReplyTo?: string | null | undefined;
  readonly subject?: string | null | undefined;
  readonly ownId: string;
}

/** Message-IDs in a header value, without angle brackets; bare ids are accepted from clients that drop them. */
export function messageIds(value: string | null | undefined): string[] {
  if (value == null) return [];
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (bracketed.length > 0) return bracketed;
  return value.split(/\s+/).filter((token) => token.includes('@')).map((token) => token.replace(/^<|>$/g, ''));
}

/** Subject without any run of reply/forward prefixes, whitespace collapsed, lower-cased. */
export function normalizeSubject(subject: string): string {
  const collapsed = subject.replace(/\s+/g, ' ').trim();
  return collapsed.replace(PREFIX_RUN, '').trim().toLowerCase();
}

export function threadInfo(headers: ThreadHeaders): ThreadInfo {
  return {
    messageId: messageIds(headers.messageId)[0] ?? null,
    root: messageIds(headers.references)[0] ?? messageIds(headers.inReplyTo)[0] ?? null,
    subject: headers.subject ?? '',
    ownId: headers.ownId,
  };
}

/**
 * The conversation key of one message, given the roots of every imported message:
 * 1. `mid:<root>` when it replies to a thread (References' first id, else In-Reply-To);
 * 2. `mid:<own id>` when its own Message-ID is another message's root, so a thread's first message joins its replies;
 * 3. `subj:<normalized subject>`;
 * 4. `self:<own id>` when the normalized subject is empty.
 */
export function conversationKey(thread: ThreadInfo, roots: ReadonlySet<string>): string {
  if (thread.root !== null) return KEY_PREFIX.messageId + thread.root;
  if (thread.messageId !== null && roots.has(thread.messageId)) return KEY_PREFIX.messageId + thread.messageId;
  const subject = normalizeSubject(thread.subject);
  if (subject !== '') return KEY_PREFIX.subject + subject;
  return KEY_PREFIX.self + thread.ownId;
}

/** Every thread root named by the messages; collect over all sources first (rule 2 needs the whole set). */
export function collectRoots(threads: Iterable<ThreadInfo>): Set<string> {
  const roots = new Set<string>();
  for (const thread of threads) {
    if (thread.root !== null) roots.add(thread.root);
  }
  return roots;
}

/** Conversation keys of all messages in one go: roots first, then each key. */
export function conversationKeys(threads: readonly ThreadInfo[]): string[] {
  const roots = collectRoots(threads);
  return threads.map((thread) => conversationKey(thread, roots));
}
