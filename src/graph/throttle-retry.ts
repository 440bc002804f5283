// Retries Graph's throttling and transient answers (429, 503, 504) the way Microsoft asks: wait what
// `Retry-After` says, else back off exponentially with jitter; a connection lost before any answer is
// retried the same way. It replaces the SDK's RetryHandler, which cannot tell anyone it waited: every
// throttling event here is one `graph_throttled` log line, every lost connection one `graph_connection_lost`.
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../log.ts';
import { mailboxOf, requestUrl } from './mailbox-limits.ts';

export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * Marks a request that must not reach Graph twice (creating a draft, sending one): a 503, a 504 or a lost
 * connection may come after Graph acted on it, so only a 429 is retried — Graph documents throttled requests
 * as failed ("the requests fail", https://learn.microsoft.com/graph/throttling). The caller resolves any
 * other doubt by looking, not by sending again.
 */
export class NotRepeatable implements MiddlewareOptions {}

function isNotRepeatable(context: Context): boolean {
  return context.middlewareControl?.getMiddlewareOptions(NotRepeatable) instanceof NotRepeatable;
}

export interface ThrottleRetryOptions {
  /** Retries after the first attempt; the SDK's default is 3, its cap 10. */
  readonly maxRetries?: number;
  /** First backoff step when Graph sends no Retry-After; doubles per attempt. */
  readonly baseDelayMs?: number;
  /** No single wait is longer than this, whatever Retry-After says (the SDK caps at 180 s). */
  readonly maxDelayMs?: number;
  readonly logger: Logger;
  /** Injected for tests: a wait that need not really wait, and a seeded random in [0, 1). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
}

export const DEFAULT_MAX_RETRIES = 3;

/** undici's codes (on a fetch error's `cause`) for a connection that failed before any answer arrived. */
const TRANSIENT_CONNECTION_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** Whether `error` is a lost or refused connection, which a replayable request may simply try again. */
export function isTransientConnectionError(error: unknown): boolean {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error ? (cause as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && TRANSIENT_CONNECTION_CODES.has(code);
}
export const DEFAULT_BASE_DELAY_MS = 1_000;
export const DEFAULT_MAX_DELAY_MS = 180_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds a Retry-After value asks for (delta-seconds or an HTTP date), or undefined if unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Equal-jitter exponential backoff: half the step fixed, half random, so retries spread out. */
export function backoffMs(attempt: number, baseDelayMs: number, random: () => number): number {
  const step = baseDelayMs * 2 ** (attempt - 1);
  return Math.round(step / 2 + (step / 2) * random());
}

/** Whether the request can be sent again as it is (no one-shot stream body). */
function isReplayable(context: Context): boolean {
  const body = context.options?.body;
  return body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) options.headers = [...headers.filter((entry) => entry[0]?.toLowerCase() !== name.toLowerCase()), [name, value]];
  else options.headers = { ...headers, [name]: value };
}

export class ThrottleRetry implements Middleware {
  private next: Middleware | undefined;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: ThrottleRetryOptions) {
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) throw new RangeError(`maxRetries must be a non-negative integer, got ${this.maxRetries}`);
    this.baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('ThrottleRetry is the last middleware; it needs an HTTP handler after it');
    const url = requestUrl(context);
    const mailbox = mailboxOf(url) ?? null;
    for (let attempt = 0; ; attempt++) {
      try {
        await next.execute(context);
      } catch (error) {
        const retrying = attempt < this.maxRetries && isReplayable(context) && !isNotRepeatable(context) && isTransientConnectionError(error);
        this.options.logger.warn('graph_connection_lost', { mailbox, attempt: attempt + 1, giveUp: !retrying, path: new URL(url).pathname });
        if (!retrying) throw error;
        await this.sleep(Math.min(backoffMs(attempt + 1, this.baseDelayMs, this.random), this.maxDelayMs));
        continue;
      }
      const response = context.response;
      if (!response || !RETRY_STATUSES.has(response.status)) return;

      const retrying = attempt < this.maxRetries && isReplayable(context) && (response.status === 429 || !isNotRepeatable(context));
      const asked = retryAfterMs(response.headers.get('retry-after'), this.now());
      const waitMs = retrying ? Math.min(asked ?? backoffMs(attempt + 1, this.baseDelayMs, this.random), this.maxDelayMs) : null;
      this.options.logger.warn('graph_throttled', {
        status: response.status,
        mailbox,
        waitMs,
        retryAfter: asked === undefined ? null : 'header',
        attempt: attempt + 1,
        giveUp: !retrying,
        path: new URL(url).pathname,
      });
      if (!retrying || waitMs === null) return; // the SDK turns the last answer into a GraphError

      // Release the connection the unread body holds before waiting.
      await response.body?.cancel();
      setHeader(context, 'Retry-Attempt', String(attempt + 1));
      await this.sleep(waitMs);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
