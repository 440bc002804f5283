// Runs the installed `tandem` command as a user would, capturing its exit code and output.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));

export interface TandemRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tandem ...args`; `env` replaces the environment when given (stdin is never a terminal here). */
export async function tandem(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<TandemRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as TandemRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
