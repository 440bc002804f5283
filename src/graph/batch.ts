// JSON batching: up to 20 GETs in one `POST /$batch`, where a sync needs several independent reads at once.
// Graph throttles each inner request on its own, so only the inner requests that were throttled or failed
// transiently go out again (in a smaller batch), after the longest Retry-After they asked for.
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { GraphError, type GraphClient } from './graph-client.ts';
import { mailboxOfPath, OUTLOOK_MAX_CONCURRENT_PER_MAILBOX } from './mailbox-limits.ts';
import { backoffMs, DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS, DEFAULT_MAX_RETRIES, RETRY_STATUSES, retryAfterMs } from './throttle-retry.ts';

/** Graph's limit of requests per batch. */
export const MAX_BATCH_REQUESTS = 20;

export interface BatchGet {
  /** Path under the version root, e.g. `/users/x/mailboxSettings`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface BatchAnswer {
  readonly status: number;
  readonly body: unknown;
}

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).nullish(),
      body: z.unknown(),
    }),
  ),
});

const graphErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string().nullish() }) });

export interface BatchOptions {
  readonly logger: Logger;
  readonly maxRetries?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Header lookup that ignores case, as HTTP does (batch answers keep the server's spelling). */
function header(headers: Record<string, string> | null | undefined, name: string): string | null {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1] ?? null;
}

/**
 * Splits pending requests into batches of at most 20 with at most 4 for any one mailbox: Outlook counts each
 * request of a batch against the mailbox's 4 concurrent requests (README, "Limits"), so a fifth would come
 * back 429. First fit keeps the order within a mailbox and the number of batches small.
 */
export function batchChunks(pending: readonly number[], requests: readonly BatchGet[], perMailbox = OUTLOOK_MAX_CONCURRENT_PER_MAILBOX): number[][] {
  const chunks: Array<{ indexes: number[]; perMailbox: Map<string, number> }> = [];
  for (const index of pending) {
    const mailbox = mailboxOfPath(requests[index]!.url);
    const fits = (chunk: (typeof chunks)[number]) => chunk.indexes.length < MAX_BATCH_REQUESTS && (mailbox === undefined || (chunk.perMailbox.get(mailbox) ?? 0) < perMailbox);
    let chunk = chunks.find(fits);
    if (!chunk) {
      chunk = { indexes: [], perMailbox: new Map() };
      chunks.push(chunk);
    }
    chunk.indexes.push(index);
    if (mailbox !== undefined) chunk.perMailbox.set(mailbox, (chunk.perMailbox.get(mailbox) ?? 0) + 1);
  }
  return chunks.map((chunk) => chunk.indexes);
}

/** Sends `requests` in batches (batchChunks) and returns their answers in the same order. */
export async function batchGet(graph: Pick<GraphClient, 'post'>, requests: readonly BatchGet[], options: BatchOptions): Promise<BatchAnswer[]> {
  const answers: (BatchAnswer | undefined)[] = new Array(requests.length);
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  let pending = requests.map((_, index) => index);
  for (let attempt = 0; pending.length > 0; attempt++) {
    const retry: number[] = [];
    let waitMs = 0;
    for (const chunk of batchChunks(pending, requests)) {
      const body = {
        requests: chunk.map((index) => ({ id: String(index), method: 'GET', url: requests[index]!.url, ...(requests[index]!.headers ? { headers: requests[index]!.headers } : {}) })),
      };
      const parsed = batchResponseSchema.parse(await graph.post('/$batch', body));
      for (const response of parsed.responses) {
        const index = Number(response.id);
        if (!chunk.includes(index)) throw new TypeError(`Graph answered a batch with an unknown id ${response.id}`);
        answers[index] = { status: response.status, body: response.body };
        if (RETRY_STATUSES.has(response.status) && attempt < maxRetries) {
          retry.push(index);
          const asked = retryAfterMs(header(response.headers, 'retry-after'), now());
          waitMs = Math.max(waitMs, asked ?? backoffMs(attempt + 1, options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS, options.random ?? Math.random));
        }
      }
      const missing = chunk.filter((index) => answers[index] === undefined);
      if (missing.length > 0) throw new TypeError(`Graph's batch answer lacks ${missing.length} of its requests`);
    }
    if (retry.length > 0) {
      const wait = Math.min(waitMs, options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
      options.logger.warn('graph_throttled', { batch: true, requests: retry.length, waitMs: wait, attempt: attempt + 1 });
      await sleep(wait);
    }
    pending = retry;
  }
  return answers.map((answer) => answer!);
}

/** The body of a 2xx answer, or Graph's error (status, code, message) thrown as the SDK's GraphError. */
export function okBody(answer: BatchAnswer, url: string): unknown {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const parsed = graphErrorBodySchema.safeParse(answer.body);
  const error = new GraphError(answer.status, parsed.success ? (parsed.data.error.message ?? parsed.data.error.code) : `Graph answered ${answer.status} for ${url}`);
  error.code = parsed.success ? parsed.data.error.code : null;
  throw error;
}
