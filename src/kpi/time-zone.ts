// Time zone names as Tandem meets them: IANA names, and the Windows names Exchange's mailboxSettings return.
import { IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

/**
 * The IANA zone for an IANA or Windows time zone name ("W. Europe Standard Time" → "Europe/Berlin"),
 * or null when the name is neither.
 */
export function resolveTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  // Windows names come first: some ("UTC") are also valid IANA names and map to the same instant rules anyway.
  const windows = findIana(trimmed)[0];
  if (windows !== undefined && IANAZone.isValidZone(windows)) return windows;
  return IANAZone.isValidZone(trimmed) ? trimmed : null;
}
