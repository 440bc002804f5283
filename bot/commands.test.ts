// Command parsing: mentions and markup stripped, arguments checked, anything else unknown (→ help card).
import { describe, expect, it } from 'vitest';
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

  it('strips Teams markup to plain text', () => {
    expect(plainText('<at>Tandem</at> <p>waiting</p>\n')).toBe('waiting');
  });
});
