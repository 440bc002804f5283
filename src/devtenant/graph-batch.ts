// The dev Graph's JSON batching: `POST /$batch` with up to 20 requests, each dispatched through the same
// app with the outer request's token (so inner requests are authorised, counted and faulted one by one),
// answered in Graph's shape `{ responses: [{ id, status, headers, body }] }`; like Outlook, at most 4 run
// at once.
import type { Hono } from 'hono';
import { z } from 'zod';
import { graphError, type GraphEnv } from './graph-response.ts';

export const MAX_BATCH_REQUESTS = 20;
const BATCH_PARALLELISM = 4;

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

/** The env an inner request runs with: no socket of its own to drop. */
export const INNER_REQUEST = { inner: true } as const;

export function registerBatchRoute(app: Hono<GraphEnv>, baseUrl: string): void {
  app.post('/v1.0/$batch', async (c) => {
    const parsed = batchSchema.safeParse(await c.req.json().catch((error: unknown) => (error instanceof SyntaxError ? undefined : Promise.reject(error))));
    if (!parsed.success) return graphError(c, { status: 400, code: 'BadRequest', message: 'Invalid batch payload format.' });
    const { requests } = parsed.data;
    if (requests.length > MAX_BATCH_REQUESTS) return graphError(c, { status: 400, code: 'BadRequest', message: `Number of batch request steps exceeds the maximum of ${MAX_BATCH_REQUESTS}.` });
    if (new Set(requests.map((request) => request.id)).size !== requests.length) return graphError(c, { status: 400, code: 'BadRequest', message: 'Batch request ids must be unique.' });
    if (requests.some((request) => request.dependsOn?.length)) return graphError(c, { status: 400, code: 'BadRequest', message: 'dependsOn is not supported by the dev Graph.' });

    const authorization = c.req.header('authorization') ?? '';
    const responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: unknown }> = new Array(requests.length);
    let nextIndex = 0;
    const worker = async () => {
      for (let index = nextIndex++; index < requests.length; index = nextIndex++) {
        const request = requests[index]!;
        const url = `${baseUrl}${request.url.startsWith('/') ? '' : '/'}${request.url}`;
        const hasBody = request.body !== undefined;
        const inner = await app.fetch(
          new Request(url, {
            method: request.method.toUpperCase(),
            headers: { ...request.headers, authorization, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
          }),
          INNER_REQUEST,
        );
        const headers: Record<string, string> = {};
        inner.headers.forEach((value, name) => {
          // Graph spells inner headers as servers do; Retry-After is the one clients read.
          headers[name === 'retry-after' ? 'Retry-After' : name === 'content-type' ? 'Content-Type' : name] = value;
        });
        const text = await inner.text();
        responses[index] = { id: request.id, status: inner.status, headers, ...(text === '' ? {} : { body: JSON.parse(text) as unknown }) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_PARALLELISM, requests.length) }, worker));
    return c.json({ responses });
  });
}
