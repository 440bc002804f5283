// The words commands are typed with, in each of Tandem's languages. The help card and the hints show the
// reader's; the parser understands all of them, so a Danish owner and a German VA can share one chat.
import { LANGUAGES } from '../src/i18n/locales.ts';
import { t, type MessageKey } from '../src/i18n/messages.ts';

export const COMMAND_WORDS = ['scorecard', 'last', 'waiting', 'feedback', 'settings', 'leave', 'review', 'warnings', 'on', 'off', 'help', 'offboard', 'setup', 'now'] as const;
export type CommandWord = (typeof COMMAND_WORDS)[number];

/** An example of the leave command's dates. */
const LEAVE_DATES = '2026-12-24 2026-12-31';

/** Typed words compare without case or accents ("beeindigen", "uberprufung", "pa" work too); ø and æ are letters, not accented. */
export const normaliseWord = (typed: string): string => typed.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The word for `word` in the reader's language. */
export function commandWord(locale: string, word: CommandWord): string {
  return t(locale, `command.${word}`);
}

/** Every language's word for each command word; English always works. Several languages may share a word. */
const TYPED: ReadonlyMap<string, CommandWord> = new Map(
  LANGUAGES.flatMap((language) => COMMAND_WORDS.map((word) => [normaliseWord(commandWord(language, word)), word] as const)),
);

/** The command word typed, in any of Tandem's languages, or null. */
export function commandWordOf(typed: string): CommandWord | null {
  return TYPED.get(normaliseWord(typed)) ?? null;
}

/** The commands the catalog's hints name ("Type “settings” to see how."), in the reader's language. */
export function commandHints(locale: string): Record<'setup' | 'settings' | 'scorecardLast' | 'warningsOn' | 'warningsOff' | 'leaveExample', string> {
  const word = (name: CommandWord) => commandWord(locale, name);
  return {
    setup: word('setup'),
    settings: word('settings'),
    scorecardLast: `${word('scorecard')} ${word('last')}`,
    warningsOn: `${word('warnings')} ${word('on')}`,
    warningsOff: `${word('warnings')} ${word('off')}`,
    leaveExample: `${word('leave')} ${LEAVE_DATES}`,
  };
}

/** The help card's lines: what to type, in the reader's language, and what it does. */
export function commandLines(locale: string): ReadonlyArray<readonly [string, MessageKey]> {
  const word = (name: CommandWord) => commandWord(locale, name);
  const hints = commandHints(locale);
  return [
    [word('scorecard'), 'help.cmd.scorecard'],
    [hints.scorecardLast, 'help.cmd.scorecardLast'],
    [word('waiting'), 'help.cmd.waiting'],
    [word('feedback'), 'help.cmd.feedback'],
    [word('settings'), 'help.cmd.settings'],
    [hints.leaveExample, 'help.cmd.leave'],
    [word('review'), 'help.cmd.review'],
    [hints.warningsOn, 'help.cmd.warnings'],
    [word('offboard'), 'help.cmd.offboard'],
    [word('help'), 'help.cmd.help'],
  ];
}
