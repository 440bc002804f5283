// The one rule for an address a person types (CLI flags, the set-up form, actions, the API): whatever real mail
// carries in its own headers (docs/kpi.md §3), so that any address the importers and the sync read off a message can
// also be named. RFC 5322's dot-atom is too strict for that (Exchange and Enron archives hold `j..smith@`,
// `.williams@` and `smith.@`), and so is zod's z.email(); what is refused is only what cannot be an address at all.
import { z } from 'zod';

/** RFC 5321's limits, 64 octets before the @ and 255 after, with the @ itself. */
export const MAX_ADDRESS_LENGTH = 320;

// One character of the local part outside quotes: anything but whitespace, controls, the @ and the specials that
// only appear quoted. Dots may stand anywhere, doubled or at either end, as real mail has them.
const LOCAL_CHAR = String.raw`[^\s"@<>()\[\]\\,;:\p{Cc}]`;
// A quoted local part, or a quoted run within one, as postal-mime keeps it: `"john smith"@example.com`.
const QUOTED = String.raw`"(?:[^"\\\p{Cc}]|\\[^\p{Cc}])*"`;
// Labels of letters, digits and hyphens (internationalised domains included), at least two of them.
const LABEL = String.raw`[\p{L}\p{N}-]+`;
// Each alternative starts with a different character and every repetition consumes a separator, so matching is
// linear: no input makes this pattern backtrack.
const ADDRESS = new RegExp(String.raw`^(?:${QUOTED}|${LOCAL_CHAR})+@${LABEL}(?:\.${LABEL})+$`, 'u');

const DEFAULT_MESSAGE = 'must be an e-mail address such as name@example.com';

/**
 * An address, trimmed and lower-cased (addresses compare without case). `message` words the refusal for the
 * place that asks, e.g. naming the flag; it gets what was given.
 */
export function emailAddress(message: (input: unknown) => string = () => DEFAULT_MESSAGE) {
  const error = (issue: { input?: unknown }) => message(issue.input);
  return z
    .string({ error })
    .trim()
    .toLowerCase()
    .pipe(z.string().max(MAX_ADDRESS_LENGTH, { error }).regex(ADDRESS, { error }));
}

/** Whether `value` names an address under {@link emailAddress}'s rule. */
export const isEmailAddress = (value: string): boolean => emailAddress().safeParse(value).success;
