// The measured mailbox's Outlook language as the last sync read it (the chat follows it until the owner
// chooses one), and whether that mailbox is the owner's own, so the tab knows whose language it names.
import type { Queryable } from '../store/database.ts';
import { addressesOf, type Pairing } from '../store/pairings.ts';
import { readMailboxLocale } from '../store/sync-state.ts';

export function mailboxLanguage(db: Queryable, pairingId: string): Promise<string | null> {
  return readMailboxLocale(db, pairingId);
}

/** The measured mailbox's address when it is not the owner's own (a shared mailbox): its Outlook language is then not "yours". */
export function sharedMailbox(pairing: Pairing): string | null {
  return pairing.mailboxApproval === 'own' || addressesOf(pairing.owner).includes(pairing.mailbox) ? null : pairing.mailbox;
}
