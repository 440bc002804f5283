// One bot turn: routes a typed activity to its handler and returns plain data (cards to post, the card that
// replaces a clicked one, or a refusal). Installs get the welcome card; a removed bot stops the schedules.
import { t } from '../src/i18n/messages.ts';
import { chatRejoined, chatRemoved, membersSeen } from '../src/actions/chat-membership.ts';
import { pairingOfChat } from '../src/reports/chat-pairings.ts';
import { cardActionValueSchema, conversationReference, isConversationUpdate, isInstallationUpdate, isInvoke, isMessage, isPersonal, submitValueSchema, type ConversationUpdateActivity } from './activity.ts';
import { helpCard } from './cards/help-card.ts';
import { noticeCard } from './cards/notice-card.ts';
import { runAction } from './actions.ts';
import { parseCommand } from './commands.ts';
import { runCommand } from './commands-run.ts';
import { welcome } from './onboarding.ts';
import { actionContext, pairingFor, posts, type BotResult, type Turn } from './turn-context.ts';

const NOTHING: BotResult = { post: [] };
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

async function stop(turn: Turn): Promise<BotResult> {
  const pairing = await pairingFor(turn);
  if (pairing !== null && !isPersonal(turn.activity)) {
    await chatRemoved(actionContext(turn), pairing);
  }
  return NOTHING;
}

async function conversationUpdate(turn: Turn, activity: ConversationUpdateActivity): Promise<BotResult> {
  const bot = activity.recipient.id;
  if (activity.membersRemoved?.some((member) => member.id === bot)) return stop(turn);
  if (!activity.membersAdded?.some((member) => member.id === bot)) return NOTHING;
  const paired = (await pairingFor(turn)) !== null;
  if (isPersonal(activity) || paired) return posts(helpCard({ locale: turn.locale, unknown: null, paired, personal: isPersonal(activity) }));
  // Added back to a chat it was removed from: the pairing's schedules resume where they stopped.
  const stopped = await pairingOfChat(turn.deps.db, activity.conversation.id, 'stopped');
  if (stopped === null) return welcome(turn);
  await chatRejoined(actionContext(turn), stopped, conversationReference(activity, stopped.tenantId));
  return posts(noticeCard(t(turn.locale, 'welcome.back', { mailbox: stopped.mailbox })));
}

/**
 * Every turn in a pairing's chat shows who acted (and who was added) by Teams user id and Entra object id: the
 * owner's and the VA's Teams ids are stored from there, for a pairing set up before the roster's ids were kept.
 */
async function learnChatIds(turn: Turn): Promise<void> {
  const { activity } = turn;
  if (isPersonal(activity) || activity.from.aadObjectId === undefined) return;
  const pairing = await pairingOfChat(turn.deps.db, activity.conversation.id);
  if (pairing === null) return;
  await membersSeen(actionContext(turn), pairing, [activity.from, ...(isConversationUpdate(activity) ? (activity.membersAdded ?? []) : [])]);
}

export async function handleTurn(turn: Turn): Promise<BotResult> {
  const { activity } = turn;
  await learnChatIds(turn);
  if (isMessage(activity)) {
    const submitted = submitValueSchema.safeParse(activity.value);
    if (submitted.success) return runAction(turn, submitted.data.verb, submitted.data);
    return runCommand(turn, parseCommand(activity.text ?? ''));
  }
  if (isConversationUpdate(activity)) return conversationUpdate(turn, activity);
  if (isInstallationUpdate(activity)) return activity.action?.startsWith('remove') === true ? stop(turn) : NOTHING;
  if (isInvoke(activity)) {
    if (activity.name !== CARD_ACTION_INVOKE) return { post: [], refuse: { status: 400, message: t(turn.locale, 'bot.unsupportedInvoke') } };
    const value = cardActionValueSchema.safeParse(activity.value);
    if (!value.success) return { post: [], refuse: { status: 400, message: t(turn.locale, 'bot.badAction') } };
    return runAction(turn, value.data.action.verb, value.data.action.data ?? {});
  }
  // Typing, reactions and the like need no answer.
  return NOTHING;
}
