// `tandem import`: reads mail exports (the same sources as `tandem report`) and stores their message metadata
// for a pairing, as a mailbox sync would.
import { z } from 'zod';
import { appendAudit } from '../store/audit.ts';
import { upsertMessages } from '../store/messages.ts';
import { requirePairing } from '../store/pairings.ts';
import { parseCommandLine, validateArguments } from './arguments.ts';
import { readSourcesForCli } from './read-sources.ts';
import { withStore, type Environment } from './store-session.ts';

const DAY_MS = 86_400_000;

export const IMPORT_USAGE = `Usage: tandem import --source <file|dir> --pairing <id>

  --source <file|dir>      Graph export JSON, .mbox file, Maildir or folder tree (repeatable; copies count once)
  --pairing <id>           the pairing whose mailbox the mail comes from (see: tandem pairing list)

Prints how many messages were stored (new or changed), were already stored unchanged, were invalid, and were copies.`;

const OPTIONS = {
  source: { type: 'string', multiple: true },
  pairing: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const argsSchema = z.object({
  source: z.array(z.string().min(1), { error: '--source is required' }).min(1, { error: '--source is required' }),
  pairing: z.string({ error: '--pairing is required' }).trim().pipe(z.uuid({ error: (issue) => `--pairing must be a pairing id (got "${String(issue.input)}")` })),
});

/** Runs `tandem import`; returns the exit code. Throws UsageError for bad arguments, sources or an unknown pairing. */
export async function runImport(argv: readonly string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, env: Environment): Promise<number> {
  const values = parseCommandLine(argv, OPTIONS, 'import');
  if (values.help === true) {
    stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  const args = validateArguments(argsSchema, values);
  const summary = await withStore(env, async (db, config) => {
    // Check the pairing before reading what may be a large source.
    const pairing = await requirePairing(db, args.pairing);
    const imported = await readSourcesForCli(args.source, stderr);
    const stored = await upsertMessages(db, pairing.id, imported.messages);
    const counts = {
      stored,
      unchanged: imported.messages.length - stored,
      invalid: imported.invalid.length,
      duplicates: imported.duplicates,
      unreadable: imported.unreadable.length,
    };
    await appendAudit(db, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'cli', action: 'messages_imported', details: counts });
    const cutoff = Date.now() - config.retentionDays * DAY_MS;
    const expired = imported.messages.filter((message) => message.receivedAt < cutoff).length;
    if (expired > 0) {
      stderr.write(`tandem: warning: ${expired} messages were received more than ${config.retentionDays} days ago (TANDEM_RETENTION_DAYS); the next purge deletes them\n`);
    }
    return counts;
  });
  stdout.write(
    `stored ${summary.stored}, unchanged ${summary.unchanged}, invalid ${summary.invalid}, duplicates ${summary.duplicates}, unreadable ${summary.unreadable}\n`,
  );
  return 0;
}
