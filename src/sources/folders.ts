// Mail folder names (file trees, mbox names, Graph well-known names, Gmail labels) → the spec's FolderKind.
import type { FolderKind } from '../kpi/message.ts';

const FOLDER_NAMES: ReadonlyMap<string, FolderKind> = new Map<string, FolderKind>([
  ['inbox', 'inbox'],
  ['sentitems', 'sentitems'],
  ['sent', 'sentitems'],
  ['sent_items', 'sentitems'],
  ['sent items', 'sentitems'],
  ['_sent_mail', 'sentitems'],
  ['sent_mail', 'sentitems'],
  ['sent mail', 'sentitems'],
  ['sent messages', 'sentitems'],
  ['drafts', 'drafts'],
  // Gmail's label for drafts is singular.
  ['draft', 'drafts'],
  ['outbox', 'outbox'],
  ['junkemail', 'junkemail'],
  ['junk', 'junkemail'],
  ['junk_e-mail', 'junkemail'],
  ['junk e-mail', 'junkemail'],
  ['spam', 'junkemail'],
  ['deleteditems', 'deleteditems'],
  ['deleted_items', 'deleteditems'],
  ['deleted items', 'deleteditems'],
  ['trash', 'deleteditems'],
  ['archive', 'archive'],
]);

/** Maildir's delivery sub-directories: they hold a folder's messages but are not folders themselves. */
export const MAILDIR_SUBDIRS: ReadonlySet<string> = new Set(['cur', 'new', 'tmp']);

/** The FolderKind a folder name stands for, case-insensitively; unknown names are `other`. */
export function folderKindFromName(name: string): FolderKind {
  const key = name.trim().replace(/^\./, '').toLowerCase();
  return FOLDER_NAMES.get(key) ?? 'other';
}

/**
 * Which copy of a message stored in several folders to keep, most telling first: a sent copy makes the
 * message outbound, and junk or deleted copies say the least about how the message arrived.
 */
const FOLDER_PRIORITY: readonly FolderKind[] = [
  'sentitems',
  'drafts',
  'outbox',
  'inbox',
  'archive',
  'other',
  'deleteditems',
  'junkemail',
];

/** Lower is more telling. */
export function folderRank(kind: FolderKind): number {
  return FOLDER_PRIORITY.indexOf(kind);
}

/** The most telling of several folders (e.g. Gmail labels), `other` when there are none. */
export function mostTellingFolder(kinds: Iterable<FolderKind>): FolderKind {
  let best: FolderKind = 'other';
  let bestRank = Number.POSITIVE_INFINITY;
  for (const kind of kinds) {
    const rank = folderRank(kind);
    if (rank < bestRank) {
      best = kind;
      bestRank = rank;
    }
  }
  return best;
}
