// The breach warning: mail that will pass the response window within a few hours, soonest first.
import { t } from '../../src/i18n/messages.ts';
import { commandHints } from '../command-words.ts';
import { card, text, type Card } from './card-parts.ts';
import { waitingRow, type WaitingItem } from './waiting-card.ts';

/** Rows shown; the card stays short. */
export const BREACH_ON_CARD = 8;

export interface BreachCardInput {
  readonly locale: string;
  readonly timeZone: string;
  readonly privacyMode: boolean;
  /** Soonest to breach first; each with minutes left > 0. */
  readonly items: readonly WaitingItem[];
}

export function breachCard({ locale, timeZone, privacyMode, items }: BreachCardInput): Card {
  const shown = items.slice(0, BREACH_ON_CARD);
  const title = t(locale, 'breach.title', { count: items.length });
  return card(
    [
      text(title, { weight: 'Bolder', color: 'Warning' }),
      ...shown.map((item) => waitingRow({ locale, timeZone, privacyMode }, item)),
      text(t(locale, 'breach.off', commandHints(locale)), { isSubtle: true, size: 'Small' }),
    ],
    { fallbackText: title },
  );
}
