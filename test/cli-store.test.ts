// `tandem pairing`, `import`, `offboard` and `purge` end to end on embedded PGlite in a temporary
// TANDEM_DATA_DIR: the installed command as a user runs it, then the store read back.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOffboard } from '../src/cli/offboard-command.ts';
import { openDatabase } from '../src/store/database.ts';
import { tandem } from './support/cli.ts';
import { migratedPgliteCopy } from './support/databases.ts';

const GRAPH_EXPORT = fileURLToPath(new URL('./fixtures/cli/worked-examples.graph.json', import.meta.url));
const ENRON = fileURLToPath(new URL('./fixtures/enron/badeer-r', import.meta.url));
const UUID = /^[0-9a-f-]{36}$/;
const OWNER_OID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const VA_OID = '9b2d7c1a-5e44-4c1b-8d2e-6a7f3b9c0d12';

/** A stdin that claims to be a terminal and answers the first question asked on `prompt`. */
function terminalAnswering(answer: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const prompt = new PassThrough();
  let asked = '';
  prompt.on('data', (chunk: Buffer) => {
    asked += chunk.toString();
    if (asked.includes('Type "yes"')) stdin.write(`${answer}\n`);
  });
  return { terminal: { stdin, prompt }, asked: () => asked };
}

function collect() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('tandem commands on stored data (PGlite)', () => {
  let dataDir: string;
  let remove: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  const ids: { contoso?: string; enron?: string } = {};
  let enronStored = 0;

  beforeAll(async () => {
    // The server's PGlite folder, already migrated: a fresh PGlite would spend seconds in initdb.
    ({ dir: dataDir, remove } = await migratedPgliteCopy('pglite'));
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, TANDEM_DATA_DIR: dataDir };
  });

  afterAll(async () => {
    await remove?.();
  });

  it('adds pairings and lists them', async () => {
    const settings = join(dataDir, 'settings.json');
    await writeFile(settings, JSON.stringify({ windowHours: 12, clock: 'working' }));
    const contoso = await tandem(['pairing', 'add', '--mailbox', 'Owner@Contoso.com', '--va', 'va@contoso.com', '--owner-id', OWNER_OID.toUpperCase(), '--va-id', VA_OID, '--tz', 'W. Europe Standard Time', '--settings', settings], env);
    expect(contoso).toMatchObject({ code: 0, stderr: '' });
    ids.contoso = contoso.stdout.trim();
    expect(ids.contoso).toMatch(UUID);

    const enron = await tandem(
      ['pairing', 'add', '--mailbox', 'robert.badeer@enron.com', '--owner', 'robert.badeer@enron.com', '--owner', 'rbadeer@enron.com', '--owner', 'R..Badeer@enron.com', '--va', 'assistant@enron.com', '--tenant', 'enron'],
      env,
    );
    expect(enron.code).toBe(0);
    ids.enron = enron.stdout.trim();

    const list = await tandem(['pairing', 'list'], env);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+mailbox\s+owner\s+va\s+owner id\s+va id\s+time zone\s+status$/);
    // The object ids are what the tab and the pane know people by; the Enron pairing has none yet.
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/))).toEqual([
      [ids.contoso, 'owner@contoso.com', 'owner@contoso.com', 'va@contoso.com', OWNER_OID, VA_OID, 'W. Europe Standard Time', 'active'],
      [ids.enron, 'robert.badeer@enron.com', 'robert.badeer@enron.com,rbadeer@enron.com,r..badeer@enron.com', 'assistant@enron.com', '-', '-', 'UTC', 'active'],
    ]);
  });

  it('imports a Graph export and an Enron mailbox', async () => {
    const graph = await tandem(['import', '--source', GRAPH_EXPORT, '--pairing', ids.contoso!], env);
    expect(graph).toMatchObject({ code: 0, stdout: 'stored 14, unchanged 0, invalid 1, duplicates 1, unreadable 0\n' });

    const enron = await tandem(['import', '--source', ENRON, '--pairing', ids.enron!], env);
    expect(enron.code).toBe(0);
    const [, stored, unchanged, invalid, duplicates] = /^stored (\d+), unchanged (\d+), invalid (\d+), duplicates (\d+), unreadable 0\n$/.exec(enron.stdout)!.map(Number);
    expect({ unchanged, invalid }).toEqual({ unchanged: 0, invalid: 0 });
    expect(stored).toBeGreaterThan(100);
    expect(duplicates).toBeGreaterThan(0);
    enronStored = stored!;
    // Mail from 2001 is far beyond the retention period: the import says so.
    expect(enron.stderr).toContain(`${enronStored} messages were received more than 400 days ago`);
  });

  it('offboards only with confirmation, printing the rows deleted per table', async () => {
    const refused = await tandem(['offboard', '--pairing', ids.contoso!], env);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain('add --yes to confirm');

    const done = await tandem(['offboard', '--pairing', ids.contoso!, '--yes'], env);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`offboarded pairing ${ids.contoso}; rows deleted:`);
    expect(done.stdout).toMatch(/^ {2}messages\s+14$/m);
    expect(done.stdout).toMatch(/^ {2}audit_log\s+1$/m);
    expect(done.stdout).toMatch(/^ {2}pairings\s+1$/m);
  });

  it('purges mail older than the retention period', async () => {
    const purge = await tandem(['purge'], env);
    expect(purge.code).toBe(0);
    expect(purge.stdout).toMatch(new RegExp(`^purged ${enronStored} messages received before \\S+ \\(retention 400 days\\)\\npurged 0 tasks due or removed before then\\n$`));
  });

  it('asks at a terminal, and deletes nothing unless told "yes"', async () => {
    const config = { TANDEM_DATA_DIR: dataDir };
    const no = terminalAnswering('no');
    const out = collect();
    expect(await runOffboard(['--pairing', ids.enron!], out.stream, no.terminal, config)).toBe(1);
    expect(no.asked()).toContain('mailbox robert.badeer@enron.com');
    expect(out.text()).toBe('');

    const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    try {
      expect(await db.query('select id from pairings')).toEqual([{ id: ids.enron }]);
      expect(await db.query('select count(*)::int as n from messages')).toEqual([{ n: 0 }]);
      const lines = await db.query<{ tenant_id: string; pairing_id: string | null; details: Record<string, number> }>(
        `select tenant_id, pairing_id, details from audit_log where action = 'pairing_offboarded'`,
      );
      expect(lines).toEqual([{ tenant_id: 'dev', pairing_id: null, details: expect.objectContaining({ messages: 14, pairings: 1 }) }]);
    } finally {
      await db.close();
    }

    const yes = terminalAnswering('yes');
    expect(await runOffboard(['--pairing', ids.enron!], collect().stream, yes.terminal, config)).toBe(0);
  });

  it.each([
    [['pairing', 'add', '--mailbox', 'owner@contoso.com'], '--va is required'],
    [['pairing', 'add', '--mailbox', 'owner@contoso.com', '--va', 'victor assistant@contoso.com'], '--va must be an e-mail address (got "victor assistant@contoso.com")'],
    [['pairing', 'add', '--mailbox', 'owner@contoso.com', '--va', 'va@contoso.com', '--owner-id', 'owner@contoso.com'], '--owner-id must be an Entra object id (a GUID)'],
    [['import', '--source', GRAPH_EXPORT, '--pairing', 'nope'], '--pairing must be a pairing id'],
    [['offboard'], '--pairing is required'],
  ])('refuses %j with exit code 2 and one line', async (args, message) => {
    const { code, stdout, stderr } = await tandem(args, env);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
