// The `tandem` command line: dispatches sub-commands; each lives in src/cli/.
import { runReport } from './cli/report-command.ts';
import { UsageError } from './cli/usage-error.ts';

const USAGE = `Usage: tandem <command> [options]

Commands:
  report   Weekly response and inbox-zero KPIs of a mail export (tandem report --help)`;

/** Runs the CLI; returns the process exit code (0 ok, 1 unexpected failure, 2 bad arguments or source). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'report':
        return await runReport(rest, process.stdout, process.stderr);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: tandem report --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tandem: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
