// Who someone is in a pairing: its owner, its VA, or nobody. One rule for the chat, the tab, the pane and
// every action: the person must be signed in to the pairing's tenant, and is matched by Entra object id when
// the pairing stores one, else by sign-in name against the person's addresses.
import type { Queryable } from '../store/database.ts';
import { findPairingsNaming, type Pairing, type Person } from '../store/pairings.ts';

export type PairingRole = 'owner' | 'va';

/** Whoever reads or acts: from a validated token (tab, pane) or a Teams activity (chat). */
export interface Actor {
  readonly tenantId: string;
  /** Entra object id. */
  readonly userId: string;
  /** Lower-cased sign-in name, when the surface knows it (tokens do, chat activities do not). */
  readonly signInName?: string | null;
  /** Holds the app role Tandem.Admin in the actor's tenant. */
  readonly admin?: boolean;
}

function isPerson(person: Person, actor: Actor): boolean {
  if (person.userId !== null) return person.userId === actor.userId;
  const name = actor.signInName ?? null;
  return name !== null && (person.address === name || person.aliases.includes(name));
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
  return (await findPairingsNaming(db, actor.tenantId, actor.userId, actor.signInName ?? null)).flatMap((pairing) => {
    const role = roleIn(pairing, actor);
    return role === null ? [] : [{ pairing, role }];
  });
}
