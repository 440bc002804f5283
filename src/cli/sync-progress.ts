// The `tandem sync` progress line: a bar over the backfill's days (it reads newest first, so the share of
// days covered is known without counting the mailbox first), then the totals.
import { t } from '../i18n/messages.ts';
import type { SyncProgress } from '../jobs/sync.ts';

const BAR_WIDTH = 24;

export function progressLine(progress: SyncProgress, backfillDays: number, locale = 'en'): string {
  // Counts go in as numbers: the catalog picks singular or plural and groups the digits for the locale.
  if (progress.phase === 'incremental') return t(locale, 'sync.progress.incremental', { stored: progress.stored });
  const fraction = progress.fraction ?? 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
  return `${bar}  ${t(locale, 'sync.progress.backfill', { days: backfillDays, fetched: progress.fetched })}`;
}
