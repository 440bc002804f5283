// Command parsing: mentions and markup stripped, arguments checked, anything else unknown (→ help card).
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/i18n/locales.ts';
import { t } from '../src/i18n/messages.ts';
import { COMMAND_WORDS, commandHints, commandLines, commandWord, normaliseWord } from './command-words.ts';
import { parseCommand, plainText } from './commands.ts';

describe('parseCommand', () => {
  it('reads each command, with or without the @mention and in any case', () => {
    expect(parseCommand('<at>Tandem</at> scorecard')).toEqual({ kind: 'scorecard', last: false });
    expect(parseCommand('<at>Tandem</at>&nbsp;Scorecard   LAST')).toEqual({ kind: 'scorecard', last: true });
    for (const word of ['waiting', 'feedback', 'settings', 'review', 'help', 'offboard', 'setup'] as const) expect(parseCommand(` ${word.toUpperCase()} `)).toEqual({ kind: word });
    expect(parseCommand('leave 2026-12-24 2026-12-31')).toEqual({ kind: 'leave', from: '2026-12-24', to: '2026-12-31' });
    expect(parseCommand('warnings ON')).toEqual({ kind: 'warnings', on: true });
    expect(parseCommand('warnings off')).toEqual({ kind: 'warnings', on: false });
    expect(parseCommand('warnings maybe')).toEqual({ kind: 'warnings', on: null });
  });

  it('asks for the dates again when leave is not two dates, and calls anything else unknown', () => {
    expect(parseCommand('leave next week')).toEqual({ kind: 'leaveUsage' });
    expect(parseCommand('leave 2026-12-24')).toEqual({ kind: 'leaveUsage' });
    expect(parseCommand('scorecard yesterday')).toEqual({ kind: 'unknown', text: 'scorecard yesterday' });
    expect(parseCommand('help me')).toEqual({ kind: 'unknown', text: 'help me' });
    expect(parseCommand('')).toEqual({ kind: 'unknown', text: '' });
    expect(parseCommand('<p>hi <b>there</b></p>')).toEqual({ kind: 'unknown', text: 'hi there' });
  });

  it('reads every language’s words, mixed in one chat, in any case', () => {
    expect(parseCommand('<at>Tandem</at> Resultatkort sidste')).toEqual({ kind: 'scorecard', last: true });
    expect(parseCommand('WOCHENBERICHT')).toEqual({ kind: 'scorecard', last: false });
    // The local demo's "post this week's scorecard now" (the runner refuses it in a tenant).
    expect(parseCommand('<at>Tandem</at> scorecard now')).toEqual({ kind: 'scorecardNow' });
    expect(parseCommand('Wochenbericht jetzt')).toEqual({ kind: 'scorecardNow' });
    expect(parseCommand('resultatkort nu')).toEqual({ kind: 'scorecardNow' });
    expect(parseCommand('fri 2026-12-24 2026-12-31')).toEqual({ kind: 'leave', from: '2026-12-24', to: '2026-12-31' });
    expect(parseCommand('Überprüfung')).toEqual({ kind: 'review' });
    expect(parseCommand('meldingen uit')).toEqual({ kind: 'warnings', on: false });
    expect(parseCommand('varsler på')).toEqual({ kind: 'warnings', on: true });
    // A decomposed "å" (as some keyboards send it) is the same word.
    expect(parseCommand('varsler pa\u030a')).toEqual({ kind: 'warnings', on: true });
    expect(parseCommand('hjælp')).toEqual({ kind: 'help' });
    // Without the accents a keyboard may not have.
    expect(parseCommand('beeindigen')).toEqual({ kind: 'offboard' });
    expect(parseCommand('Uberprufung')).toEqual({ kind: 'review' });
  });

  it.each(LANGUAGES)('%s: every example the help card and the hints show parses back to its command', (language) => {
    const expected = [
      { kind: 'scorecard', last: false },
      { kind: 'scorecard', last: true },
      { kind: 'waiting' },
      { kind: 'feedback' },
      { kind: 'settings' },
      { kind: 'leave', from: '2026-12-24', to: '2026-12-31' },
      { kind: 'review' },
      { kind: 'warnings', on: true },
      { kind: 'offboard' },
      { kind: 'help' },
    ];
    expect(commandLines(language).map(([typed]) => parseCommand(typed))).toEqual(expected);
    const hints = commandHints(language);
    expect([hints.setup, hints.settings, hints.warningsOn, hints.warningsOff].map(parseCommand)).toEqual([{ kind: 'setup' }, { kind: 'settings' }, { kind: 'warnings', on: true }, { kind: 'warnings', on: false }]);
    expect(t(language, 'warnings.usage', hints)).toContain(hints.warningsOff);
  });

  it('never gives one typed word two meanings across the languages', () => {
    const meanings = new Map<string, Set<string>>();
    for (const language of LANGUAGES) {
      for (const word of COMMAND_WORDS) {
        const typed = normaliseWord(commandWord(language, word));
        expect(typed, `${language} ${word}`).toMatch(/^\S+$/u);
        meanings.set(typed, (meanings.get(typed) ?? new Set()).add(word));
      }
    }
    expect([...meanings].filter(([, words]) => words.size > 1)).toEqual([]);
  });

  it('strips Teams markup to plain text', () => {
    expect(plainText('<at>Tandem</at> <p>waiting</p>\n')).toBe('waiting');
    expect(plainText('<AT>Tandem</AT>&NBSP;waiting')).toBe('waiting');
    // As the patterns read it: from a "<" to the next ">" is markup; a mention that never closes is an ordinary tag.
    expect(plainText('a < b and <at>x')).toBe('a x');
    expect(plainText('İstanbul <at>Tandem</at> help')).toBe('İstanbul help');
  });

  it('quotes an unknown command back at most 200 characters long', () => {
    const long = `blah ${'x'.repeat(10_000)}`;
    const parsed = parseCommand(long);
    expect(parsed.kind).toBe('unknown');
    expect(parsed.kind === 'unknown' && parsed.text).toBe(`${long.slice(0, 200)}…`);
  });

  it('reads hostile markup as the patterns did (no tag closes, endless mentions) in one pass', () => {
    expect(plainText('<'.repeat(40_000))).toBe('<'.repeat(40_000));
    expect(plainText('<at>'.repeat(10_000))).toBe('');
    expect(plainText(`${'<a'.repeat(20_000)}>help`)).toBe('help');
  });
});
