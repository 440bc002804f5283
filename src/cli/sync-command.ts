// `tandem sync --pairing <id>`: one mailbox sync now, in the foreground, with a progress bar on stderr —
// the same steps the scheduled sync job runs, against the configured tenant or the local dev tenant.
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { MailboxSource } from '../ports/mailbox.ts';
import { syncPairing } from '../jobs/sync.ts';
import type { Database } from '../store/database.ts';
import { requirePairing } from '../store/pairings.ts';
import { SyncError } from '../graph/sync-errors.ts';
import { parseCommandLine, validateArguments } from './arguments.ts';
import { withStore, type Environment } from './store-session.ts';
import { progressLine } from './sync-progress.ts';

export const SYNC_USAGE = `Usage: tandem sync --pairing <id>

  --pairing <id>           the pairing whose mailbox to sync (see: tandem pairing list)

Reads the mailbox's message metadata from Microsoft Graph into the store: the first run backfills the last
TANDEM_BACKFILL_DAYS days (default 90), later runs read what changed. A run that stops halfway resumes where
it stopped. Without TANDEM_TENANT_ID/TANDEM_CLIENT_ID/TANDEM_CLIENT_SECRET it syncs from the local dev tenant.`;

const OPTIONS = {
  pairing: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const argsSchema = z.object({
  pairing: z.string({ error: '--pairing is required' }).trim().pipe(z.uuid({ error: (issue) => `--pairing must be a pairing id (got "${String(issue.input)}")` })),
});

/** A mailbox source for the configuration, and how to let it go. */
export type OpenMailboxSource = (config: Config, db: Database) => Promise<{ readonly mailbox: MailboxSource; close(): Promise<void> }>;

export interface SyncStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** Runs `tandem sync`; returns the exit code (1 when the mailbox could not be read, with the reason). */
export async function runSync(argv: readonly string[], streams: SyncStreams, env: Environment, open: OpenMailboxSource): Promise<number> {
  const values = parseCommandLine(argv, OPTIONS, 'sync');
  if (values.help === true) {
    streams.stdout.write(`${SYNC_USAGE}\n`);
    return 0;
  }
  const args = validateArguments(argsSchema, values);
  return withStore(env, async (db, config) => {
    const pairing = await requirePairing(db, args.pairing);
    const source = await open(config, db);
    // On a terminal the bar redraws in place; in a log every step is its own line.
    const redraw = streams.stderr.isTTY === true;
    try {
      const stored = await syncPairing({ db, mailbox: source.mailbox }, pairing.id, (progress) => {
        streams.stderr.write(redraw ? `\r${progressLine(progress, config.backfillDays, pairing.locale)}\u001b[K` : `${progressLine(progress, config.backfillDays, pairing.locale)}\n`);
      });
      if (redraw) streams.stderr.write('\n');
      streams.stdout.write(`synced pairing ${pairing.id} (${pairing.mailbox}): ${stored} messages new or changed\n`);
      return 0;
    } catch (error) {
      if (redraw) streams.stderr.write('\n');
      if (!(error instanceof SyncError)) throw error;
      streams.stderr.write(`tandem: ${error.message}\n`);
      return 1;
    } finally {
      await source.close();
    }
  });
}
