// English strings of mailbox sync: progress and errors shown in the CLI and the tab.
export const SYNC = {
  'sync.error.credentials': 'Microsoft Entra ID refused Tandem’s app credentials ({code}). Check the client id and secret (or certificate) in the configuration.',
  'sync.error.consent': 'Tandem may not read the mailbox {mailbox}: an admin has not granted the app’s Microsoft Graph permissions (admin consent), or an access policy leaves this mailbox out.',
  'sync.error.mailboxNotFound': 'The mailbox {mailbox} does not exist in this Microsoft 365 tenant, or has no Exchange Online licence.',
  'sync.error.token': 'Microsoft Graph did not accept Tandem’s token for {mailbox} ({code}).',
  'sync.error.graph': 'Microsoft Graph answered {status} ({code}) while reading {mailbox}; Tandem will try again on the next sync.',
  'sync.error.tasks.forbidden': 'Tandem may not read the chosen {kind, select, planner {Planner plan} other {To Do list}}: access to it was removed, or an admin withdrew Tandem’s permission to read tasks (Tasks.Read.All). The owner can choose another in the tab’s settings.',
  'sync.error.tasks.notFound': 'The chosen {kind, select, planner {Planner plan} other {To Do list}} no longer exists, or neither the owner nor the VA can see it any more. The owner can choose another in the tab’s settings.',
  'sync.error.tasks.graph': 'Microsoft Graph answered {status} ({code}) while reading the {kind, select, planner {Planner plan} other {To Do list}}; Tandem will try again on the next sync.',
  'sync.progress.backfill': 'Reading {days, plural, one {the last day} other {the last # days}} of mail: {fetched, plural, one {# message} other {# messages}} so far',
  'sync.progress.incremental': 'Up to date: {stored, plural, one {# new or changed message} other {# new or changed messages}}',
} as const;
