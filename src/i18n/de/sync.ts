// German strings of mailbox sync: progress and errors shown in the CLI and the tab.
import type { SYNC as EN } from '../en/sync.ts';
import type { Translation } from '../translation.ts';

export const SYNC = {
  'sync.error.credentials': 'Microsoft Entra ID hat die App-Anmeldedaten von Tandem abgelehnt ({code}). Prüfen Sie Client-ID und geheimen Schlüssel (oder Zertifikat) in der Konfiguration.',
  'sync.error.consent': 'Tandem darf das Postfach {mailbox} nicht lesen: Ein Administrator hat die Microsoft Graph-Berechtigungen der App nicht erteilt (Administratorzustimmung), oder eine Zugriffsrichtlinie schließt dieses Postfach aus.',
  'sync.error.mailboxNotFound': 'Das Postfach {mailbox} gibt es in diesem Microsoft 365-Mandanten nicht, oder es hat keine Exchange Online-Lizenz.',
  'sync.error.token': 'Microsoft Graph hat das Token von Tandem für {mailbox} nicht akzeptiert ({code}).',
  'sync.error.graph': 'Microsoft Graph hat beim Lesen von {mailbox} mit {status} ({code}) geantwortet; Tandem versucht es bei der nächsten Synchronisierung erneut.',
  'sync.error.tasks.forbidden': 'Tandem darf {kind, select, planner {den gewählten Planner-Plan} other {die gewählte To Do-Liste}} nicht lesen: Der Zugriff wurde entfernt, oder ein Administrator hat Tandem die Berechtigung zum Lesen von Aufgaben (Tasks.Read.All) entzogen. In den Einstellungen der Registerkarte kann ein anderer Plan oder eine andere Liste gewählt werden.',
  'sync.error.tasks.notFound': '{kind, select, planner {Den gewählten Planner-Plan} other {Die gewählte To Do-Liste}} gibt es nicht mehr, oder weder die Inhaberseite noch die VA kann {kind, select, planner {ihn} other {sie}} noch sehen. In den Einstellungen der Registerkarte kann ein anderer Plan oder eine andere Liste gewählt werden.',
  'sync.error.tasks.graph': 'Microsoft Graph hat beim Lesen {kind, select, planner {des Planner-Plans} other {der To Do-Liste}} mit {status} ({code}) geantwortet; Tandem versucht es bei der nächsten Synchronisierung erneut.',
  'sync.progress.backfill': 'E-Mails {days, plural, one {des letzten Tages} other {der letzten # Tage}} werden gelesen: bisher {fetched, plural, one {# Nachricht} other {# Nachrichten}}',
  'sync.progress.incremental': 'Aktuell: {stored, plural, one {# neue oder geänderte Nachricht} other {# neue oder geänderte Nachrichten}}',
} as const satisfies Translation<typeof EN>;
