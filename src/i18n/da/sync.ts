// Danish strings of mailbox sync: progress and errors shown in the CLI and the tab.
import type { SYNC as EN } from '../en/sync.ts';
import type { Translation } from '../translation.ts';

export const SYNC = {
  'sync.error.credentials': 'Microsoft Entra ID afviste Tandems app-legitimationsoplysninger ({code}). Tjek klient-id og hemmelighed (eller certifikat) i konfigurationen.',
  'sync.error.consent': 'Tandem må ikke læse postkassen {mailbox}: en administrator har ikke givet appen dens Microsoft Graph-tilladelser (administratorsamtykke), eller en adgangspolitik udelukker denne postkasse.',
  'sync.error.mailboxNotFound': 'Postkassen {mailbox} findes ikke i denne Microsoft 365-lejer eller har ingen Exchange Online-licens.',
  'sync.error.token': 'Microsoft Graph accepterede ikke Tandems token for {mailbox} ({code}).',
  'sync.error.graph': 'Microsoft Graph svarede {status} ({code}) under læsning af {mailbox}; Tandem prøver igen ved næste synkronisering.',
  'sync.error.tasks.forbidden': 'Tandem må ikke læse {kind, select, planner {den valgte Planner-plan} other {den valgte To Do-liste}}: adgangen til den er fjernet, eller en administrator har trukket Tandems tilladelse til at læse opgaver (Tasks.Read.All) tilbage. Ejeren kan vælge en anden i fanens indstillinger.',
  'sync.error.tasks.notFound': '{kind, select, planner {Den valgte Planner-plan} other {Den valgte To Do-liste}} findes ikke længere, eller hverken ejeren eller VA’en kan se den. Ejeren kan vælge en anden i fanens indstillinger.',
  'sync.error.tasks.graph': 'Microsoft Graph svarede {status} ({code}) under læsning af {kind, select, planner {Planner-planen} other {To Do-listen}}; Tandem prøver igen ved næste synkronisering.',
  'sync.progress.backfill': 'Læser mails fra {days, plural, one {den seneste dag} other {de seneste # dage}}: {fetched, plural, one {# mail} other {# mails}} indtil videre',
  'sync.progress.incremental': 'Opdateret: {stored, plural, one {# ny eller ændret mail} other {# nye eller ændrede mails}}',
} as const satisfies Translation<typeof EN>;
