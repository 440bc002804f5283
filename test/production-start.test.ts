// The production install starts: a copy of what the image ships (package files, src, bot, the built tab),
// installed with `npm ci --omit=dev`, starts in tenant mode against a tenant's identity and Graph endpoints
// (the dev tenant plays them here, trusted through NODE_EXTRA_CA_CERTS) and reports ready. Every module the
// start loaded is recorded: none is a local stand-in (src/devtenant, the local wiring) or a devDependency.
// The same copy refuses to start half-configured, naming what is missing.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTabBuilt, TAB_DIST } from '../src/api/tab-build.ts';
import { startDevTenant, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import { generateTenantSeed } from '../src/devtenant/seed/generate.ts';
import { freePort } from './support/tab-browser.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RECORD_LOADS = fileURLToPath(new URL('./support/record-loads.mjs', import.meta.url));
/** What the Dockerfile's runtime stage copies besides node_modules. */
const SHIPPED = ['package.json', 'package-lock.json', 'bin', 'src', 'bot'];

describe('a production install', () => {
  let dir: string;
  let tenant: DevTenant;
  let caFile: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-prod-'));
    for (const entry of SHIPPED) await cp(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (source) => !/\.test\.ts$/.test(source) });
    await ensureTabBuilt();
    await cp(TAB_DIST, join(dir, 'dist', 'tab'), { recursive: true });
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, timeout: 300_000 });
    tenant = await startDevTenant({ seed: generateTenantSeed(1, { weeks: 4, start: '2026-11-02' }), roles: 'headers' });
    caFile = join(dir, 'tenant-ca.pem');
    await writeFile(caFile, tenant.ca);
  }, 360_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await tenant?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    // Removing an installed node_modules takes more than the default 10 s on a busy machine.
  }, 60_000);

  const tenantEnv = () => ({
    NODE_ENV: 'production',
    TANDEM_TENANT_ID: tenant.tenantId,
    TANDEM_CLIENT_ID: tenant.app.clientId,
    TANDEM_CLIENT_SECRET: tenant.app.clientSecret,
    TANDEM_AUTHORITY_HOST: tenant.authorityHost,
    TANDEM_GRAPH_BASE_URL: tenant.graphBaseUrl,
    MicrosoftAppId: '00000000-0000-4000-8000-00000000b075',
    MicrosoftAppPassword: 'bot secret',
    NODE_EXTRA_CA_CERTS: caFile,
  });

  /** Starts `node --import tsx src/index.ts` as the image does, with only the given environment (plus PATH). */
  function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, ['--import', RECORD_LOADS, '--import', 'tsx', 'src/index.ts'], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
  }

  it('has no devDependency installed (so loading one would crash the start)', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    for (const name of ['yaml', 'vite', 'vitest', '@microsoft/m365agentsplayground', 'selfsigned']) {
      expect(Object.keys(manifest.devDependencies)).toContain(name);
      expect(existsSync(join(dir, 'node_modules', name))).toBe(false);
    }
  });

  it('starts in tenant mode, becomes ready, and loads no local stand-in and no devDependency', async () => {
    const port = await freePort();
    const loads = join(dir, 'loads.txt');
    const server = start({ ...tenantEnv(), PORT: String(port), TANDEM_DATA_DIR: join(dir, 'data'), TANDEM_LOAD_LOG: loads });
    let ready = false;
    for (let waited = 0; waited < 90_000 && !ready && server.child.exitCode === null; waited += 500) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(ready, server.output()).toBe(true);
    expect(server.output()).toContain('Tandem is running (tenant');
    const loaded = (await readFile(loads, 'utf8')).split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url));
    const ours = loaded.filter((path) => path.startsWith(join(dir, 'src')) || path.startsWith(join(dir, 'bot')));
    expect(ours.length).toBeGreaterThan(50);
    expect(ours.some((path) => path.endsWith(join('src', 'wiring', 'tenant.ts')))).toBe(true);
    expect(ours.filter((path) => path.includes(`${join('src', 'devtenant')}/`) || path.includes(join('src', 'wiring', 'local')))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const devPackages = loaded.filter((path) => Object.keys(manifest.devDependencies).some((name) => path.includes(`/node_modules/${name}/`)));
    expect(devPackages).toEqual([]);
    // The tenant's app was not asked for anything it has no pairing for: no local pairing was seeded either.
    expect(server.output()).not.toContain('Seeded pairing');
    server.child.kill('SIGTERM');
    await server.exited;
  }, 120_000);

  it('refuses to start with a partial or blank tenant, or with TANDEM_LOCAL=1, naming what is wrong', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ NODE_ENV: 'production' }, 'TANDEM_TENANT_ID, TANDEM_CLIENT_ID, TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH, MicrosoftAppId, MicrosoftAppPassword are missing'],
      [{ ...tenantEnv(), MicrosoftAppPassword: '' }, 'MicrosoftAppPassword is missing'],
      [{ ...tenantEnv(), TANDEM_CLIENT_SECRET: ' ' }, 'TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH is missing'],
      [{ ...tenantEnv(), TANDEM_CLIENT_CERTIFICATE_PATH: join(dir, 'app.pem') }, 'set TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH, not both'],
      [{ ...tenantEnv(), TANDEM_CLIENT_SECRET: '', TANDEM_CLIENT_CERTIFICATE_PATH: join(dir, 'absent.pem') }, 'TANDEM_CLIENT_CERTIFICATE_PATH: cannot read'],
      [{ NODE_ENV: 'production', TANDEM_LOCAL: '1' }, 'TANDEM_LOCAL=1 is refused with NODE_ENV=production'],
    ];
    for (const [env, message] of cases) {
      const refused = start({ ...env, TANDEM_DATA_DIR: join(dir, 'refused') });
      expect(await refused.exited).toBe(2);
      expect(refused.output()).toContain(message);
    }
  }, 120_000);
});
