// Starts the Microsoft 365 Agents Playground (a dev dependency, pinned) against the bot, headless, so a
// newcomer can chat with Tandem in a Teams-like window at once. Local development only: it sends no tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

export interface RunningPlayground {
  readonly url: string;
  close(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** The Playground's CLI, or null when dev dependencies are not installed (a production image). */
export function playgroundCli(): string | null {
  try {
    return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the Agents Playground did not start: ${output.slice(-300)}`)), STARTUP_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening on \d+/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Agents Playground exited (${code}): ${output.slice(-300)}`));
    });
  });
}

/** Starts the Playground on `port` as a Teams client of `botEndpoint` (no browser is opened). */
export async function launchPlayground(cli: string, botEndpoint: string, port: number): Promise<RunningPlayground> {
  const child = spawn(process.execPath, [cli, 'start', '-e', botEndpoint, '-c', 'msteams', '--dt', '-p', String(port)], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await listening(child);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
