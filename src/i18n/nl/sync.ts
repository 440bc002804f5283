// Dutch strings of mailbox sync: progress and errors shown in the CLI and the tab.
import type { SYNC as EN } from '../en/sync.ts';
import type { Translation } from '../translation.ts';

export const SYNC = {
  'sync.error.credentials': 'Microsoft Entra ID heeft de app-referenties van Tandem geweigerd ({code}). Controleer de client-id en het geheim (of certificaat) in de configuratie.',
  'sync.error.consent': 'Tandem mag het postvak {mailbox} niet lezen: een beheerder heeft de Microsoft Graph-machtigingen van de app niet verleend (beheerderstoestemming), of een toegangsbeleid sluit dit postvak uit.',
  'sync.error.mailboxNotFound': 'Het postvak {mailbox} bestaat niet in deze Microsoft 365-tenant of heeft geen Exchange Online-licentie.',
  'sync.error.token': 'Microsoft Graph heeft het token van Tandem voor {mailbox} niet geaccepteerd ({code}).',
  'sync.error.graph': 'Microsoft Graph antwoordde {status} ({code}) bij het lezen van {mailbox}; Tandem probeert het bij de volgende synchronisatie opnieuw.',
  'sync.progress.backfill': 'De mail van {days, plural, one {de afgelopen dag} other {de afgelopen # dagen}} wordt gelezen: tot nu toe {fetched, plural, one {# bericht} other {# berichten}}',
  'sync.progress.incremental': 'Bijgewerkt: {stored, plural, one {# nieuw of gewijzigd bericht} other {# nieuwe of gewijzigde berichten}}',
} as const satisfies Translation<typeof EN>;
