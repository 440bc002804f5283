// English strings of mailbox sync: progress and errors shown in the CLI and the tab.
export const SYNC = {
  'sync.error.credentials': 'Microsoft Entra ID refused Tandem’s app credentials ({code}). Check the client id and secret (or certificate) in the configuration.',
  'sync.error.consent': 'Tandem may not read the mailbox {mailbox}: an admin has not granted the app’s Microsoft Graph permissions (admin consent), or an access policy leaves this mailbox out.',
  'sync.error.mailboxNotFound': 'The mailbox {mailbox} does not exist in this Microsoft 365 tenant, or has no Exchange Online licence.',
  'sync.error.token': 'Microsoft Graph did not accept Tandem’s token for {mailbox} ({code}).',
  'sync.error.graph': 'Microsoft Graph answered {status} ({code}) while reading {mailbox}; Tandem will try again on the next sync.',
  'sync.progress.backfill': 'Reading {days, plural, one {the last day} other {the last # days}} of mail: {fetched, plural, one {# message} other {# messages}} so far',
  'sync.progress.incremental': 'Up to date: {stored, plural, one {# new or changed message} other {# new or changed messages}}',
} as const;
