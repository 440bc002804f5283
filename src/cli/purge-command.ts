// `tandem purge`: the retention rule by hand, the same deletion the daily job runs.
import { purgeMessagesOlderThan } from '../store/messages.ts';
import { purgeTasksOlderThan } from '../store/tasks.ts';
import { parseCommandLine } from './arguments.ts';
import { withStore, type Environment } from './store-session.ts';

const DAY_MS = 86_400_000;

export const PURGE_USAGE = `Usage: tandem purge

Deletes the message metadata (and its "no reply needed" marks) of every pairing received more than
TANDEM_RETENTION_DAYS days ago (default 400), and the tasks due or removed from their plan or list before
then, and prints how many of each were deleted.`;

/** Runs `tandem purge`; returns the exit code. */
export async function runPurge(argv: readonly string[], stdout: NodeJS.WritableStream, env: Environment): Promise<number> {
  const values = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }, 'purge');
  if (values.help === true) {
    stdout.write(`${PURGE_USAGE}\n`);
    return 0;
  }
  const { purged, purgedTasks, cutoff, days } = await withStore(env, async (db, config) => {
    const cutoff = Date.now() - config.retentionDays * DAY_MS;
    return { purged: await purgeMessagesOlderThan(db, cutoff), purgedTasks: await purgeTasksOlderThan(db, cutoff), cutoff, days: config.retentionDays };
  });
  stdout.write(`purged ${purged} messages received before ${new Date(cutoff).toISOString()} (retention ${days} days)\n`);
  stdout.write(`purged ${purgedTasks} tasks due or removed before then\n`);
  return 0;
}
