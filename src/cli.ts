// The `tandem` command line: dispatches sub-commands; each lives in src/cli/.
import { runDevtenant } from './cli/devtenant-command.ts';
import { runImport } from './cli/import-command.ts';
import { runOffboard } from './cli/offboard-command.ts';
import { runPairing } from './cli/pairing-command.ts';
import { runPurge } from './cli/purge-command.ts';
import { runReport } from './cli/report-command.ts';
import { runSync } from './cli/sync-command.ts';
import { systemClock } from './ports/clock.ts';
import { jsonLogger } from './log.ts';
import { UsageError } from './cli/usage-error.ts';
import { openMailboxSource } from './wiring/mailbox-source.ts';

const USAGE = `Usage: tandem <command> [options]

Commands:
  report     Weekly response and inbox-zero KPIs of a mail export (tandem report --help)
  pairing    Add a pairing or list them (tandem pairing --help)
  import     Store a mail export's message metadata for a pairing (tandem import --help)
  offboard   Delete everything about a pairing (tandem offboard --help)
  purge      Delete message metadata older than the retention period (tandem purge --help)
  sync       Sync a pairing's mailbox from Microsoft Graph now, with progress (tandem sync --help)
  devtenant  Run the local dev tenant (Graph and identity stand-in) on its own (tandem devtenant --help)

Commands on stored data use DATABASE_URL (PostgreSQL) or else embedded PGlite under TANDEM_DATA_DIR (./.tandem).`;

/** Runs the CLI; returns the process exit code (0 ok, 1 unexpected failure or a refused confirmation, 2 bad arguments, source or environment). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'report':
        return await runReport(rest, process.stdout, process.stderr);
      case 'pairing':
        return await runPairing(rest, process.stdout, process.env);
      case 'import':
        return await runImport(rest, process.stdout, process.stderr, process.env);
      case 'offboard':
        return await runOffboard(rest, process.stdout, { stdin: process.stdin, prompt: process.stderr }, process.env);
      case 'purge':
        return await runPurge(rest, process.stdout, process.env);
      case 'sync':
        return await runSync(rest, { stdout: process.stdout, stderr: process.stderr }, process.env, (config, db) =>
          openMailboxSource(config, { db, clock: systemClock, log: jsonLogger() }),
        );
      case 'devtenant':
        return await runDevtenant(rest, process.stdout, process.env, () => new Promise((resolve) => process.once('SIGINT', () => resolve())));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: tandem --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tandem: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
