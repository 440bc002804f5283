// The task sources a pairing may choose, for the tab's settings and the set-up card: the Planner plans and To Do
// lists of its owner and its VA (src/ports/tasks.ts). A deployment without a task source offers none, said the
// same way as Graph being out of reach, so a picker always has "none" and a reason for having nothing else.
import type { TaskChoiceList, TaskChoices, TaskChoicesFailure, TaskChoicesRequest } from '../ports/tasks.ts';
import type { Pairing } from '../store/pairings.ts';

const NOTHING_TO_LIST: TaskChoiceList = { choices: [], failure: 'unavailable' };

/** The people whose plans and lists a pairing offers, as Graph names them (Entra object id, else the address). */
export function taskChoicesRequest(pairing: Pairing): TaskChoicesRequest {
  return { owner: pairing.owner.userId ?? pairing.owner.address, va: pairing.va.userId ?? pairing.va.address };
}

export async function listTaskChoices(port: TaskChoices | undefined, request: TaskChoicesRequest): Promise<TaskChoiceList> {
  return port === undefined ? NOTHING_TO_LIST : port.list(request);
}

/**
 * Whether `source` may be chosen for these people: "none" always; a plan or list only when it is one of theirs
 * now. Tandem's Tasks.Read.All reaches every plan and list in the tenant, so a source is never taken on trust:
 * an id typed or kept from elsewhere would make Tandem read tasks neither person can see.
 */
export async function checkTaskSource(port: TaskChoices | undefined, request: TaskChoicesRequest, source: string): Promise<'allowed' | 'notOffered' | TaskChoicesFailure> {
  if (source === 'none') return 'allowed';
  const listed = await listTaskChoices(port, request);
  if (listed.failure !== null) return listed.failure;
  return listed.choices.some((choice) => choice.source === source) ? 'allowed' : 'notOffered';
}
