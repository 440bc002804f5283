// Turns what someone typed to Tandem (an @mention in the group chat, plain text in a personal chat) into a
// command, in any of Tandem's languages. Pure; anything not understood is `unknown`, which the bot answers
// with the help card.
import { commandWordOf } from './command-words.ts';

export type Command =
  | { readonly kind: 'scorecard'; readonly last: boolean }
  | { readonly kind: 'scorecardNow' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'feedback' }
  | { readonly kind: 'settings' }
  | { readonly kind: 'leave'; readonly from: string; readonly to: string }
  | { readonly kind: 'leaveUsage' }
  | { readonly kind: 'review' }
  | { readonly kind: 'warnings'; readonly on: boolean | null }
  | { readonly kind: 'help' }
  | { readonly kind: 'offboard' }
  | { readonly kind: 'setup' }
  | { readonly kind: 'unknown'; readonly text: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An unknown command is quoted back at most this long: commands are a few words, anything longer is not one. */
export const MAX_ECHO_LENGTH = 200;

/**
 * The text without Teams' `<at>…</at>` mentions and markup, whitespace collapsed. One pass with indexOf, never a
 * backtracking pattern: a message of 28,000 "<" costs as little as any other (the chat's input is anyone's).
 */
export function plainText(text: string): string {
  // ASCII only, so every index in `lower` is the same character's in `text` (toLowerCase may lengthen some).
  const lower = text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  let out = '';
  let at = 0;
  // Once a search finds nothing from some position, it finds nothing from any later one either.
  let mentionsClose = true;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open < 0) {
      out += text.slice(at);
      break;
    }
    out += text.slice(at, open);
    const close = text.indexOf('>', open + 1);
    if (close < 0) {
      out += text.slice(open);
      break;
    }
    at = close + 1;
    if (mentionsClose && lower.startsWith('<at>', open)) {
      const end = lower.indexOf('</at>', at);
      if (end < 0) mentionsClose = false;
      else at = end + '</at>'.length;
    }
    out += ' ';
  }
  return out.replace(/&nbsp;/gi, ' ').replace(/\s+/g, ' ').trim();
}

export function parseCommand(text: string): Command {
  const plain = plainText(text);
  if (plain.length > MAX_ECHO_LENGTH) return { kind: 'unknown', text: `${plain.slice(0, MAX_ECHO_LENGTH)}…` };
  const [typed = '', ...rest] = plain.split(' ');
  const args = rest.filter((arg) => arg !== '');
  const word = commandWordOf(typed);
  const only = (arg: string | undefined) => (arg === undefined ? null : commandWordOf(arg));
  switch (word) {
    case 'scorecard':
      if (args.length === 0) return { kind: 'scorecard', last: false };
      if (args.length === 1 && only(args[0]) === 'last') return { kind: 'scorecard', last: true };
      return args.length === 1 && only(args[0]) === 'now' ? { kind: 'scorecardNow' } : { kind: 'unknown', text: plain };
    case 'leave':
      return args.length === 2 && DATE.test(args[0]!) && DATE.test(args[1]!) ? { kind: 'leave', from: args[0]!, to: args[1]! } : { kind: 'leaveUsage' };
    case 'warnings': {
      const state = args.length === 1 ? only(args[0]) : null;
      return { kind: 'warnings', on: state === 'on' ? true : state === 'off' ? false : null };
    }
    case 'waiting':
    case 'feedback':
    case 'settings':
    case 'review':
    case 'help':
    case 'offboard':
    case 'setup':
      return args.length === 0 ? { kind: word } : { kind: 'unknown', text: plain };
    default:
      return { kind: 'unknown', text: plain };
  }
}
