// Dutch strings of mailbox sync: progress and errors shown in the CLI and the tab.
import type { SYNC as EN } from '../en/sync.ts';
import type { Translation } from '../translation.ts';

export const SYNC = {
  'sync.error.credentials': 'Microsoft Entra ID heeft de app-referenties van Tandem geweigerd ({code}). Controleer de client-id en het geheim (of certificaat) in de configuratie.',
  'sync.error.consent': 'Tandem mag het postvak {mailbox} niet lezen: een beheerder heeft de Microsoft Graph-machtigingen van de app niet verleend (beheerderstoestemming), of een toegangsbeleid sluit dit postvak uit.',
  'sync.error.mailboxNotFound': 'Het postvak {mailbox} bestaat niet in deze Microsoft 365-tenant of heeft geen Exchange Online-licentie.',
  'sync.error.token': 'Microsoft Graph heeft het token van Tandem voor {mailbox} niet geaccepteerd ({code}).',
  'sync.error.graph': 'Microsoft Graph antwoordde {status} ({code}) bij het lezen van {mailbox}; Tandem probeert het bij de volgende synchronisatie opnieuw.',
  'sync.error.tasks.forbidden': 'Tandem mag {kind, select, planner {het gekozen Planner-plan} other {de gekozen To Do-lijst}} niet lezen: de toegang is ingetrokken, of een beheerder heeft de machtiging van Tandem om taken te lezen (Tasks.Read.All) ingetrokken. De eigenaar kan in de instellingen van het tabblad een ander kiezen.',
  'sync.error.tasks.notFound': '{kind, select, planner {Het gekozen Planner-plan} other {De gekozen To Do-lijst}} bestaat niet meer, of de eigenaar en de VA hebben er geen toegang meer toe. De eigenaar kan in de instellingen van het tabblad een ander kiezen.',
  'sync.error.tasks.graph': 'Microsoft Graph antwoordde {status} ({code}) bij het lezen van {kind, select, planner {het Planner-plan} other {de To Do-lijst}}; Tandem probeert het opnieuw bij de volgende synchronisatie.',
  'sync.progress.backfill': 'De mail van {days, plural, one {de afgelopen dag} other {de afgelopen # dagen}} wordt gelezen: tot nu toe {fetched, plural, one {# bericht} other {# berichten}}',
  'sync.progress.incremental': 'Bijgewerkt: {stored, plural, one {# nieuw of gewijzigd bericht} other {# nieuwe of gewijzigde berichten}}',
} as const satisfies Translation<typeof EN>;
