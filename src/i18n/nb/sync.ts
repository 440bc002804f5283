// Norwegian Bokmål strings of mailbox sync: progress and errors shown in the CLI and the tab.
import type { SYNC as EN } from '../en/sync.ts';
import type { Translation } from '../translation.ts';

export const SYNC = {
  'sync.error.credentials': 'Microsoft Entra ID avviste Tandems app-legitimasjon ({code}). Kontroller klient-ID og hemmelighet (eller sertifikat) i konfigurasjonen.',
  'sync.error.consent': 'Tandem har ikke lov til å lese postboksen {mailbox}: en administrator har ikke gitt appen Microsoft Graph-tillatelsene (administratorsamtykke), eller en tilgangspolicy utelater denne postboksen.',
  'sync.error.mailboxNotFound': 'Postboksen {mailbox} finnes ikke i denne Microsoft 365-leieren, eller den har ingen Exchange Online-lisens.',
  'sync.error.token': 'Microsoft Graph godtok ikke Tandems token for {mailbox} ({code}).',
  'sync.error.graph': 'Microsoft Graph svarte {status} ({code}) under lesing av {mailbox}; Tandem prøver igjen ved neste synkronisering.',
  'sync.error.tasks.forbidden': 'Tandem har ikke lov til å lese {kind, select, planner {den valgte Planner-planen} other {den valgte To Do-listen}}: tilgangen er fjernet, eller en administrator har trukket tilbake Tandems tillatelse til å lese oppgaver (Tasks.Read.All). Eieren kan velge en annen i innstillingene i fanen.',
  'sync.error.tasks.notFound': '{kind, select, planner {Den valgte Planner-planen} other {Den valgte To Do-listen}} finnes ikke lenger, eller verken eieren eller VA-en kan se den. Eieren kan velge en annen i innstillingene i fanen.',
  'sync.error.tasks.graph': 'Microsoft Graph svarte {status} ({code}) under lesing av {kind, select, planner {Planner-planen} other {To Do-listen}}; Tandem prøver igjen ved neste synkronisering.',
  'sync.progress.backfill': 'Leser e-post fra {days, plural, one {den siste dagen} other {de siste # dagene}}: {fetched, plural, one {# melding} other {# meldinger}} så langt',
  'sync.progress.incremental': 'Oppdatert: {stored, plural, one {# ny eller endret melding} other {# nye eller endrede meldinger}}',
} as const satisfies Translation<typeof EN>;
