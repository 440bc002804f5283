// A short card with one message (reminders, monthly question, confirmations, errors the user can act on).
import { card, text, type Card, type Element } from './card-parts.ts';

export function noticeCard(message: string, actions: readonly Element[] = []): Card {
  return card([text(message)], { actions, fallbackText: message });
}
