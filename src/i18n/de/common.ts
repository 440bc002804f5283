// German strings shared by every surface (durations, placeholders).
import type { COMMON as EN } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const COMMON = {
  'duration.minutes': '{minutes} Min.',
  'duration.hours': '{hours} Std. {minutes} Min.',
  'duration.long.minutes': '{minutes, plural, one {# Minute} other {# Minuten}}',
  'duration.long.hours': '{hours, plural, one {# Stunde} other {# Stunden}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# Stunde} other {# Stunden}} und {minutes, plural, one {# Minute} other {# Minuten}}',
  'manifest.name.full': 'Tandem: faire Postfachziele für Inhaber und ihre VA',
  'manifest.description.short': 'Faire, messbare E-Mail-Ziele für Inhaber und ihre VA.',
  'manifest.description.full': 'Tandem misst, wie eine virtuelle Assistenz (VA) und der Inhaber eines Unternehmens gemeinsam sein Postfach betreuen: den Anteil der E-Mails, die rechtzeitig beantwortet werden, innerhalb der vereinbarten Stunden (zum Beispiel 90 % innerhalb von 24 Stunden), und einen leeren Posteingang jeden Freitag. Jeden Montag postet Tandem den Wochenbericht im Chat zwischen Inhaber und VA und schickt eine Zusammenfassung per E-Mail; beide Seiten geben kurzes schriftliches Feedback, und eine Registerkarte zeigt den Verlauf, die E-Mails, die noch auf Antwort warten, und die Einstellungen. Tandem liest nur Metadaten von Nachrichten (Absender, Empfänger, Zeiten, Ordner, Betreff), nie den Inhalt, und jede Zahl folgt einer veröffentlichten Definition, sodass beide dieselben Zahlen sehen.',
  'manifest.tab.kpi': 'Kennzahlen',
  'manifest.command.scorecard': 'Der Wochenbericht bis jetzt; „{last}“ für die letzte Woche',
  'manifest.command.waiting': 'E-Mails, die noch auf Antwort warten, älteste zuerst, mit der verbleibenden Zeit',
  'manifest.command.feedback': 'Das Feedback dieser Woche geben',
  'manifest.command.settings': 'Ziele und Zeitplan ansehen oder ändern',
  'manifest.command.leave': 'Abwesenheit der VA, die die Uhr anhält, z. B. „{example}“',
  'manifest.command.review': 'Die Überprüfung der Ziele starten',
  'manifest.command.help': 'Was Tandem kann und wie',
  'manifest.command.offboard': 'Nur für den Inhaber: diese Zusammenarbeit und alle zugehörigen Daten entfernen',
  'manifest.addin.description': 'Zählt diese Nachricht, wie lange wartet sie schon, wer hat geantwortet: die KPI-Uhr neben der Nachricht, mit „keine Antwort nötig“ per Klick.',
  'week.of': 'Woche ab {monday}',
  'none': '–',
  'timeZone.label': '{name} ({city}) · {offset}',
  'timeZone.nameOnly': '{name} · {offset}',
  'timeZone.cityOnly': '{city} · {offset}',
  'timeZone.offset': 'UTC{offset}',
  'date.pattern.day': 'TT',
  'date.pattern.month': 'MM',
  'date.pattern.year': 'JJJJ',
} as const satisfies Translation<typeof EN>;
