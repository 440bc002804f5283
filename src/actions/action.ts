// How every command is shaped: one zod input, one authorisation rule (who may do it, in the pairing's tenant),
// the change itself with its one audit line (written by the repository in the same transaction), and one
// announcement on the change feed so every instance's read models drop the pairing. The chat, the tab and
// the Outlook pane call the same actions; they only translate the ActionError into their own words.
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { ChangeFeed } from '../ports/changes.ts';
import type { Clock } from '../ports/clock.ts';
import type { TaskChoices } from '../ports/tasks.ts';
import { isTenantAdmin, roleIn, type Actor, type PairingRole } from '../reports/access.ts';
import type { Queryable } from '../store/database.ts';
import { getPairing, type Pairing } from '../store/pairings.ts';

export interface ActionContext {
  readonly db: Queryable;
  readonly changes: ChangeFeed;
  readonly clock: Clock;
  readonly log: Logger;
  /** The plans and lists a pairing may take its tasks from; without it only taskSource "none" can be chosen. */
  readonly taskChoices?: TaskChoices;
}

/** Who may run an action on a pairing. */
export type Rule =
  /** The owner or the VA. */
  | 'member'
  | 'owner'
  /** The owner, or an admin of the pairing's tenant (app role Tandem.Admin). */
  | 'ownerOrAdmin'
  /** An admin of the pairing's tenant only. */
  | 'admin';

export type ActionProblem = 'forbidden' | 'invalid' | 'notFound';

/** Why an action did not happen; `code` names the reason for a surface to word it, `field` the input at fault. */
export class ActionError extends Error {
  override readonly name = 'ActionError';
  constructor(
    readonly problem: ActionProblem,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Who did it, as the audit log names them. */
export type ActingAs = PairingRole | 'admin';

export interface Target {
  readonly pairing: Pairing;
  readonly actor: Actor;
  /** The actor's role; an admin acting on a pairing they are not in is 'admin'. */
  readonly as: ActingAs;
}

export interface ActionSpec<Input, Output> {
  readonly name: string;
  readonly input: z.ZodType<Input>;
  readonly who: Rule;
  run(ctx: ActionContext, target: Target, input: Input): Promise<Output>;
}

export interface Action<Output> {
  (ctx: ActionContext, actor: Actor, pairingId: string, input: unknown): Promise<Output>;
  /** The authorisation step alone, for a surface that must refuse before it asks for more (a confirmation). */
  authorise(ctx: ActionContext, actor: Actor, pairingId: string): Promise<Target>;
}

const RULE_TEXT: Record<Rule, string> = {
  member: 'Only the owner and the VA of this pairing can do that.',
  owner: 'Only the owner of this pairing can do that.',
  ownerOrAdmin: 'Only the owner of this pairing or an admin of its tenant can do that.',
  admin: 'Only an admin of this pairing\'s tenant (app role Tandem.Admin) can do that.',
};

function authorise(rule: Rule, pairing: Pairing, actor: Actor): ActingAs | null {
  if (rule === 'admin') return isTenantAdmin(pairing, actor) ? 'admin' : null;
  const role = roleIn(pairing, actor);
  if (rule === 'member') return role;
  if (role === 'owner') return 'owner';
  return rule === 'ownerOrAdmin' && isTenantAdmin(pairing, actor) ? 'admin' : null;
}

/** The zod issues of a refused input as one ActionError naming the first field at fault. */
export function invalidInput(error: z.ZodError): ActionError {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
  return new ActionError('invalid', 'invalid', error.issues.map((each) => `${each.path.length > 0 ? each.path.join('.') : 'input'}: ${each.message}`).join('; '), field);
}

export function defineAction<Input, Output>(spec: ActionSpec<Input, Output>): Action<Output> {
  const target = async (ctx: ActionContext, actor: Actor, pairingId: string): Promise<Target> => {
    const pairing = await getPairing(ctx.db, pairingId);
    const as = pairing === null ? null : authorise(spec.who, pairing, actor);
    // An unknown pairing looks the same as someone else's, so ids cannot be probed.
    if (pairing === null || as === null) throw new ActionError('forbidden', `${spec.who}Only`, RULE_TEXT[spec.who]);
    return { pairing, actor, as };
  };
  const action = async (ctx: ActionContext, actor: Actor, pairingId: string, raw: unknown): Promise<Output> => {
    const allowed = await target(ctx, actor, pairingId);
    const input = spec.input.safeParse(raw);
    if (!input.success) throw invalidInput(input.error);
    const output = await spec.run(ctx, allowed, input.data);
    await ctx.changes.announce(allowed.pairing.id);
    ctx.log.info('action', { action: spec.name, pairingId: allowed.pairing.id, by: allowed.as });
    return output;
  };
  return Object.assign(action, { authorise: target });
}
