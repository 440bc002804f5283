// An action's refusal in the chat's words: the action names the reason (src/actions/action.ts), the bot
// says it in the reader's language. Anything that is not a refusal is a failure and goes on up.
import { ActionError } from '../src/actions/action.ts';
import { MAX_LEAVE_DAYS } from '../src/actions/leave.ts';
import { t, type MessageKey } from '../src/i18n/messages.ts';

const BY_CODE: Record<string, MessageKey> = {
  memberOnly: 'bot.notMember',
  ownerOnly: 'offboard.ownerOnly',
  ownerOrAdminOnly: 'offboard.ownerOnly',
  ownerOnlyTargets: 'review.error.ownerOnly',
  leaveOrder: 'leave.error.order',
  leaveTooLong: 'leave.error.long',
};

/** The text for a refused action; `input` words a refused input for the command that sent it. */
export function refusal(error: unknown, locale: string, input: 'leave' | null = null): string {
  if (!(error instanceof ActionError)) throw error;
  const key = BY_CODE[error.code] ?? (error.code === 'invalid' && input === 'leave' ? 'leave.error.date' : 'bot.badAction');
  return t(locale, key, { days: MAX_LEAVE_DAYS });
}
