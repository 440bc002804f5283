// The breach warning: mail that will pass the response window within a few hours, soonest first, a button
// that turns the warnings off through the same command as typing "warnings off", and one to the tab's Waiting.
import { t } from '../../src/i18n/messages.ts';
import { commandHints } from '../command-words.ts';
import { card, execute, openUrl, statusText, type Card } from './card-parts.ts';
import { waitingRow, type WaitingItem } from './waiting-card.ts';

/** Rows shown; the card stays short. */
export const BREACH_ON_CARD = 8;

/**
 * The command the button runs. English command words are understood in every chat language
 * (command-words.ts), so the button works whatever language the card was written in.
 */
export const WARNINGS_OFF_COMMAND = commandHints('en').warningsOff;

export interface BreachCardInput {
  readonly locale: string;
  readonly timeZone: string;
  readonly privacyMode: boolean;
  /** Soonest to breach first; each with minutes left > 0. */
  readonly items: readonly WaitingItem[];
  /** The KPI tab at its Waiting view (a Teams deep link); null when the app id is not configured. */
  readonly tabUrl: string | null;
}

export function breachCard({ locale, timeZone, privacyMode, items, tabUrl }: BreachCardInput): Card {
  const shown = items.slice(0, BREACH_ON_CARD);
  const title = t(locale, 'breach.title', { count: items.length });
  return card([statusText('warning', title), ...shown.map((item) => waitingRow({ locale, timeZone, privacyMode }, item))], {
    actions: [...(tabUrl === null ? [] : [openUrl(t(locale, 'scorecard.action.tab'), tabUrl)]), execute(t(locale, 'breach.action.off'), 'command', { command: WARNINGS_OFF_COMMAND })],
    fallbackText: title,
  });
}
