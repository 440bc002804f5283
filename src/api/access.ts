// Who may see a pairing: only its owner and its VA, signed in to the pairing's tenant. Matched by Entra
// object id when the pairing stores one, else by sign-in name against the person's addresses.
import type { Pairing, Person } from '../store/pairings.ts';
import type { AuthenticatedUser } from './auth/token-validator.ts';

export type PairingRole = 'owner' | 'va';

function isPerson(person: Person, user: AuthenticatedUser): boolean {
  if (person.userId !== null) return person.userId === user.oid;
  return person.address === user.upn || person.aliases.includes(user.upn);
}

/** The user's role in the pairing, or null when they have none (→ 403). */
export function roleIn(pairing: Pairing, user: AuthenticatedUser): PairingRole | null {
  if (pairing.tenantId !== user.tid) return null;
  if (isPerson(pairing.owner, user)) return 'owner';
  if (isPerson(pairing.va, user)) return 'va';
  return null;
}
