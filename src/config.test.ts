// The one config module: defaults, bad values named, and the choice between the local stand-ins and a tenant,
// made once: local only when asked (never under NODE_ENV=production), a tenant only when complete.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readClientCertificate } from './config.ts';
import { generateClientCertificate } from './devtenant/tls.ts';

const LOCAL = { TANDEM_LOCAL: '1' };
const TENANT = {
  TANDEM_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  TANDEM_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
  TANDEM_CLIENT_SECRET: 'graph secret',
  MicrosoftAppId: 'b0750000-0000-4000-8000-000000000002',
  MicrosoftAppPassword: 'bot secret',
} as const;
/** What the refusals name: the credential is a secret or a certificate. */
const TENANT_NAMES = ['TANDEM_TENANT_ID', 'TANDEM_CLIENT_ID', 'TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH', 'MicrosoftAppId', 'MicrosoftAppPassword'];

describe('config from the environment', () => {
  it('runs locally on embedded defaults when asked', () => {
    expect(loadConfig(LOCAL)).toMatchObject({
      databaseUrl: undefined,
      dataDir: './.tandem',
      retentionDays: 400,
      jobConcurrency: 8,
      port: 3978,
      syncEveryMinutes: 5,
      graph: { kind: 'devtenant' },
      graphMode: 'headers',
      backfillDays: 90,
      publicUrl: undefined,
      bot: null,
      playgroundPort: 56150,
    });
  });

  it('reads what is set; an empty or blank variable counts as unset', () => {
    const config = loadConfig({ ...LOCAL, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tandem', TANDEM_JOB_CONCURRENCY: '16', PORT: '', TANDEM_DATA_DIR: '/var/lib/tandem', TANDEM_PUBLIC_URL: '   ' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/tandem', jobConcurrency: 16, port: 3978, dataDir: '/var/lib/tandem', publicUrl: undefined });
  });

  it('names every bad variable and its range', () => {
    expect(() => loadConfig({ ...LOCAL, DATABASE_URL: 'mysql://x', TANDEM_RETENTION_DAYS: '0', TANDEM_SYNC_EVERY_MINUTES: '90' })).toThrow(
      new ConfigError(
        'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL; TANDEM_RETENTION_DAYS must be a whole number from 1 to 3650; TANDEM_SYNC_EVERY_MINUTES must be a whole number from 1 to 59',
      ),
    );
    expect(() => loadConfig({ ...TENANT, TANDEM_GRAPH_MODE: 'full', TANDEM_GRAPH_BASE_URL: 'http://graph' })).toThrow('TANDEM_GRAPH_MODE must be headers or basic; TANDEM_GRAPH_BASE_URL must be an https:// URL');
    expect(() => loadConfig({ ...LOCAL, TANDEM_PLAYGROUND: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...LOCAL, TANDEM_PLAYGROUND_PORT: '70000' })).toThrow(/TANDEM_PLAYGROUND_PORT/);
  });

  it('takes a complete tenant: Graph app and bot app together, the bot single-tenant in the same tenant', () => {
    expect(loadConfig({ ...TENANT, TANDEM_GRAPH_MODE: 'basic' })).toMatchObject({
      graph: { kind: 'tenant', tenantId: TENANT.TANDEM_TENANT_ID, clientId: TENANT.TANDEM_CLIENT_ID, credential: { kind: 'secret', clientSecret: 'graph secret' }, authorityHost: 'https://login.microsoftonline.com', graphBaseUrl: 'https://graph.microsoft.com/v1.0' },
      graphMode: 'basic',
      bot: { appId: TENANT.MicrosoftAppId, appPassword: 'bot secret', appTenantId: TENANT.TANDEM_TENANT_ID },
      // The Playground sends no Bot Framework token: never beside a tenant.
      playgroundPort: null,
    });
  });

  it('turns the Playground off with TANDEM_PLAYGROUND=0, or moves it', () => {
    expect(loadConfig({ ...LOCAL, TANDEM_PLAYGROUND: '0' }).playgroundPort).toBeNull();
    expect(loadConfig({ ...LOCAL, TANDEM_PLAYGROUND_PORT: '4000' }).playgroundPort).toBe(4000);
  });
});

describe('start matrix: local or tenant', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://tandem@db:5432/tandem' };

  it('never runs locally unless asked: nothing set is a tenant with everything missing', () => {
    expect(() => loadConfig({})).toThrow(`${TENANT_NAMES.join(', ')} are missing`);
    expect(() => loadConfig(production)).toThrow(`${TENANT_NAMES.join(', ')} are missing`);
  });

  it('npm start (local unless configured) runs locally on a bare machine, but not under NODE_ENV=production', () => {
    expect(loadConfig({}, { localUnlessConfigured: true }).graph).toEqual({ kind: 'devtenant' });
    expect(() => loadConfig(production, { localUnlessConfigured: true })).toThrow(`${TENANT_NAMES.join(', ')} are missing`);
  });

  it('refuses TANDEM_LOCAL=1 under NODE_ENV=production, however it is asked', () => {
    for (const options of [{}, { localUnlessConfigured: true }]) {
      expect(() => loadConfig({ ...production, ...LOCAL }, options)).toThrow('TANDEM_LOCAL=1 is refused with NODE_ENV=production');
    }
  });

  it('refuses each partial tenant under NODE_ENV=production, naming exactly what is missing', () => {
    for (const name of Object.keys(TENANT)) {
      const named = name === 'TANDEM_CLIENT_SECRET' ? 'TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH' : name;
      const partial = Object.fromEntries(Object.entries(TENANT).filter(([key]) => key !== name));
      expect(() => loadConfig({ ...production, ...partial })).toThrow(new ConfigError(`Invalid configuration: ${named} is missing (a tenant needs ${TENANT_NAMES.join(', ')}; TANDEM_LOCAL=1 runs on local stand-ins instead)`));
      // Set but blank is the same as missing (an optional env file left empty).
      expect(() => loadConfig({ ...production, ...TENANT, [name]: '  ' }, { localUnlessConfigured: true })).toThrow(`${named} is missing`);
    }
    expect(loadConfig({ ...production, ...TENANT }).graph.kind).toBe('tenant');
  });

  it('refuses a tenant half-set beside TANDEM_LOCAL=1, and a half-set one without it', () => {
    expect(() => loadConfig({ ...LOCAL, TANDEM_TENANT_ID: 't' })).toThrow('set either TANDEM_LOCAL=1 or a tenant');
    expect(() => loadConfig({ TANDEM_TENANT_ID: 't', MicrosoftAppId: 'a' }, { localUnlessConfigured: true })).toThrow('TANDEM_CLIENT_ID, TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH, MicrosoftAppPassword are missing');
    expect(() => loadConfig({ ...LOCAL, TANDEM_CLIENT_CERTIFICATE_PATH: '/x.pem' })).toThrow('TANDEM_CLIENT_CERTIFICATE_PATH is set too');
  });
});

// A tenant may forbid app secrets: the Graph app then proves itself with a certificate
// (https://learn.microsoft.com/entra/identity-platform/certificate-credentials), which msal-node takes as its
// SHA-256 thumbprint and PEM private key (https://learn.microsoft.com/entra/msal/javascript/node/certificate-credentials).
describe('the Graph app\'s certificate credential', () => {
  const { TANDEM_CLIENT_SECRET: _secret, ...withoutSecret } = TENANT;
  let dir: string;
  let both: { pem: string; cert: string; key: string };
  let other: { key: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-config-cert-'));
    [both, other] = await Promise.all([generateClientCertificate(), generateClientCertificate('other')]);
  });
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  it('reads the certificate and key from TANDEM_CLIENT_CERTIFICATE_PATH: the SHA-256 thumbprint msal sends as x5t#S256, and the key', async () => {
    const path = await file('app.pem', both.pem);
    const config = loadConfig({ ...withoutSecret, TANDEM_CLIENT_CERTIFICATE_PATH: path });
    expect(config.graph).toMatchObject({ kind: 'tenant', credential: { kind: 'certificate', thumbprintSha256: expect.stringMatching(/^[0-9a-f]{64}$/), privateKey: expect.stringContaining('-----BEGIN PRIVATE KEY-----'), path } });
    const { createHash, X509Certificate } = await import('node:crypto');
    const der = new X509Certificate(both.cert).raw;
    expect(config.graph.kind === 'tenant' && config.graph.credential.kind === 'certificate' && config.graph.credential.thumbprintSha256).toBe(createHash('sha256').update(der).digest('hex'));
  });

  it('refuses a tenant with both a secret and a certificate, and names what is wrong with a certificate file', async () => {
    expect(() => loadConfig({ ...TENANT, TANDEM_CLIENT_CERTIFICATE_PATH: '/x.pem' })).toThrow('set TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH, not both');
    expect(() => loadConfig({ ...withoutSecret, TANDEM_CLIENT_CERTIFICATE_PATH: join(dir, 'absent.pem') })).toThrow(/TANDEM_CLIENT_CERTIFICATE_PATH: cannot read .*absent\.pem \(ENOENT\)/);
    expect(() => readClientCertificate(join(dir, 'absent.pem'))).toThrow(ConfigError);
    const certOnly = await file('cert-only.pem', both.cert);
    expect(() => loadConfig({ ...withoutSecret, TANDEM_CLIENT_CERTIFICATE_PATH: certOnly })).toThrow('no PRIVATE KEY block');
    const keyOnly = await file('key-only.pem', both.key);
    expect(() => loadConfig({ ...withoutSecret, TANDEM_CLIENT_CERTIFICATE_PATH: keyOnly })).toThrow('no CERTIFICATE block');
    const mismatched = await file('mismatched.pem', `${both.cert}\n${other.key}`);
    expect(() => loadConfig({ ...withoutSecret, TANDEM_CLIENT_CERTIFICATE_PATH: mismatched })).toThrow("the private key in");
  });
});
