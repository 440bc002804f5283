// Norwegian Bokmål strings shared by every surface (durations, placeholders).
import type { COMMON as EN } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const COMMON = {
  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} t {minutes} min',
  'duration.long.minutes': '{minutes, plural, one {# minutt} other {# minutter}}',
  'duration.long.hours': '{hours, plural, one {# time} other {# timer}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# time} other {# timer}} og {minutes, plural, one {# minutt} other {# minutter}}',
  'manifest.name.full': 'Tandem: rettferdige e-postmål for eiere og deres VA',
  'manifest.description.short': 'Rettferdige, målbare e-postmål for bedriftseiere og deres VA.',
  'manifest.description.full': 'Tandem måler hvordan en virtuell assistent (VA) og en bedriftseier tar seg av eierens postboks sammen: andelen e-poster som besvares i tide, innen den avtalte tiden (for eksempel 90 % innen 24 timer), og en tom innboks hver fredag. Hver mandag legger Tandem ukens resultatkort i chatten mellom eier og VA og sender en oppsummering til eieren; begge gir en kort skriftlig tilbakemelding, og en fane viser utviklingen, e-posten som fortsatt venter, og innstillingene. Tandem leser bare metadata om meldinger (avsender, mottakere, tidspunkter, mappe, emne), aldri innholdet, og hvert tall følger én publisert definisjon, slik at begge ser de samme tallene.',
  'manifest.tab.kpi': 'Nøkkeltall',
  'manifest.command.scorecard': 'Ukens resultatkort så langt; «{last}» for forrige uke',
  'manifest.command.waiting': 'E-post som fortsatt venter på svar, eldste først, med tiden som er igjen',
  'manifest.command.feedback': 'Gi denne ukens tilbakemelding',
  'manifest.command.settings': 'Se eller endre målene og tidsplanen',
  'manifest.command.leave': 'Fridager for VA-en, som stopper klokken, for eksempel «{example}»',
  'manifest.command.review': 'Start gjennomgangen av målene',
  'manifest.command.help': 'Hva Tandem kan, og hvordan',
  'manifest.command.offboard': 'Bare eieren: fjern dette samarbeidet og alle dataene',
  'manifest.addin.description': 'Teller e-posten med, hvor lenge har den ventet, og hvem svarte? KPI-klokken ved siden av meldingen – og «trenger ikke svar» med ett klikk.',
  'week.of': 'Uke fra {monday}',
  'none': '–',
  'timeZone.label': '{name} ({city}) · {offset}',
  'timeZone.nameOnly': '{name} · {offset}',
  'timeZone.cityOnly': '{city} · {offset}',
  'timeZone.offset': 'UTC{offset}',
  'date.pattern.day': 'DD',
  'date.pattern.month': 'MM',
  'date.pattern.year': 'ÅÅÅÅ',
} as const satisfies Translation<typeof EN>;
