// "Minutes left" before a message misses its window, on the pairing's clock: the waiting list, the breach
// warnings and the Outlook pane all read it from here.
import type { Settings } from './settings.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Whole minutes until the window closes (negative once it has), given the clock time already used. */
export function minutesLeft(clockMs: number, settings: Pick<Settings, 'windowHours'>): number {
  return Math.round((settings.windowHours * HOUR_MS - clockMs) / MINUTE_MS);
}
