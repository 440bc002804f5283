// The mailbox source alone, for `tandem sync`: the tenant's Graph, or (local mode) the dev tenant, loaded by
// dynamic import like the server's local environment.
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Clock } from '../ports/clock.ts';
import type { MailboxSource } from '../ports/mailbox.ts';
import type { Database } from '../store/database.ts';
import { tenantEnvironment } from './tenant.ts';

export async function openMailboxSource(config: Config, deps: { db: Database; clock: Clock; log: Logger }): Promise<{ readonly mailbox: MailboxSource; close(): Promise<void> }> {
  if (config.graph.kind === 'tenant') return tenantEnvironment(config, config.graph, deps);
  return (await import('./local.ts')).localMailbox(config, deps);
}
