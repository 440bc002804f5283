// Why a sync failed, in words an owner or an admin can act on: the text recorded on the pairing and shown in
// the tab and the CLI, in the pairing's language. The original error stays attached as the cause for the log.
import { AuthError } from '@azure/msal-node';
import { t } from '../i18n/messages.ts';
import { GraphError } from './graph-client.ts';

export type SyncFailureKind = 'credentials' | 'consent' | 'mailboxNotFound' | 'taskSourceNotFound' | 'token' | 'graph';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** The mailbox sync's error as a SyncError when it is one Tandem can explain; anything else is returned as it is. */
export function explainSyncError(error: unknown, mailbox: string, locale = 'en'): unknown {
  if (error instanceof AuthError) {
    return new SyncError('credentials', t(locale, 'sync.error.credentials', { code: error.errorCode }), { cause: error });
  }
  if (!(error instanceof GraphError)) return error;
  const code = error.code ?? String(error.statusCode);
  switch (error.statusCode) {
    case 401:
      return new SyncError('token', t(locale, 'sync.error.token', { mailbox, code }), { cause: error });
    case 403:
      return new SyncError('consent', t(locale, 'sync.error.consent', { mailbox }), { cause: error });
    case 404:
      return new SyncError('mailboxNotFound', t(locale, 'sync.error.mailboxNotFound', { mailbox }), { cause: error });
    default:
      return new SyncError('graph', t(locale, 'sync.error.graph', { mailbox, status: error.statusCode, code }), { cause: error });
  }
}

/**
 * The task sync's error, explained the same way. 403 and 404 are the answers Planner says apps should expect
 * (https://learn.microsoft.com/graph/api/plannerplan-list-tasks, "Response"): the plan was removed, or access to
 * it ended. A To Do list is looked for in each person's account, so its 404 means none of them holds it any
 * more. Either way the owner picks another in the settings; 403 can also be consent withdrawn, which the
 * message names too.
 */
export function explainTaskSyncError(error: unknown, kind: 'planner' | 'todo', locale = 'en'): unknown {
  if (error instanceof AuthError) {
    return new SyncError('credentials', t(locale, 'sync.error.credentials', { code: error.errorCode }), { cause: error });
  }
  if (!(error instanceof GraphError)) return error;
  switch (error.statusCode) {
    case 403:
      return new SyncError('consent', t(locale, 'sync.error.tasks.forbidden', { kind }), { cause: error });
    case 404:
      return new SyncError('taskSourceNotFound', t(locale, 'sync.error.tasks.notFound', { kind }), { cause: error });
    default:
      return new SyncError('graph', t(locale, 'sync.error.tasks.graph', { kind, status: error.statusCode, code: error.code ?? String(error.statusCode) }), { cause: error });
  }
}
