// Card actions by verb, whether they arrive as Universal Actions (invoke) or as the Action.Submit fallback
// (a message with a value). Each checks that the clicker belongs to the pairing the card is about.
import { z } from 'zod';
import { ActionError } from '../src/actions/action.ts';
import { offboard } from '../src/actions/offboard.ts';
import { submitAnswers } from '../src/actions/feedback.ts';
import { answerReview, reviewInput } from '../src/actions/review.ts';
import { t } from '../src/i18n/messages.ts';
import { SettingsError } from '../src/kpi/settings.ts';
import { lastWeeks } from '../src/kpi/weeks.ts';
import { roleIn } from '../src/reports/access.ts';
import { MAX_ANSWER_LENGTH } from '../src/reports/feedback-questions.ts';
import { weekParam } from '../src/reports/params.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { refusal } from './action-refusals.ts';
import { helpCard } from './cards/help-card.ts';
import { noticeCard } from './cards/notice-card.ts';
import { reviewCard, type ReviewValues } from './cards/review-card.ts';
import { commandHints, commandWord } from './command-words.ts';
import { parseCommand } from './commands.ts';
import { runCommand } from './commands-run.ts';
import { feedbackSeats, feedbackView, submitFeedback, type FeedbackSeat } from './feedback-flow.ts';
import { submitSetup } from './onboarding.ts';
import { actionContext, chatLocale, pairingFor, posts, replaces, replyLocale, type BotResult, type Turn } from './turn-context.ts';

const pairingData = z.object({ pairingId: z.string().max(100) });
const weekData = pairingData.extend({ week: weekParam });
const commandData = z.object({ command: z.string().max(200) });

async function reviewSubmit(turn: Turn, pairing: Pairing, data: Record<string, unknown>): Promise<BotResult> {
  const locale = replyLocale(turn, pairing);
  if (roleIn(pairing, turn.actor) === null) return posts(noticeCard(t(chatLocale(turn, pairing), 'bot.notMember')));
  const weeks = (await turn.deps.reports.kpi(pairing, lastWeeks(pairing.settings, turn.now, pairing.settings.reviewEveryWeeks), turn.now)).weeks;
  const typed: ReviewValues = {
    targetPct: Number(data.targetPct) || pairing.settings.responseTargetPct,
    windowHours: Number(data.windowHours) || pairing.settings.windowHours,
    comment: typeof data.comment === 'string' ? data.comment : '',
  };
  const again = (errors: Partial<Record<keyof ReviewValues | 'form', string>>) =>
    replaces(reviewCard({ locale, pairingId: pairing.id, weeks, settings: pairing.settings, values: typed, errors }));
  // The same schema the action applies, read here field by field so each error sits under its input.
  const parsed = reviewInput.safeParse(data);
  if (!parsed.success) {
    const errors: Partial<Record<keyof ReviewValues, string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof ReviewValues] ??= t(locale, issue.path[0] === 'comment' ? 'feedback.error.tooLong' : 'review.error.range', { max: MAX_ANSWER_LENGTH, length: typed.comment.length });
    return again(errors);
  }
  try {
    const { settings, changesTargets } = await answerReview(actionContext(turn), turn.actor, pairing.id, data);
    return replaces(noticeCard(t(locale, changesTargets ? 'review.saved.targets' : 'review.saved', { target: settings.responseTargetPct, window: settings.windowHours })));
  } catch (error) {
    if (error instanceof SettingsError) return again({ form: error.problems.join('; ') });
    if (error instanceof ActionError && error.problem === 'forbidden') return again({ form: refusal(error, locale) });
    throw error;
  }
}

async function feedbackAction(turn: Turn, verb: string, pairing: Pairing, week: string, data: Record<string, unknown>): Promise<BotResult> {
  const role = roleIn(pairing, turn.actor);
  const { clicker, everyone } = feedbackSeats(turn, pairing);
  const view = (seat: FeedbackSeat, draft?: Parameters<typeof feedbackView>[4]) => feedbackView(turn.deps.db, pairing, week, seat, draft);
  // "Give feedback" on the scorecard posts the check-in's status card for the whole chat, leaving the scorecard in
  // place; its refresh shows the owner and the VA their own views.
  if (verb === 'feedback.open' && data.source === 'scorecard') return posts((await view(everyone)).card);
  if (role !== null && clicker.viewer === null) return answerElsewhere(turn, pairing, week, verb, data, everyone);
  if (verb === 'feedback.submit' && role !== null) {
    const result = await submitFeedback(turn, pairing, week, data, clicker);
    if (!result.saved) return replaces(result.card);
    // Everyone's copy now says who has answered (never what); the owner's and the VA's views follow through its refresh.
    return { post: [], replace: result.card, replaceForAll: (await view(everyone)).card };
  }
  if (verb === 'feedback.edit' && role !== null) {
    const own = await view(clicker);
    return replaces(own.complete ? own.card : (await view(clicker, { values: {}, errors: {} })).card);
  }
  return replaces((await view(clicker)).card);
}

/**
 * The owner or the VA clicked on a card everyone reads and got no card of their own back (the Action.Submit
 * fallback of a Teams client without Universal Actions, in a group chat): their form cannot be shown there. A valid
 * submission is still saved and the status card updated; anything else says where to answer instead.
 */
async function answerElsewhere(turn: Turn, pairing: Pairing, week: string, verb: string, data: Record<string, unknown>, everyone: FeedbackSeat): Promise<BotResult> {
  const notice = noticeCard(t(everyone.locale, 'feedback.answerPrivately', { feedback: commandWord(everyone.locale, 'feedback') }));
  if (verb !== 'feedback.submit') return posts(notice);
  const check = await submitAnswers(actionContext(turn), turn.actor, pairing.id, { week, answers: data });
  const status = (await feedbackView(turn.deps.db, pairing, week, everyone)).card;
  return check.ok ? replaces(status) : { post: [notice], replace: status };
}

export async function runAction(turn: Turn, verb: string, data: Record<string, unknown>): Promise<BotResult> {
  if (verb === 'command') {
    const parsed = commandData.safeParse(data);
    if (parsed.success) return runCommand(turn, parseCommand(parsed.data.command));
    const chatPairing = await pairingFor(turn);
    return posts(helpCard({ locale: chatLocale(turn, chatPairing), unknown: null, paired: chatPairing !== null }));
  }
  if (verb === 'setup.submit') {
    const chatPairing = await pairingFor(turn);
    if (chatPairing === null) return submitSetup(turn, data);
    const locale = replyLocale(turn, chatPairing);
    return replaces(noticeCard(t(locale, 'bot.alreadySetUp', commandHints(locale))));
  }
  const ids = pairingData.safeParse(data);
  const pairing = ids.success ? await pairingFor(turn, ids.data.pairingId) : null;
  // A refusal is shown to the person who clicked alone.
  const locale = replyLocale(turn, pairing);
  if (verb.startsWith('feedback.') || verb.startsWith('review.') || verb.startsWith('offboard.')) {
    if (pairing === null) return { post: [], refuse: { status: 404, message: t(turn.locale, 'bot.noPairing') } };
  }
  switch (verb) {
    case 'feedback.open':
    case 'feedback.refresh':
    case 'feedback.edit':
    case 'feedback.submit': {
      const week = weekData.safeParse(data);
      if (!week.success) return { post: [], refuse: { status: 400, message: t(turn.locale, 'bot.badAction') } };
      return feedbackAction(turn, verb, pairing!, week.data.week, data);
    }
    case 'review.submit':
      return reviewSubmit(turn, pairing!, data);
    case 'offboard.confirm': {
      let counts: Record<string, number>;
      try {
        counts = (await offboard(actionContext(turn), turn.actor, pairing!.id, {})).deleted;
      } catch (error) {
        return replaces(noticeCard(refusal(error, locale)));
      }
      const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
      turn.deps.log.info('pairing_offboarded_from_chat', { rows });
      return replaces(noticeCard(t(chatLocale(turn, pairing), 'offboard.done', { rows })), true);
    }
    case 'offboard.cancel':
      return replaces(noticeCard(t(locale, 'offboard.cancelled')));
    default: {
      const chatPairing = pairing ?? (await pairingFor(turn));
      return posts(helpCard({ locale: chatLocale(turn, chatPairing), unknown: null, paired: chatPairing !== null }));
    }
  }
}
