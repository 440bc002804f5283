// Progress lines on stderr while a large mail source is read.
import { loadSources, SourceError } from '../sources/load.ts';
import type { ImportResult } from '../sources/import-result.ts';
import { UsageError } from './usage-error.ts';

/** Sources larger than this get progress lines on stderr. */
export const PROGRESS_THRESHOLD = 10_000;

function progressReporter(stderr: NodeJS.WritableStream) {
  let shown = 0;
  return (seen: number) => {
    if (seen < PROGRESS_THRESHOLD || seen - shown < PROGRESS_THRESHOLD) return;
    shown = seen;
    stderr.write(`tandem: read ${seen.toLocaleString('en')} messages…\n`);
  };
}

/**
 * Reads the sources with progress on stderr and reports their warnings and unreadable files there; a path
 * that is not a source is a UsageError.
 */
export async function readSourcesForCli(paths: readonly string[], stderr: NodeJS.WritableStream): Promise<ImportResult> {
  let imported: ImportResult;
  try {
    imported = await loadSources(paths, { onProgress: progressReporter(stderr) });
  } catch (error) {
    if (error instanceof SourceError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  for (const warning of imported.warnings) stderr.write(`tandem: warning: ${warning}\n`);
  for (const unreadable of imported.unreadable) stderr.write(`tandem: unreadable: ${unreadable.path}: ${unreadable.error}\n`);
  return imported;
}
