// Tandem's Graph stack from one set of settings: msal app auth → Graph client → the mailbox source the
// jobs and the CLI sync through. Entra ID and the dev tenant differ only in these settings.
import type { Clock } from '../ports/clock.ts';
import type { MailboxSource } from '../ports/mailbox.ts';
import type { TaskChoices, TaskSource } from '../ports/tasks.ts';
import type { Logger } from '../log.ts';
import type { AutomaticDetection } from '../sources/graph-message.ts';
import { createAppAuth, type AppAuth } from './auth.ts';
import type { AppAuthConfigInput } from './auth-config.ts';
import { createGraphClient, type GraphClient, type GraphClientOptions } from './graph-client.ts';
import { graphMailboxSource, type GraphMailboxSourceOptions } from './mailbox-sync.ts';
import { graphTaskChoices } from './task-choices.ts';
import { graphTaskSource } from './task-sync.ts';

export interface GraphConnectionOptions {
  readonly auth: AppAuthConfigInput;
  /** Graph's versioned root (`https://graph.microsoft.com/v1.0`) or the dev tenant's. */
  readonly graphBaseUrl: string;
  /** The dev tenant's CA, trusted by this connection only. */
  readonly trustedCaPem?: string;
  readonly mode: AutomaticDetection;
  readonly backfillDays: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Tests shorten the client's waits and seed its randomness. */
  readonly retry?: GraphClientOptions['retry'];
  readonly batch?: GraphMailboxSourceOptions['batch'];
  readonly pageSize?: number;
}

export interface GraphConnection {
  readonly auth: AppAuth;
  readonly graph: GraphClient;
  readonly mailbox: MailboxSource;
  /** Planner and To Do, for pairings with a taskSource. */
  readonly tasks: TaskSource;
  /** The plans and lists a pairing's people may choose from. */
  readonly taskChoices: TaskChoices;
  close(): Promise<void>;
}

export function connectGraph(options: GraphConnectionOptions): GraphConnection {
  const auth = createAppAuth({ ...options.auth, ...(options.trustedCaPem ? { trustedCaPem: options.trustedCaPem } : {}) }, { logger: options.logger });
  const graph = createGraphClient({
    auth,
    baseUrl: options.graphBaseUrl,
    logger: options.logger,
    ...(options.trustedCaPem ? { trustedCaPem: options.trustedCaPem } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const mailbox = graphMailboxSource({
    graph,
    mode: options.mode,
    backfillDays: options.backfillDays,
    clock: options.clock,
    logger: options.logger,
    ...(options.batch ? { batch: options.batch } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  const tasks = graphTaskSource({ graph, clock: options.clock, logger: options.logger });
  const taskChoices = graphTaskChoices({ graph, logger: options.logger, ...(options.batch ? { batch: options.batch } : {}) });
  return { auth, graph, mailbox, tasks, taskChoices, close: () => graph.close() };
}
