// `tandem offboard`: deletes everything Tandem holds about a pairing, after a confirmation typed at a terminal
// (or --yes), and prints how many rows each table lost.
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { offboardPairing } from '../store/offboard.ts';
import { requirePairing, type Pairing } from '../store/pairings.ts';
import { parseCommandLine, validateArguments } from './arguments.ts';
import { withStore, type Environment } from './store-session.ts';
import { UsageError } from './usage-error.ts';

export const OFFBOARD_USAGE = `Usage: tandem offboard --pairing <id> [--yes]

  --pairing <id>           the pairing to delete (see: tandem pairing list)
  --yes                    do not ask; required when there is no terminal to ask at

Deletes every row about the pairing (messages, marks, sync state, pauses, snapshots, feedback, posted items,
its audit lines, queued jobs, the pairing itself) in one transaction, and keeps one audit line with the counts.`;

const OPTIONS = {
  pairing: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

const argsSchema = z.object({
  pairing: z.string({ error: '--pairing is required' }).trim().pipe(z.uuid({ error: (issue) => `--pairing must be a pairing id (got "${String(issue.input)}")` })),
  yes: z.boolean().default(false),
});

/** The terminal the command may ask at. */
export interface Terminal {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Where the question is written (stderr, so stdout stays the command's output). */
  readonly prompt: NodeJS.WritableStream;
}

async function confirmed(terminal: Terminal, pairing: Pairing): Promise<boolean> {
  const readline = createInterface({ input: terminal.stdin, output: terminal.prompt });
  try {
    const answer = await readline.question(
      `This deletes every row about pairing ${pairing.id} (mailbox ${pairing.mailbox}, owner ${pairing.owner.address}, VA ${pairing.va.address}) and cannot be undone.\nType "yes" to offboard: `,
    );
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    readline.close();
  }
}

/** Runs `tandem offboard`; returns the exit code (1 when the confirmation was refused). */
export async function runOffboard(argv: readonly string[], stdout: NodeJS.WritableStream, terminal: Terminal, env: Environment): Promise<number> {
  const values = parseCommandLine(argv, OPTIONS, 'offboard');
  if (values.help === true) {
    stdout.write(`${OFFBOARD_USAGE}\n`);
    return 0;
  }
  const args = validateArguments(argsSchema, values);
  if (!args.yes && terminal.stdin.isTTY !== true) {
    throw new UsageError('offboarding deletes data and there is no terminal to confirm at; add --yes to confirm');
  }
  const counts = await withStore(env, async (db) => {
    const pairing = await requirePairing(db, args.pairing);
    if (!args.yes && !(await confirmed(terminal, pairing))) return null;
    return offboardPairing(db, pairing.id, 'cli');
  });
  if (counts === null) {
    terminal.prompt.write('tandem: not confirmed; nothing was deleted\n');
    return 1;
  }
  const width = Math.max(...Object.keys(counts).map((table) => table.length));
  const lines = Object.entries(counts).map(([table, count]) => `  ${table.padEnd(width)}  ${count}`);
  stdout.write(`offboarded pairing ${args.pairing}; rows deleted:\n${lines.join('\n')}\n`);
  return 0;
}
