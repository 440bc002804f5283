import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config from the environment', () => {
  it('runs on embedded defaults with nothing set', () => {
    expect(loadConfig({})).toMatchObject({
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
    });
  });

  it('reads what is set; an empty variable counts as unset', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tandem', TANDEM_JOB_CONCURRENCY: '16', PORT: '', TANDEM_DATA_DIR: '/var/lib/tandem' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/tandem', jobConcurrency: 16, port: 3978, dataDir: '/var/lib/tandem' });
  });

  it('names every bad variable and its range', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', TANDEM_RETENTION_DAYS: '0', TANDEM_SYNC_EVERY_MINUTES: '90' })).toThrow(
      new ConfigError(
        'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL; TANDEM_RETENTION_DAYS must be a whole number from 1 to 3650; TANDEM_SYNC_EVERY_MINUTES must be a whole number from 1 to 59',
      ),
    );
  });

  it('takes a tenant only with all three app settings, naming what is missing', () => {
    expect(loadConfig({ TANDEM_TENANT_ID: 't', TANDEM_CLIENT_ID: 'c', TANDEM_CLIENT_SECRET: 's', TANDEM_GRAPH_MODE: 'basic' })).toMatchObject({
      graph: { kind: 'tenant', tenantId: 't', clientId: 'c', clientSecret: 's', authorityHost: 'https://login.microsoftonline.com', graphBaseUrl: 'https://graph.microsoft.com/v1.0' },
      graphMode: 'basic',
    });
    expect(() => loadConfig({ TANDEM_TENANT_ID: 't' })).toThrow(
      new ConfigError(
        'Invalid configuration: TANDEM_CLIENT_ID, TANDEM_CLIENT_SECRET are missing (a tenant needs TANDEM_TENANT_ID, TANDEM_CLIENT_ID, TANDEM_CLIENT_SECRET; set none of them to use the local dev tenant)',
      ),
    );
    expect(() => loadConfig({ TANDEM_GRAPH_MODE: 'full', TANDEM_GRAPH_BASE_URL: 'http://graph' })).toThrow(
      'TANDEM_GRAPH_MODE must be headers or basic; TANDEM_GRAPH_BASE_URL must be an https:// URL',
    );
  });
});
