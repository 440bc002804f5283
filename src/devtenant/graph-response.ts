// Graph's error answers and the scope checks every dev Graph route shares: one error body shape
// (`{ error: { code, message, innerError } }`) and the application permissions each read or write needs.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';

/** An answer a route refuses with, in Graph's terms. */
export interface GraphFailure {
  readonly status: 400 | 401 | 403 | 404 | 410 | 413 | 429 | 500 | 503 | 504;
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the token check leaves for the routes: the app's roles and its client id. */
export type GraphEnv = { Variables: { roles: string[]; appId: string } };

/** Graph's error body, with the innerError Graph adds to every error. */
export function graphError(c: Context, failure: GraphFailure) {
  const requestId = randomUUID();
  for (const [name, value] of Object.entries(failure.headers ?? {})) c.header(name, value);
  c.header('request-id', requestId);
  return c.json(
    {
      error: {
        code: failure.code,
        message: failure.message,
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': c.req.header('client-request-id') ?? requestId },
      },
    },
    failure.status,
  );
}

/** Application permissions that allow each operation (any one of them), least privileged first. */
export const ROLES = {
  mailRead: ['Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'],
  /** Bodies, previews and headers: everything but Mail.ReadBasic.All. */
  mailContent: ['Mail.Read', 'Mail.ReadWrite'],
  mailSend: ['Mail.Send'],
  /** Create message (a draft): https://learn.microsoft.com/graph/api/user-post-messages. */
  mailWrite: ['Mail.ReadWrite'],
  mailboxSettings: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  domains: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All'],
  organization: ['Organization.Read.All', 'Directory.Read.All', 'Organization.ReadWrite.All', 'Directory.ReadWrite.All'],
  /** GET /users/{id}: https://learn.microsoft.com/graph/api/user-get (application: User.Read.All is the least privileged). */
  users: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** GET /users/{id}/transitiveMemberOf: https://learn.microsoft.com/graph/api/user-list-transitivememberof (application: User.Read.All). */
  memberOf: ['User.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Group.Read.All', 'GroupMember.Read.All'],
  /** What lets that list show a group's properties; without one, only its id and type ("limited information", same page). */
  groupProperties: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
} as const;

export const ACCESS_DENIED: GraphFailure = { status: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' };
export const USER_NOT_FOUND: GraphFailure = { status: 404, code: 'ResourceNotFound', message: 'Resource could not be discovered.' };
export const ITEM_NOT_FOUND: GraphFailure = { status: 404, code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' };

export function hasRole(c: Context<GraphEnv>, allowed: readonly string[]): boolean {
  return c.get('roles').some((role) => allowed.includes(role));
}

/** The `Prefer` preferences of a request, lower-cased names (`idtype`, `odata.maxpagesize`). */
export function preferences(c: Context): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (c.req.header('prefer') ?? '').split(',')) {
    const [name, ...value] = part.split('=');
    if (name?.trim()) found.set(name.trim().toLowerCase(), value.join('=').trim().replace(/^"|"$/g, ''));
  }
  return found;
}

/** Whether the request asked for immutable ids; says so in `Preference-Applied`, as Graph does. */
export function immutableIds(c: Context): boolean {
  const wanted = preferences(c).get('idtype')?.toLowerCase() === 'immutableid';
  if (wanted) c.header('Preference-Applied', 'IdType="ImmutableId"', { append: true });
  return wanted;
}

/** `$select` on a plain resource: only the named properties, plus its id. */
export function selectProperties(json: Record<string, unknown>, select: string | undefined): Record<string, unknown> {
  if (!select) return json;
  const names = new Set(['id', ...select.split(',').map((name) => name.trim())]);
  return Object.fromEntries(Object.entries(json).filter(([name]) => names.has(name)));
}
