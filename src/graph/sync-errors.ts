// Why a mailbox sync failed, in words an owner or an admin can act on: the text recorded on the pairing and
// shown in the tab and the CLI. The original error stays attached as the cause for the log.
import { AuthError } from '@azure/msal-node';
import { t } from '../i18n/messages.ts';
import { GraphError } from './graph-client.ts';

export type SyncFailureKind = 'credentials' | 'consent' | 'mailboxNotFound' | 'token' | 'graph';

export class MailboxSyncError extends Error {
  override readonly name = 'MailboxSyncError';
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** The error as a MailboxSyncError when it is one Tandem can explain; anything else is returned as it is. */
export function explainSyncError(error: unknown, mailbox: string, locale = 'en'): unknown {
  if (error instanceof AuthError) {
    return new MailboxSyncError('credentials', t(locale, 'sync.error.credentials', { code: error.errorCode }), { cause: error });
  }
  if (!(error instanceof GraphError)) return error;
  const code = error.code ?? String(error.statusCode);
  switch (error.statusCode) {
    case 401:
      return new MailboxSyncError('token', t(locale, 'sync.error.token', { mailbox, code }), { cause: error });
    case 403:
      return new MailboxSyncError('consent', t(locale, 'sync.error.consent', { mailbox }), { cause: error });
    case 404:
      return new MailboxSyncError('mailboxNotFound', t(locale, 'sync.error.mailboxNotFound', { mailbox }), { cause: error });
    default:
      return new MailboxSyncError('graph', t(locale, 'sync.error.graph', { mailbox, status: error.statusCode, code }), { cause: error });
  }
}
