// The measured mailbox's Outlook language as the last sync read it (the chat follows it until the owner
// chooses one).
import type { Queryable } from '../store/database.ts';
import { readMailboxLocale } from '../store/sync-state.ts';

export function mailboxLanguage(db: Queryable, pairingId: string): Promise<string | null> {
  return readMailboxLocale(db, pairingId);
}
