// The API's request context: the authenticated user, and for pairing routes the pairing and the caller's role.
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../jobs/ports.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import type { Pairing } from '../store/pairings.ts';
import { roleIn, type PairingRole } from './access.ts';
import type { AuthenticatedUser, TokenValidator } from './auth/token-validator.ts';
import { HttpError } from './http-error.ts';
import type { KpiReads } from './kpi-reads.ts';

export interface ApiDependencies {
  readonly db: Database;
  readonly validateToken: TokenValidator;
  readonly clock: Clock;
  readonly log: Logger;
}

/** What the routes use: the dependencies and the (cached) KPI reads over the same database. */
export interface RouteDependencies extends ApiDependencies {
  readonly reads: KpiReads;
}

export type ApiEnv = { Variables: { user: AuthenticatedUser; pairing: Pairing; role: PairingRole } };
export type ApiContext = Context<ApiEnv>;

/** 401 without a valid token; the reason is logged by the validator, the caller learns only that it failed. */
export function authenticate(validateToken: TokenValidator): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const result = await validateToken(c.req.header('authorization'));
    if (!result.ok) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new HttpError(401, 'unauthenticated', 'Sign in again: the access token is missing or not valid.');
    }
    c.set('user', result.user);
    await next();
  };
}

/** 403 unless the caller is the owner or the VA of `:pairingId` (an unknown id looks the same, so ids cannot be probed). */
export function pairingAccess(reads: KpiReads): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const pairing = await reads.pairing(c.req.param('pairingId') ?? '');
    const role = pairing === null ? null : roleIn(pairing, c.get('user'));
    if (pairing === null || role === null) throw new HttpError(403, 'forbidden', 'Only the owner and the VA of this pairing can see it.');
    c.set('pairing', pairing);
    c.set('role', role);
    await next();
  };
}

/** Throws 403 unless the caller has `role` in the pairing. */
export function requireRole(c: ApiContext, role: PairingRole, what: string): void {
  if (c.get('role') !== role) throw new HttpError(403, 'forbidden', `Only the ${role === 'owner' ? 'owner' : 'VA'} can ${what}.`);
}
