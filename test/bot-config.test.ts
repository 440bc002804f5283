// The bot's settings in the one config module: Bot Framework credentials and the Agents Playground.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('bot configuration', () => {
  it('runs without token checks and with the Playground by default on the dev tenant', () => {
    const config = loadConfig({});
    expect(config.bot).toBeNull();
    expect(config.playgroundPort).toBe(56150);
  });

  it('checks tokens once MicrosoftAppId is set, and then never starts the tokenless Playground', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant' });
    expect(config.bot).toEqual({ appId: 'app-id', appPassword: 'secret', appTenantId: 'tenant' });
    expect(config.playgroundPort).toBeNull();
  });

  it('turns the Playground off with TANDEM_PLAYGROUND=0 or with a real tenant, and refuses other values', () => {
    expect(loadConfig({ TANDEM_PLAYGROUND: '0' }).playgroundPort).toBeNull();
    expect(loadConfig({ TANDEM_PLAYGROUND_PORT: '4000' }).playgroundPort).toBe(4000);
    expect(loadConfig({ TANDEM_TENANT_ID: 't', TANDEM_CLIENT_ID: 'c', TANDEM_CLIENT_SECRET: 's' }).playgroundPort).toBeNull();
    expect(() => loadConfig({ TANDEM_PLAYGROUND: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ TANDEM_PLAYGROUND_PORT: '70000' })).toThrow(/TANDEM_PLAYGROUND_PORT/);
  });
});
