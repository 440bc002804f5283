// The help card: what Tandem does in this chat and every command, with buttons for the common ones.
// Also the answer to anything Tandem does not understand, so no message goes unanswered.
import { t } from '../../src/i18n/messages.ts';
import { commandHints, commandLines } from '../command-words.ts';
import { card, execute, facts, heading, text, type Card } from './card-parts.ts';

export interface HelpCardInput {
  readonly locale: string;
  /** What the user typed when it was not understood; null when help was asked for. */
  readonly unknown: string | null;
  /** Whether this chat has a pairing yet (otherwise the card points at setup). */
  readonly paired: boolean;
  /** A personal chat: setup happens in the group chat with the VA, not here. */
  readonly personal?: boolean;
}

const MAX_ECHO = 60;

export function helpCard({ locale, unknown, paired, personal = false }: HelpCardInput): Card {
  const echo = unknown === null ? [] : [text(t(locale, 'help.unknown', { text: unknown.length > MAX_ECHO ? `${unknown.slice(0, MAX_ECHO)}…` : unknown }))];
  return card(
    [
      heading(t(locale, 'help.title')),
      ...echo,
      text(t(locale, paired ? 'help.intro' : personal ? 'help.intro.personal' : 'help.intro.unpaired', commandHints(locale))),
      facts(commandLines(locale).map(([command, key]) => [command, t(locale, key)])),
    ],
    {
      actions: paired
        ? [execute(t(locale, 'help.action.scorecard'), 'command', { command: 'scorecard' }), execute(t(locale, 'help.action.waiting'), 'command', { command: 'waiting' })]
        : personal
          ? []
          : [execute(t(locale, 'help.action.setup'), 'command', { command: 'setup' })],
      fallbackText: t(locale, 'help.title'),
    },
  );
}
