// The API's request context: the authenticated user, and for pairing routes the pairing and the caller's role.
import type { Context, MiddlewareHandler } from 'hono';
import type { ActionContext } from '../actions/action.ts';
import type { Logger } from '../log.ts';
import type { ChangeFeed } from '../ports/changes.ts';
import type { Clock } from '../ports/clock.ts';
import type { TaskChoices } from '../ports/tasks.ts';
import { roleIn, type Actor, type PairingRole } from '../reports/access.ts';
import type { Reports } from '../reports/reports.ts';
import type { Database } from '../store/database.ts';
import type { Pairing } from '../store/pairings.ts';
import type { AuthenticatedUser, TokenValidator } from '../auth/token-validator.ts';
import { HttpError } from './http-error.ts';

export interface ApiDependencies {
  readonly db: Database;
  readonly validateToken: TokenValidator;
  readonly clock: Clock;
  readonly log: Logger;
  /** The read models and change feed the whole instance shares (the composition root builds them). */
  readonly reports: Reports;
  readonly changes: ChangeFeed;
  /** The Planner plans and To Do lists a pairing may choose; absent: only "none" (no task source here). */
  readonly taskChoices?: TaskChoices;
}

/** What the routes use: the dependencies and the context actions run in. */
export interface RouteDependencies extends ApiDependencies {
  readonly actions: ActionContext;
}

export type ApiEnv = { Variables: { user: AuthenticatedUser; pairing: Pairing; role: PairingRole } };
export type ApiContext = Context<ApiEnv>;

/** The person a validated token names, as actions and read models know people. */
export function actorOf(user: AuthenticatedUser): Actor {
  return { tenantId: user.tid, userId: user.oid, admin: user.admin };
}

/**
 * 401 without a valid token, 403 for a valid one without Tandem's scope (RFC 6750 §3.1: invalid_token,
 * insufficient_scope); the reason is logged by the validator, the caller learns only that it failed.
 */
export function authenticate(validateToken: TokenValidator): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const result = await validateToken(c.req.header('authorization'));
    if (!result.ok && result.step === 'scope') {
      c.header('WWW-Authenticate', 'Bearer error="insufficient_scope"');
      throw new HttpError(403, 'insufficient_scope', 'The access token does not grant Tandem\'s access_as_user permission.');
    }
    if (!result.ok) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new HttpError(401, 'unauthenticated', 'Sign in again: the access token is missing or not valid.');
    }
    c.set('user', result.user);
    await next();
  };
}

/** 403 unless the caller is the owner or the VA of `:pairingId` (an unknown id looks the same, so ids cannot be probed). */
export function pairingAccess(reports: Reports): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const pairing = await reports.pairing(c.req.param('pairingId') ?? '');
    const role = pairing === null ? null : roleIn(pairing, actorOf(c.get('user')));
    if (pairing === null || role === null) throw new HttpError(403, 'forbidden', 'Only the owner and the VA of this pairing can see it.');
    c.set('pairing', pairing);
    c.set('role', role);
    await next();
  };
}
