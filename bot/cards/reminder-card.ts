// The feedback reminder, 48 hours after the scorecard: @mentions whoever has not answered, so Teams notifies
// them, and opens their form.
import { formatList, formatWeek } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/messages.ts';
import { card, execute, mentionText, text, type Card, type CardPerson } from './card-parts.ts';

export interface ReminderCardInput {
  readonly locale: string;
  readonly pairingId: string;
  /** The week the check-in is about. */
  readonly week: string;
  /** Who has not answered yet. */
  readonly waitingFor: readonly CardPerson[];
}

export function reminderCard({ locale, pairingId, week, waitingFor }: ReminderCardInput): Card {
  const actions = [execute(t(locale, 'feedback.action.open'), 'feedback.open', { pairingId, week })];
  if (waitingFor.length === 0) return card([text(t(locale, 'reminder.text'))], { actions, fallbackText: t(locale, 'reminder.text') });
  const monday = formatWeek(locale, week, { form: 'monday' });
  const sentence = (names: string) => t(locale, 'reminder.named', { names, monday });
  const { element, mentions } = mentionText(locale, sentence, waitingFor);
  return card([element], { actions, mentions, fallbackText: sentence(formatList(locale, waitingFor.map((person) => person.name))) });
}
