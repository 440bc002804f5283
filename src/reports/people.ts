// How surfaces name the owner and the VA: by the display name Teams showed, the address only until it has shown
// one (issue #20: people expect names; an address is shown only where the address is the point).
import type { Person } from '../store/pairings.ts';

/** Someone a chat post names, and the id Teams can @mention them by. */
export interface NamedPerson {
  readonly name: string;
  /**
   * Their Teams user id (`29:…`) or, before the chat has shown it, their Entra object id: Teams accepts either in
   * a card's mention entity ("Microsoft Entra Object ID and UPN in user mention",
   * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards).
   * Null: named, not mentioned.
   */
  readonly mentionId: string | null;
}

export function displayName(person: Person): string {
  return person.name ?? person.address;
}

export function namedPerson(person: Person): NamedPerson {
  return { name: displayName(person), mentionId: person.mri ?? person.userId };
}
