// The pairing's settings as people read them: who is who, the mailbox, targets, clock and schedule.
import type { Settings } from '../../src/kpi/settings.ts';
import { t } from '../../src/i18n/messages.ts';
import { zoneLabel } from '../../src/i18n/time-zones.ts';
import { resolveTimeZone } from '../../src/kpi/time-zone.ts';
import { card, facts, heading, openUrl, text, type Card } from './card-parts.ts';

export interface SettingsCardInput {
  readonly locale: string;
  readonly owner: string;
  readonly va: string;
  readonly mailbox: string;
  readonly settings: Settings;
  /** The KPI tab, where settings are changed; null hides the button. */
  readonly tabUrl: string | null;
  /** The instant the zone's offset is shown for; now by default. */
  readonly now?: number;
}

export function settingsCard({ locale, owner, va, mailbox, settings, tabUrl, now = Date.now() }: SettingsCardInput): Card {
  const hours = settings.workingHours;
  return card(
    [
      heading(t(locale, 'settings.title')),
      facts([
        [t(locale, 'settings.owner'), owner],
        [t(locale, 'settings.va'), va],
        [t(locale, 'settings.mailbox'), mailbox],
        [t(locale, 'settings.target'), t(locale, 'settings.target.value', { target: settings.responseTargetPct, window: settings.windowHours })],
        [t(locale, 'settings.clock'), t(locale, settings.clock === 'working' ? 'settings.clock.working' : 'settings.clock.calendar')],
        [t(locale, 'settings.timeZone'), zoneLabel(locale, resolveTimeZone(settings.timeZone) ?? settings.timeZone, now)],
        [t(locale, 'settings.workingHours'), t(locale, 'settings.workingHours.value', { days: hours.daysOfWeek.map((day) => t(locale, `day.${day}` as const)).join(', '), start: hours.startTime, end: hours.endTime })],
        [t(locale, 'settings.inboxZero'), t(locale, 'settings.inboxZero.value', { day: t(locale, `day.${settings.inboxZeroDay}` as const), time: settings.inboxZeroCutoff, max: settings.inboxZeroMaxItems })],
        [t(locale, 'settings.scorecard'), t(locale, 'settings.scorecard.value', { day: t(locale, `day.${settings.scorecardDay}` as const), time: settings.scorecardTime })],
        [t(locale, 'settings.review'), t(locale, 'settings.review.value', { weeks: settings.reviewEveryWeeks })],
      ]),
      text(t(locale, 'settings.change'), { isSubtle: true, size: 'Small' }),
    ],
    { actions: tabUrl === null ? [] : [openUrl(t(locale, 'scorecard.action.tab'), tabUrl)], fallbackText: t(locale, 'settings.title') },
  );
}
