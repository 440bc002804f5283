// What a complete sync of a seeded mailbox has seen by an instant: every delivered message in its latest
// folder with its latest categories. Permanently deleted messages stay (marked), because Tandem synced them
// before they went; the spec counts them like any other handled message.
import type { DevMessage, TenantSeed, TimelineEvent } from '../tenant-seed.ts';

export interface SyncedMessage {
  readonly message: DevMessage;
  readonly folder: string;
  readonly categories: readonly string[];
  /** When it was permanently deleted, or null. */
  readonly deletedAt: number | null;
}

/** The mailbox `mailbox` (a user id) after applying every event with `at` ≤ `until`, in delivery order. */
export function replayMailbox(seed: TenantSeed, mailbox: string, until: number = seed.end): SyncedMessage[] {
  return replayEvents(seed.events, mailbox, until);
}

/** The Inbox's item count at an instant (what the inbox-zero snapshot reads): hard-deleted mail is gone. */
export function inboxCountAt(seed: TenantSeed, mailbox: string, at: number): number {
  return replayMailbox(seed, mailbox, at).filter((entry) => entry.folder === 'inbox' && entry.deletedAt === null).length;
}

/** `replayMailbox` over a list of events sorted by `at`. */
export function replayEvents(events: readonly TimelineEvent[], mailbox: string, until: number): SyncedMessage[] {
  const state = new Map<string, { message: DevMessage; folder: string; categories: readonly string[]; deletedAt: number | null }>();
  const known = (id: string) => {
    const entry = state.get(id);
    if (entry === undefined) throw new RangeError(`event for a message never delivered: ${id}`);
    return entry;
  };
  for (const event of events) {
    if (event.at > until) break;
    if (event.mailbox !== mailbox) continue;
    switch (event.kind) {
      case 'deliver':
        state.set(event.message.id, { message: event.message, folder: event.message.folder, categories: event.message.categories, deletedAt: null });
        break;
      case 'move':
        known(event.messageId).folder = event.folder;
        break;
      case 'categorize':
        known(event.messageId).categories = event.categories;
        break;
      case 'delete':
        known(event.messageId).deletedAt = event.at;
        break;
      case 'automaticReplies':
        break;
    }
  }
  return [...state.values()];
}
