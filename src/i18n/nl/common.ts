// Dutch strings shared by every surface (durations, placeholders).
import type { COMMON as EN } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const COMMON = {
  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} u {minutes} min',
  'duration.long.minutes': '{minutes, plural, one {# minuut} other {# minuten}}',
  'duration.long.hours': '{hours, plural, one {# uur} other {# uur}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# uur} other {# uur}} en {minutes, plural, one {# minuut} other {# minuten}}',
  'manifest.name.full': 'Tandem: eerlijke e-maildoelen voor eigenaren en hun VA',
  'manifest.description.short': 'Eerlijke, meetbare e-maildoelen voor een ondernemer en diens VA.',
  'manifest.description.full': 'Tandem meet hoe een virtuele assistent (VA) en een ondernemer samen het postvak van de eigenaar bijhouden: het aandeel e-mails dat op tijd wordt beantwoord, binnen de afgesproken uren (bijvoorbeeld 90% binnen 24 uur), en een leeg Postvak IN elke vrijdag. Elke maandag plaatst Tandem de scorekaart van de week in de chat tussen eigenaar en VA en mailt een samenvatting naar de eigenaar; beide kanten geven korte schriftelijke feedback, en een tabblad toont het verloop, de mail die nog wacht en de instellingen. Tandem leest alleen metagegevens van berichten (afzender, ontvangers, tijden, map, onderwerp), nooit de inhoud, en elk getal volgt één gepubliceerde definitie, zodat beiden dezelfde cijfers zien.',
  'manifest.tab.kpi': 'KPI’s',
  'manifest.command.scorecard': 'De scorekaart van deze week tot nu toe; “{last}” voor vorige week',
  'manifest.command.waiting': 'Mail die nog op antwoord wacht, oudste eerst, met de resterende tijd',
  'manifest.command.feedback': 'Geef de feedback van deze week',
  'manifest.command.settings': 'Bekijk of wijzig de doelen en het schema',
  'manifest.command.leave': 'Vrije dagen van de VA, die de klok stilzetten, bijvoorbeeld “{example}”',
  'manifest.command.review': 'Start de evaluatie van de doelen',
  'manifest.command.help': 'Wat Tandem kan en hoe',
  'manifest.command.offboard': 'Alleen de eigenaar: beëindig deze samenwerking en verwijder alle gegevens',
  'manifest.addin.description': 'Telt dit bericht mee, hoe lang wacht het al, wie heeft het beantwoord: de KPI-klok naast het bericht, met “geen antwoord nodig” in één klik.',
  'week.of': 'Week van {monday}',
  'none': '–',
  'timeZone.label': '{name} ({city}) · {offset}',
  'timeZone.nameOnly': '{name} · {offset}',
  'timeZone.cityOnly': '{city} · {offset}',
  'timeZone.offset': 'UTC{offset}',
  'date.pattern.day': 'DD',
  'date.pattern.month': 'MM',
  'date.pattern.year': 'JJJJ',
} as const satisfies Translation<typeof EN>;
