// Which pairing a chat turn is about: the group chat's own pairing, or the pairings someone is in (for a
// personal chat with the bot).
import type { Queryable } from '../store/database.ts';
import { findPairingByConversation, findPairingsByUser, type Pairing } from '../store/pairings.ts';

/** The active pairing of this Teams conversation, or with `stopped` the latest stopped one, or null. */
export function pairingOfChat(db: Queryable, conversationId: string, state: 'active' | 'stopped' = 'active'): Promise<Pairing | null> {
  return findPairingByConversation(db, conversationId, state);
}

/** Active pairings in which this Entra user is the owner or the VA, oldest first. */
export function pairingsOfUser(db: Queryable, userId: string): Promise<Pairing[]> {
  return findPairingsByUser(db, userId);
}
