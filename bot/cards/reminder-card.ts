// The feedback reminder, 48 hours after the scorecard: names whoever has not answered and opens their form.
import { formatWeek } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/messages.ts';
import { card, execute, text, type Card } from './card-parts.ts';

export interface ReminderCardInput {
  readonly locale: string;
  readonly pairingId: string;
  /** The week the check-in is about. */
  readonly week: string;
  /** Who has not answered yet (names or addresses). */
  readonly waitingFor: readonly string[];
}

export function reminderCard({ locale, pairingId, week, waitingFor }: ReminderCardInput): Card {
  const message = waitingFor.length === 0 ? t(locale, 'reminder.text') : t(locale, 'reminder.named', { names: waitingFor.join(', '), monday: formatWeek(locale, week, { form: 'monday' }) });
  return card([text(message)], { actions: [execute(t(locale, 'feedback.action.open'), 'feedback.open', { pairingId, week })], fallbackText: message });
}
