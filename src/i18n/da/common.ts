// Danish strings shared by every surface (durations, placeholders).
import type { COMMON as EN } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const COMMON = {
  'duration.minutes': '{minutes} min.',
  'duration.hours': '{hours} t. {minutes} min.',
  'duration.long.minutes': '{minutes, plural, one {# minut} other {# minutter}}',
  'duration.long.hours': '{hours, plural, one {# time} other {# timer}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# time} other {# timer}} og {minutes, plural, one {# minut} other {# minutter}}',
  'manifest.name.full': 'Tandem: fair mailmål for virksomhedsejere og deres VA',
  'manifest.description.short': 'Fair og målbare mailmål for virksomhedsejere og deres VA.',
  'manifest.description.full': 'Tandem måler, hvordan en virtuel assistent (VA) og en virksomhedsejer passer ejerens postkasse sammen: andelen af mails, der besvares til tiden, inden for den aftalte tid (for eksempel 90 % inden for 24 timer), og en tom indbakke hver fredag. Hver mandag lægger Tandem ugens resultatkort i chatten mellem ejer og VA og mailer en ugeoversigt til ejeren; begge giver kort skriftlig feedback, og en fane viser udviklingen, de mails, der stadig venter, og indstillingerne. Tandem læser kun metadata om mails (afsender, modtagere, tidspunkter, mappe, emne), aldrig indholdet, og hvert tal følger én offentliggjort definition, så begge ser de samme tal.',
  'manifest.tab.kpi': 'Nøgletal',
  'manifest.command.scorecard': 'Ugens resultatkort indtil nu; “{last}” for sidste uge',
  'manifest.command.waiting': 'Mails, der stadig venter på svar, ældste først, med den tid der er tilbage',
  'manifest.command.feedback': 'Giv denne uges feedback',
  'manifest.command.settings': 'Se eller ændr mål og tidsplan',
  'manifest.command.leave': 'VA’ens fridage, der stopper uret, fx “{example}”',
  'manifest.command.review': 'Start gennemgangen af målene',
  'manifest.command.help': 'Hvad Tandem kan, og hvordan',
  'manifest.command.offboard': 'Kun ejeren: fjern dette samarbejde og alle dets data',
  'manifest.addin.description': 'Tæller mailen med, hvor længe har den ventet, og hvem svarede? KPI-uret ved siden af mailen – og “kræver ikke svar” med ét klik.',
  'week.of': 'Uge fra {monday}',
  'none': '–',
  'timeZone.label': '{name} ({city}) · {offset}',
  'timeZone.nameOnly': '{name} · {offset}',
  'timeZone.cityOnly': '{city} · {offset}',
  'timeZone.offset': 'UTC{offset}',
  'date.pattern.day': 'DD',
  'date.pattern.month': 'MM',
  'date.pattern.year': 'ÅÅÅÅ',
} as const satisfies Translation<typeof EN>;
