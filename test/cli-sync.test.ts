// `tandem sync` in-process against a dev tenant: the progress bar over the backfill, the result line, and a
// refused credential reported in words with exit code 1; bad arguments are usage errors.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync, type OpenMailboxSource } from '../src/cli/sync-command.ts';
import { UsageError } from '../src/cli/usage-error.ts';
import { startDevTenant, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import { ensureSeedPairing } from '../src/devtenant/local-tenant.ts';
import { generateTenantSeed } from '../src/devtenant/seed/generate.ts';
import { connectGraph } from '../src/graph/connect.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { migratedPgliteCopy } from './support/databases.ts';

function collect() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('tandem sync', () => {
  const seed = generateTenantSeed(11, { weeks: 12 });
  let tenant: DevTenant;
  let dataDir: string;
  let remove: () => Promise<void>;
  let pairingId: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    tenant = await startDevTenant({ seed, roles: 'headers' });
    tenant.clock.advanceTo(seed.end);
    ({ dir: dataDir, remove } = await migratedPgliteCopy('pglite'));
    env = { TANDEM_DATA_DIR: dataDir, TANDEM_BACKFILL_DAYS: '120' };
    const db = await openDatabase({ dataDir: `${dataDir}/pglite` });
    await migrate(db);
    pairingId = (await ensureSeedPairing(db, seed)).id;
    await db.close();
  });
  afterAll(async () => {
    await tenant.close();
    await remove();
  });

  const opener = (clientSecret?: string): OpenMailboxSource => async (config) => {
    const connection = connectGraph({
      auth: { ...tenant.authConfig, ...(clientSecret ? { clientSecret } : {}) },
      graphBaseUrl: tenant.graphBaseUrl,
      trustedCaPem: tenant.ca,
      mode: config.graphMode,
      backfillDays: config.backfillDays,
      clock: tenant.clock,
      logger: silentLogger,
      pageSize: 250,
    });
    return { mailbox: connection.mailbox, close: () => connection.close() };
  };

  it('backfills with a progress line per page, then reports what it stored', async () => {
    const stdout = collect();
    const stderr = collect();
    expect(await runSync(['--pairing', pairingId], { stdout: stdout.stream, stderr: stderr.stream }, env, opener())).toBe(0);
    const lines = stderr.text().trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).toMatch(/^\[#*-*\]\s+\d+% {2}Reading the last 120 days of mail: [\d,]+ messages so far$/);
    expect(lines.at(-1)).toMatch(/^\[#{24}\] 100% {2}Reading the last 120 days of mail: [\d,]+ messages so far$/);
    const percents = lines.map((line) => Number(/(\d+)%/.exec(line)?.[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(stdout.text()).toMatch(new RegExp(`^synced pairing ${pairingId} \\(.+\\): \\d+ messages new or changed\\n$`));

    const again = collect();
    expect(await runSync(['--pairing', pairingId], { stdout: collect().stream, stderr: again.stream }, env, opener())).toBe(0);
    expect(again.text()).toBe('Up to date: 0 new or changed messages\n');
  });

  it('says in words why the mailbox could not be read, with exit code 1', async () => {
    const stderr = collect();
    expect(await runSync(['--pairing', pairingId], { stdout: collect().stream, stderr: stderr.stream }, env, opener('wrong-secret'))).toBe(1);
    expect(stderr.text()).toMatch(/^tandem: Microsoft Entra ID refused Tandem’s app credentials \(invalid_client\)/m);
  });

  it('refuses a missing or malformed pairing id as a usage error', async () => {
    const streams = { stdout: collect().stream, stderr: collect().stream };
    await expect(runSync([], streams, env, opener())).rejects.toThrow(new UsageError('--pairing is required'));
    await expect(runSync(['--pairing', 'x'], streams, env, opener())).rejects.toThrow('--pairing must be a pairing id (got "x")');
  });
});
