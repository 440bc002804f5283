// Runs a typed command for the pairing of this chat: each returns the card(s) to post. Who may do what is
// decided here (leave: owner or VA; offboard: the owner only).
import { DateTime } from 'luxon';
import { t } from '../src/i18n/messages.ts';
import { rowsFor, kpiFor } from '../src/api/kpi-reads.ts';
import { waitingRows } from '../src/api/message-rows.ts';
import { currentWeek, lastWeeks } from '../src/api/periods.ts';
import { WAITING_WEEKS } from '../src/api/routes/kpi.ts';
import { localInstant } from '../src/kpi/local-calendar.ts';
import { resolveTimeZone } from '../src/kpi/time-zone.ts';
import { loadSummaryInput } from '../src/mail/summary-data.ts';
import { kpiTabLink } from '../src/mail/tab-link.ts';
import { setBreachWarnings } from '../src/store/breach-warnings.ts';
import { addLeave } from '../src/store/leave.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { helpCard } from './cards/help-card.ts';
import { leaveCard } from './cards/leave-card.ts';
import { noticeCard } from './cards/notice-card.ts';
import { offboardCard } from './cards/offboard-card.ts';
import { reviewCard } from './cards/review-card.ts';
import { scorecardCard } from './cards/scorecard-card.ts';
import { settingsCard } from './cards/settings-card.ts';
import { waitingCard } from './cards/waiting-card.ts';
import { isPersonal } from './activity.ts';
import { commandHints } from './command-words.ts';
import type { Command } from './commands.ts';
import { feedbackView, feedbackWeek } from './feedback-flow.ts';
import { welcome } from './onboarding.ts';
import { chatLocale, pairingFor, posts, roleIn, type BotResult, type Turn } from './turn-context.ts';

/** Leave longer than this is refused as a likely typo. */
const MAX_LEAVE_DAYS = 366;

const tabUrl = (turn: Turn, pairing: Pairing, week: string) => (turn.deps.teamsAppId === null ? null : kpiTabLink(turn.deps.teamsAppId, pairing.id, week));

async function scorecard(turn: Turn, pairing: Pairing, locale: string, last: boolean): Promise<BotResult> {
  const thisWeek = currentWeek(pairing.settings, turn.now);
  const week = last ? DateTime.fromISO(`${thisWeek}-1`, { zone: 'UTC' }).minus({ weeks: 1 }).toFormat("kkkk-'W'WW") : thisWeek;
  const summary = await loadSummaryInput(turn.deps.db, pairing, week, { now: turn.now, late: false, tabUrl: tabUrl(turn, pairing, week), privacyMode: pairing.settings.privacyMode, locale });
  return posts(
    scorecardCard({
      pairingId: pairing.id,
      week: summary.week,
      trend: summary.trend,
      settings: pairing.settings,
      streak: summary.streak,
      locale,
      late: false,
      privacyMode: pairing.settings.privacyMode,
      tabUrl: summary.tabUrl,
    }),
  );
}

async function waiting(turn: Turn, pairing: Pairing, locale: string): Promise<BotResult> {
  const { settings } = pairing;
  const rows = waitingRows(await rowsFor(turn.deps.db, pairing, lastWeeks(settings, turn.now, WAITING_WEEKS), turn.now)).sort((a, b) => a.receivedAt - b.receivedAt);
  const windowMinutes = settings.windowHours * 60;
  return posts(
    waitingCard({
      locale,
      timeZone: settings.timeZone,
      windowHours: settings.windowHours,
      privacyMode: pairing.settings.privacyMode,
      items: rows.map((row) => ({
        from: row.from,
        subject: row.subject,
        receivedAt: row.receivedAt,
        minutesLeft: row.status === 'pending' && row.clockMinutes !== null ? windowMinutes - row.clockMinutes : null,
      })),
    }),
  );
}

async function leave(turn: Turn, pairing: Pairing, locale: string, from: string, to: string): Promise<BotResult> {
  const role = roleIn(pairing, turn.userId);
  if (role === null) return posts(noticeCard(t(locale, 'bot.notMember')));
  const zone = resolveTimeZone(pairing.settings.timeZone)!;
  const first = DateTime.fromISO(from, { zone });
  const last = DateTime.fromISO(to, { zone });
  if (!first.isValid || !last.isValid) return posts(noticeCard(t(locale, 'leave.error.date')));
  const days = last.diff(first, 'days').days;
  if (days < 0) return posts(noticeCard(t(locale, 'leave.error.order')));
  if (days >= MAX_LEAVE_DAYS) return posts(noticeCard(t(locale, 'leave.error.long', { days: MAX_LEAVE_DAYS })));
  const start = localInstant(from, '00:00', zone);
  const end = localInstant(last.plus({ days: 1 }).toISODate()!, '00:00', zone);
  await addLeave(turn.deps.db, pairing.id, start, end, role);
  return posts(leaveCard({ locale, va: pairing.va.address, from, to, timeZone: pairing.settings.timeZone }));
}

/** The review card over the last `reviewEveryWeeks` weeks. */
async function review(turn: Turn, pairing: Pairing, locale: string): Promise<BotResult> {
  const report = await kpiFor(turn.deps.db, pairing, lastWeeks(pairing.settings, turn.now, pairing.settings.reviewEveryWeeks), turn.now);
  return posts(reviewCard({ locale, pairingId: pairing.id, weeks: report.weeks, settings: pairing.settings }));
}

export async function runCommand(turn: Turn, command: Command): Promise<BotResult> {
  const pairing = await pairingFor(turn);
  const locale = chatLocale(turn, pairing);
  const personal = isPersonal(turn.activity);
  if (command.kind === 'help' || command.kind === 'unknown') {
    // An empty message (an image, a sticker) gets the plain help card, without quoting nothing back.
    const unknown = command.kind === 'unknown' && command.text !== '' ? command.text : null;
    return posts(helpCard({ locale, unknown, paired: pairing !== null, personal }));
  }
  if (command.kind === 'setup' && !personal) return pairing === null ? welcome(turn) : posts(noticeCard(t(locale, 'bot.alreadySetUp', commandHints(locale))));
  if (pairing === null || command.kind === 'setup') return posts(helpCard({ locale, unknown: null, paired: pairing !== null, personal }));
  const role = roleIn(pairing, turn.userId);
  switch (command.kind) {
    case 'scorecard':
      return scorecard(turn, pairing, locale, command.last);
    case 'waiting':
      return waiting(turn, pairing, locale);
    case 'feedback':
      return posts((await feedbackView(turn.deps.db, pairing, feedbackWeek(pairing, turn.now), null, { viewer: locale, chat: locale })).card);
    case 'settings':
      return posts(settingsCard({ locale, owner: pairing.owner.address, va: pairing.va.address, mailbox: pairing.mailbox, settings: pairing.settings, tabUrl: tabUrl(turn, pairing, currentWeek(pairing.settings, turn.now)) }));
    case 'leave':
      return leave(turn, pairing, locale, command.from, command.to);
    case 'leaveUsage':
      return posts(noticeCard(t(locale, 'leave.usage', commandHints(locale))));
    case 'review':
      return review(turn, pairing, locale);
    case 'warnings':
      if (command.on === null) return posts(noticeCard(t(locale, 'warnings.usage', commandHints(locale))));
      if (role === null) return posts(noticeCard(t(locale, 'bot.notMember')));
      await setBreachWarnings(turn.deps.db, pairing.id, command.on);
      return posts(noticeCard(t(locale, command.on ? 'warnings.on' : 'warnings.off')));
    case 'offboard':
      return role === 'owner' ? posts(offboardCard({ locale, pairingId: pairing.id, mailbox: pairing.mailbox })) : posts(noticeCard(t(locale, 'offboard.ownerOnly')));
  }
}
