// The dev Graph's JSON batching: `POST /$batch` with up to 20 requests, each dispatched through the same
// app with the outer request's token (so inner requests are authorised, counted and faulted one by one),
// answered in Graph's shape `{ responses: [{ id, status, headers, body }] }`.
//
// Every inner request addressing a mailbox counts against that mailbox's concurrency from the moment the
// batch arrives, so a batch holding more than 4 requests for one mailbox gets 429s for the rest. Graph
// documents that a batch's requests may run in any order ("Combine multiple HTTP requests using JSON
// batching", https://learn.microsoft.com/graph/json-batching) and are evaluated individually against
// throttling limits (https://learn.microsoft.com/graph/throttling); Outlook allows 4 concurrent requests per
// app and mailbox (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits); and Microsoft
// answered that Graph hands up to four of a batch's requests to Outlook at once, which runs them in parallel
// whatever mailbox they target, so a fifth for one mailbox is throttled
// (https://learn.microsoft.com/answers/questions/1660054). Counting them all at arrival is the strict
// reading: a client that keeps within it keeps within any real interleaving.
import type { Hono } from 'hono';
import { z } from 'zod';
import type { MailboxInFlight } from './graph-api.ts';
import { graphError, type GraphEnv } from './graph-response.ts';

export const MAX_BATCH_REQUESTS = 20;

const batchSchema = z.object({
  requests: z.array(
    z.object({
      id: z.string().min(1),
      method: z.string().regex(/^(GET|POST|PATCH|PUT|DELETE)$/i),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
      dependsOn: z.array(z.string()).optional(),
    }),
  ),
});

/** The env an inner request runs with: no socket of its own to drop, and whether its batch got it a mailbox slot. */
interface InnerEnv {
  readonly inner: true;
  /** Absent: the request addresses no mailbox. */
  readonly admitted?: boolean;
}

/** For an inner request: whether its batch admitted it under the mailbox's concurrency; undefined otherwise. */
export function batchAdmission(env: unknown): boolean | undefined {
  return typeof env === 'object' && env !== null && 'inner' in env ? (env as InnerEnv).admitted : undefined;
}

/** The mailbox a batch's relative URL addresses (`/users/{id}/…`), lower-cased as the route middleware has it. */
function mailboxOfInner(url: string): string | undefined {
  const match = /^\/?users\/([^/?#]+)/i.exec(url);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]).toLowerCase();
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

export function registerBatchRoute(app: Hono<GraphEnv>, baseUrl: string, inFlight: MailboxInFlight): void {
  app.post('/v1.0/$batch', async (c) => {
    const parsed = batchSchema.safeParse(await c.req.json().catch((error: unknown) => (error instanceof SyntaxError ? undefined : Promise.reject(error))));
    if (!parsed.success) return graphError(c, { status: 400, code: 'BadRequest', message: 'Invalid batch payload format.' });
    const { requests } = parsed.data;
    if (requests.length > MAX_BATCH_REQUESTS) return graphError(c, { status: 400, code: 'BadRequest', message: `Number of batch request steps exceeds the maximum of ${MAX_BATCH_REQUESTS}.` });
    if (new Set(requests.map((request) => request.id)).size !== requests.length) return graphError(c, { status: 400, code: 'BadRequest', message: 'Batch request ids must be unique.' });
    if (requests.some((request) => request.dependsOn?.length)) return graphError(c, { status: 400, code: 'BadRequest', message: 'dependsOn is not supported by the dev Graph.' });

    const authorization = c.req.header('authorization') ?? '';
    const responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: unknown }> = new Array(requests.length);
    const mailboxes = requests.map((request) => mailboxOfInner(request.url));
    const admitted = mailboxes.map((mailbox) => (mailbox === undefined ? undefined : inFlight.enter(mailbox)));
    const run = async (index: number) => {
      const request = requests[index]!;
      const url = `${baseUrl}${request.url.startsWith('/') ? '' : '/'}${request.url}`;
      const hasBody = request.body !== undefined;
      const env: InnerEnv = { inner: true, ...(admitted[index] === undefined ? {} : { admitted: admitted[index] }) };
      try {
        const inner = await app.fetch(
          new Request(url, {
            method: request.method.toUpperCase(),
            headers: { ...request.headers, authorization, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
          }),
          env,
        );
        const headers: Record<string, string> = {};
        inner.headers.forEach((value, name) => {
          // Graph spells inner headers as servers do; Retry-After is the one clients read.
          headers[name === 'retry-after' ? 'Retry-After' : name === 'content-type' ? 'Content-Type' : name] = value;
        });
        const text = await inner.text();
        responses[index] = { id: request.id, status: inner.status, headers, ...(text === '' ? {} : { body: JSON.parse(text) as unknown }) };
      } finally {
        if (admitted[index] === true) inFlight.leave(mailboxes[index]!);
      }
    };
    await Promise.all(requests.map((_, index) => run(index)));
    return c.json({ responses });
  });
}
