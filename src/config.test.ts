// The one config module: defaults, bad values named, and the choice between the local stand-ins and a tenant,
// made once: local only when asked (never under NODE_ENV=production), a tenant only when complete.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const LOCAL = { TANDEM_LOCAL: '1' };
const TENANT = {
  TANDEM_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  TANDEM_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
  TANDEM_CLIENT_SECRET: 'graph secret',
  MicrosoftAppId: 'b0750000-0000-4000-8000-000000000002',
  MicrosoftAppPassword: 'bot secret',
} as const;
const TENANT_NAMES = Object.keys(TENANT);

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
      graph: { kind: 'tenant', tenantId: TENANT.TANDEM_TENANT_ID, clientId: TENANT.TANDEM_CLIENT_ID, clientSecret: 'graph secret', authorityHost: 'https://login.microsoftonline.com', graphBaseUrl: 'https://graph.microsoft.com/v1.0' },
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
    for (const name of TENANT_NAMES) {
      const partial = Object.fromEntries(Object.entries(TENANT).filter(([key]) => key !== name));
      expect(() => loadConfig({ ...production, ...partial })).toThrow(new ConfigError(`Invalid configuration: ${name} is missing (a tenant needs ${TENANT_NAMES.join(', ')}; TANDEM_LOCAL=1 runs on local stand-ins instead)`));
      // Set but blank is the same as missing (an optional env file left empty).
      expect(() => loadConfig({ ...production, ...TENANT, [name]: '  ' }, { localUnlessConfigured: true })).toThrow(`${name} is missing`);
    }
    expect(loadConfig({ ...production, ...TENANT }).graph.kind).toBe('tenant');
  });

  it('refuses a tenant half-set beside TANDEM_LOCAL=1, and a half-set one without it', () => {
    expect(() => loadConfig({ ...LOCAL, TANDEM_TENANT_ID: 't' })).toThrow('set either TANDEM_LOCAL=1 or a tenant');
    expect(() => loadConfig({ TANDEM_TENANT_ID: 't', MicrosoftAppId: 'a' }, { localUnlessConfigured: true })).toThrow('TANDEM_CLIENT_ID, TANDEM_CLIENT_SECRET, MicrosoftAppPassword are missing');
  });
});
