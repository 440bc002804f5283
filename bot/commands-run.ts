// Runs a typed command for the pairing of this chat: each returns the card(s) to post. Reads come from the read
// models, changes go through the actions (which decide who may make them: leave and warnings by the owner or
// the VA, offboarding by the owner).
import { addLeave } from '../src/actions/leave.ts';
import { setWarnings } from '../src/actions/warnings.ts';
import { t } from '../src/i18n/messages.ts';
import { addWeeks, lastWeeks, weekAt } from '../src/kpi/weeks.ts';
import { roleIn } from '../src/reports/access.ts';
import { checkInWeek } from '../src/reports/check-in.ts';
import { AUDIENCES } from '../src/reports/check-in-privacy.ts';
import { displayName } from '../src/reports/people.ts';
import { loadSummary } from '../src/reports/summary.ts';
import { kpiTabLink, type TabPlace } from '../src/reports/tab-link.ts';
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
import { refusal } from './action-refusals.ts';
import { commandHints, commandWord } from './command-words.ts';
import type { Command } from './commands.ts';
import { feedbackSeats, feedbackView } from './feedback-flow.ts';
import { welcome } from './onboarding.ts';
import { actionContext, chatLocale, pairingFor, posts, type BotResult, type Turn } from './turn-context.ts';

const tabUrl = (turn: Turn, pairing: Pairing, place: TabPlace) => (turn.deps.teamsAppId === null ? null : kpiTabLink(turn.deps.teamsAppId, pairing.id, place));

async function scorecard(turn: Turn, pairing: Pairing, locale: string, last: boolean): Promise<BotResult> {
  const thisWeek = weekAt(pairing.settings, turn.now);
  const week = last ? addWeeks(thisWeek, -1) : thisWeek;
  const summary = await loadSummary(turn.deps.db, turn.deps.reports, pairing, week, { now: turn.now, late: false, tabUrl: tabUrl(turn, pairing, { view: 'messages', week }), locale, audience: AUDIENCES.chat });
  return posts(
    scorecardCard({
      pairingId: pairing.id,
      week: summary.week,
      trend: summary.trend,
      tasks: summary.tasks,
      settings: pairing.settings,
      streak: summary.streak,
      locale,
      late: false,
      privacyMode: pairing.settings.privacyMode,
      tabUrl: summary.tabUrl,
    }),
  );
}

/** The local demo: the scheduled scorecard, posted now by the jobs' path; in a tenant the command does not exist. */
async function scorecardNow(turn: Turn, pairing: Pairing, locale: string): Promise<BotResult> {
  const post = turn.deps.postScorecardNow;
  if (post === undefined) return posts(helpCard({ locale, unknown: `${commandWord(locale, 'scorecard')} ${commandWord(locale, 'now')}`, paired: true, personal: isPersonal(turn.activity) }));
  await post(pairing.id);
  return posts();
}

async function waiting(turn: Turn, pairing: Pairing, locale: string): Promise<BotResult> {
  const { settings } = pairing;
  const rows = await turn.deps.reports.waiting(pairing, turn.now);
  return posts(
    waitingCard({
      locale,
      timeZone: settings.timeZone,
      windowHours: settings.windowHours,
      privacyMode: settings.privacyMode,
      items: rows.map((row) => ({ from: row.from, subject: row.subject, receivedAt: row.receivedAt, minutesLeft: row.remainingMinutes, webLink: row.webLink })),
      tabUrl: tabUrl(turn, pairing, { view: 'waiting' }),
    }),
  );
}

async function leave(turn: Turn, pairing: Pairing, locale: string, from: string, to: string): Promise<BotResult> {
  try {
    await addLeave(actionContext(turn), turn.actor, pairing.id, { from, to });
  } catch (error) {
    return posts(noticeCard(refusal(error, locale, 'leave')));
  }
  return posts(leaveCard({ locale, va: displayName(pairing.va), from, to, timeZone: pairing.settings.timeZone }));
}

/** The review card over the last `reviewEveryWeeks` weeks. */
async function review(turn: Turn, pairing: Pairing, locale: string): Promise<BotResult> {
  const report = await turn.deps.reports.kpi(pairing, lastWeeks(pairing.settings, turn.now, pairing.settings.reviewEveryWeeks), turn.now);
  return posts(reviewCard({ locale, pairingId: pairing.id, weeks: report.weeks, settings: pairing.settings }));
}

async function warnings(turn: Turn, pairing: Pairing, locale: string, on: boolean): Promise<BotResult> {
  try {
    await setWarnings(actionContext(turn), turn.actor, pairing.id, { on });
  } catch (error) {
    return posts(noticeCard(refusal(error, locale)));
  }
  return posts(noticeCard(t(locale, on ? 'warnings.on' : 'warnings.off')));
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
  switch (command.kind) {
    case 'scorecard':
      return scorecard(turn, pairing, locale, command.last);
    case 'scorecardNow':
      return scorecardNow(turn, pairing, locale);
    case 'waiting':
      return waiting(turn, pairing, locale);
    case 'feedback':
      // A group chat gets the status card (its refresh shows the owner and the VA their own views); a personal chat, the speaker's own view.
      return posts((await feedbackView(turn.deps.db, pairing, checkInWeek(pairing.settings, turn.now), feedbackSeats(turn, pairing).everyone)).card);
    case 'settings':
      return posts(settingsCard({ locale, owner: displayName(pairing.owner), va: displayName(pairing.va), mailbox: pairing.mailbox, settings: pairing.settings, tabUrl: tabUrl(turn, pairing, { view: 'settings' }) }));
    case 'leave':
      return leave(turn, pairing, locale, command.from, command.to);
    case 'leaveUsage':
      return posts(noticeCard(t(locale, 'leave.usage', commandHints(locale))));
    case 'review':
      return review(turn, pairing, locale);
    case 'warnings':
      if (command.on === null) return posts(noticeCard(t(locale, 'warnings.usage', commandHints(locale))));
      return warnings(turn, pairing, locale, command.on);
    case 'offboard':
      return roleIn(pairing, turn.actor) === 'owner' ? posts(offboardCard({ locale, pairingId: pairing.id, mailbox: pairing.mailbox })) : posts(noticeCard(t(locale, 'offboard.ownerOnly')));
  }
}
