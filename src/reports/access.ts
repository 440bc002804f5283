// Who someone is in a pairing: its owner, its VA, or nobody. One rule for the chat, the tab, the pane and
// every action: the person must be signed in to the pairing's tenant and is matched by Entra object id (oid + tid),
// the immutable identifier Entra documents for authorisation; a sign-in name (upn, preferred_username) is mutable
// and never decides (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference, `oid`,
// `preferred_username`). A person whose object id is not stored yet (a pairing made from addresses only) is
// nobody here until the chat set-up or `tandem pairing add --owner-id/--va-id` stores it.
import type { Queryable } from '../store/database.ts';
import { findPairingsNaming, type Pairing, type Person } from '../store/pairings.ts';

export type PairingRole = 'owner' | 'va';

/** Whoever reads or acts: from a validated token (tab, pane) or a Teams activity (chat). */
export interface Actor {
  readonly tenantId: string;
  /** Entra object id. */
  readonly userId: string;
  /** Holds the app role Tandem.Admin in the actor's tenant. */
  readonly admin?: boolean;
}

function isPerson(person: Person, actor: Actor): boolean {
  return person.userId !== null && actor.userId !== '' && person.userId === actor.userId;
}

/** The actor's role in the pairing, or null when they have none. */
export function roleIn(pairing: Pairing, actor: Actor): PairingRole | null {
  if (pairing.tenantId !== actor.tenantId) return null;
  if (isPerson(pairing.owner, actor)) return 'owner';
  if (isPerson(pairing.va, actor)) return 'va';
  return null;
}

/** A tenant admin of the pairing's own tenant (app role Tandem.Admin). */
export function isTenantAdmin(pairing: Pairing, actor: Actor): boolean {
  return actor.admin === true && actor.tenantId === pairing.tenantId;
}

/** The pairings the actor is owner or VA of, with their roles, oldest first. */
export async function pairingsOf(db: Queryable, actor: Actor): Promise<Array<{ pairing: Pairing; role: PairingRole }>> {
  return (await findPairingsNaming(db, actor.tenantId, actor.userId)).flatMap((pairing) => {
    const role = roleIn(pairing, actor);
    return role === null ? [] : [{ pairing, role }];
  });
}
