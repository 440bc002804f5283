// Starts the Microsoft 365 Agents Playground (a dev dependency, pinned) against the bot, headless, so a
// newcomer can chat with Tandem in a Teams-like window at once. Local development only: it sends no tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface RunningPlayground {
  readonly url: string;
  close(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

export interface PlaygroundPerson {
  /** Entra object id. */
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** Who is in the Playground's chats: the one signed in (the owner), the VA and colleagues, in their tenant. */
export interface PlaygroundChat {
  readonly tenantId: string;
  readonly owner: PlaygroundPerson;
  readonly va: PlaygroundPerson;
  /** The Playground's schema wants at least five people besides the one signed in: the VA and these. */
  readonly colleagues: readonly PlaygroundPerson[];
}

const PLAYGROUND_MIN_USERS = 5;

/** Fixed, so the chats keep their ids across restarts and the bot finds the pairing it set up there. */
const GROUP_CHAT_ID = '19:tandem-playground-group@thread.v2';
const PERSONAL_CHAT_ID = 'a:tandem-playground-personal';

function playgroundUser(person: PlaygroundPerson, id: string) {
  const [givenName = person.name, ...rest] = person.name.split(' ');
  return { id, name: person.name, userPrincipleName: person.email, aadObjectId: person.id, givenName, surname: rest.join(' ') || givenName, email: person.email };
}

/** The Playground's config file (its own YAML schema, "userPrincipleName" sic) for `chat`. */
export function playgroundConfig(chat: PlaygroundChat): string {
  const users = [chat.va, ...chat.colleagues].map((person, index) => playgroundUser(person, `user-id-${index + 1}`));
  if (users.length < PLAYGROUND_MIN_USERS) throw new RangeError(`the Agents Playground needs ${PLAYGROUND_MIN_USERS} people besides the owner, got ${users.length}`);
  return stringify({
    version: '0.1.1',
    tenantId: chat.tenantId,
    bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Tandem' },
    currentUser: playgroundUser(chat.owner, 'user-id-0'),
    users,
    personalChat: { id: PERSONAL_CHAT_ID },
    groupChat: { id: GROUP_CHAT_ID, name: 'Owner and VA' },
    team: { id: 'team-id', name: 'My Team', aadGroupId: '00000000-0000-0000-0000-000000000031', channels: [{ id: 'channel-announcements-id', name: 'Announcements' }] },
  });
}

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

/**
 * Starts the Playground on `port` as a Teams client of `botEndpoint` (no browser is opened); with `chat`, its
 * people are those (the dev tenant's owner and VA), else the Playground's own sample users.
 */
export async function launchPlayground(cli: string, botEndpoint: string, port: number, chat?: PlaygroundChat): Promise<RunningPlayground> {
  // Its log (it writes one to ./devTools by default) and config live in a directory of their own.
  const dir = await mkdtemp(join(tmpdir(), 'tandem-playground-'));
  const configPath = join(dir, 'playground.yml');
  if (chat !== undefined) await writeFile(configPath, playgroundConfig(chat));
  const child = spawn(process.execPath, [cli, 'start', '-e', botEndpoint, '-c', 'msteams', '--dt', '-p', String(port)], {
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      TEAMSAPPTESTER_LOGFILE: join(dir, 'playground.log'),
      ...(chat === undefined ? {} : { M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await listening(child);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
