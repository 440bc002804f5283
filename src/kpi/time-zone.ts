// Time zone names as Tandem meets them: IANA names, and the Windows names Exchange's mailboxSettings return.
import { IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

/**
 * Answers by name. Checking a name builds an Intl formatter (tens of microseconds, far more on a busy
 * machine), and every read parses settings and resolves the same few names again: a pairing's read did it a
 * dozen times. The answer for a name never changes while the process runs.
 */
const resolved = new Map<string, string | null>();
/** Names are settings and mailbox values; this bounds what arbitrary ones could make the map hold. */
const MAX_NAMES = 1_000;

/**
 * The IANA zone for an IANA or Windows time zone name ("W. Europe Standard Time" → "Europe/Berlin"),
 * or null when the name is neither.
 */
export function resolveTimeZone(name: string): string | null {
  const known = resolved.get(name);
  if (known !== undefined) return known;
  const zone = resolve(name);
  if (resolved.size >= MAX_NAMES) resolved.delete(resolved.keys().next().value!);
  resolved.set(name, zone);
  return zone;
}

function resolve(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  // Windows names come first: some ("UTC") are also valid IANA names and map to the same instant rules anyway.
  const windows = findIana(trimmed)[0];
  if (windows !== undefined && IANAZone.isValidZone(windows)) return windows;
  return IANAZone.isValidZone(trimmed) ? trimmed : null;
}
