// Counts a message stored several times (several folders, several exports) once, keeping its most telling copy.
import type { MessageMeta } from '../kpi/message.ts';
import { folderRank } from './folders.ts';
import { KEY_PREFIX } from './threading.ts';

export interface KeyedMessage {
  readonly meta: MessageMeta;
  /** Keys only copies of the same message share (Message-ID, Graph id). */
  readonly identity: readonly string[];
  /** Also match copies by {@link fingerprint} (file sources, whose copies may carry different Message-IDs). */
  readonly matchByContent: boolean;
}

export interface DedupeResult {
  /** One message per group of copies, in the order each was first seen. */
  readonly messages: MessageMeta[];
  /** Copies dropped. */
  readonly duplicates: number;
}

/**
 * Same Date, From, recipients and Subject: catches copies whose Message-IDs differ, as when a mail
 * system stores a sent message in several folders and gives each copy its own id (the Enron corpus).
 * Whitespace is collapsed because stores re-fold long Subject lines; letter case is kept because a
 * copy never changes it, while two forwards sent in one minute whose subjects differ only in case are
 * two mails (docs/kpi.md §3). Addresses arrive lower-cased, as addresses compare without case.
 */
export function fingerprint(meta: MessageMeta): string {
  const subject = meta.subject.replace(/\s+/g, ' ').trim();
  return `fp:${JSON.stringify([meta.sentAt, meta.from ?? '', [...meta.to].sort(), [...meta.cc].sort(), subject])}`;
}

function isThreadRootKey(conversationId: string): boolean {
  return conversationId.startsWith(KEY_PREFIX.messageId);
}

/** Subject and self keys are fallbacks; a thread-root key from any copy links the message to its replies. */
function isFallbackKey(conversationId: string): boolean {
  return conversationId.startsWith(KEY_PREFIX.subject) || conversationId.startsWith(KEY_PREFIX.self);
}

interface Group {
  best: MessageMeta;
  /** The first thread-root conversation key among the copies. */
  rootKey: string | null;
}

export function dedupe(items: Iterable<KeyedMessage>): DedupeResult {
  const groups: Group[] = [];
  const groupOfKey = new Map<string, Group>();
  let duplicates = 0;
  for (const item of items) {
    const keys = item.matchByContent ? [...item.identity, fingerprint(item.meta)] : item.identity;
    const rootKey = isThreadRootKey(item.meta.conversationId) ? item.meta.conversationId : null;
    let group = keys.map((key) => groupOfKey.get(key)).find((found) => found !== undefined);
    if (group === undefined) {
      group = { best: item.meta, rootKey };
      groups.push(group);
    } else {
      duplicates += 1;
      // Strictly better only: among equally telling copies the first one seen stays.
      if (folderRank(item.meta.folder) < folderRank(group.best.folder)) group.best = item.meta;
      group.rootKey ??= rootKey;
    }
    for (const key of keys) {
      if (!groupOfKey.has(key)) groupOfKey.set(key, group);
    }
  }
  const messages = groups.map(({ best, rootKey }) =>
    rootKey !== null && isFallbackKey(best.conversationId) ? { ...best, conversationId: rootKey } : best,
  );
  return { messages, duplicates };
}
