// The help card: what Tandem does in this chat and every command, with buttons for the common ones.
// Also the answer to anything Tandem does not understand, so no message goes unanswered.
import { t, type MessageKey } from '../../src/i18n/messages.ts';
import { card, execute, facts, heading, text, type Card } from './card-parts.ts';

export const COMMANDS: ReadonlyArray<readonly [string, MessageKey]> = [
  ['scorecard', 'help.cmd.scorecard'],
  ['scorecard last', 'help.cmd.scorecardLast'],
  ['waiting', 'help.cmd.waiting'],
  ['feedback', 'help.cmd.feedback'],
  ['settings', 'help.cmd.settings'],
  ['leave 2026-12-24 2026-12-31', 'help.cmd.leave'],
  ['review', 'help.cmd.review'],
  ['warnings on', 'help.cmd.warnings'],
  ['offboard', 'help.cmd.offboard'],
  ['help', 'help.cmd.help'],
];

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
  const echo = unknown === null ? [] : [text(t(locale, 'help.unknown', { text: unknown.length > MAX_ECHO ? `${unknown.slice(0, MAX_ECHO)}…` : unknown }), { color: 'Warning' })];
  return card(
    [
      heading(t(locale, 'help.title')),
      ...echo,
      text(t(locale, paired ? 'help.intro' : personal ? 'help.intro.personal' : 'help.intro.unpaired')),
      facts(COMMANDS.map(([command, key]) => [command, t(locale, key)])),
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
