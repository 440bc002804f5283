// Entry point: read the config, start Tandem through the composition root (src/wiring/start.ts), print where
// it listens, and stop cleanly on a signal. `npm start` passes --local-unless-configured.
import { ConfigError, loadConfig } from './config.ts';
import { jsonLogger } from './log.ts';
import { startTandem } from './wiring/start.ts';

let config;
try {
  config = loadConfig(process.env, { localUnlessConfigured: process.argv.includes('--local-unless-configured') });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`tandem: ${error.message}\n`);
  process.exit(2);
}
const log = jsonLogger();
const tandem = await startTandem(config, log);
process.stdout.write(`${tandem.banner.join('\n')}\n\n`);

async function shutdown(signal: string): Promise<void> {
  log.info('shutdown', { signal });
  await tandem.stop();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
