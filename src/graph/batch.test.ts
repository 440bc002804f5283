// JSON batching: chunks of 20, answers in order, only throttled inner requests retried after their Retry-After.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { batchChunks, batchGet, okBody } from './batch.ts';
import { GraphError } from './graph-client.ts';

interface Sent {
  requests: { id: string; method: string; url: string }[];
}

function fakeGraph(answer: (request: { id: string; url: string }, call: number) => { status: number; headers?: Record<string, string>; body?: unknown }) {
  const calls: Sent[] = [];
  return {
    calls,
    graph: {
      post: async (path: string, body: unknown) => {
        expect(path).toBe('/$batch');
        const sent = body as Sent;
        calls.push(sent);
        return { responses: sent.requests.map((request) => ({ id: request.id, ...answer(request, calls.length) })).reverse() };
      },
    },
  };
}

describe('batchGet', () => {
  it('sends at most 20 requests per batch and returns the answers in request order', async () => {
    const { graph, calls } = fakeGraph((request) => ({ status: 200, body: { url: request.url } }));
    const urls = Array.from({ length: 45 }, (_, index) => `/users/u${index}/mailboxSettings`);
    const answers = await batchGet(graph, urls.map((url) => ({ url })), { logger: silentLogger });
    expect(calls.map((call) => call.requests.length)).toEqual([20, 20, 5]);
    expect(answers.map((answer) => (answer.body as { url: string }).url)).toEqual(urls);
  });

  it('retries only the throttled inner requests, after the longest Retry-After', async () => {
    const waits: number[] = [];
    const { graph, calls } = fakeGraph((request, call) =>
      call === 1 && request.url.endsWith('b') ? { status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } } : { status: 200, body: request.url },
    );
    const answers = await batchGet(graph, [{ url: '/a' }, { url: '/b' }], { logger: silentLogger, sleep: async (ms) => void waits.push(ms) });
    expect(calls[1]!.requests.map((request) => request.url)).toEqual(['/b']);
    expect(waits).toEqual([7_000]);
    expect(answers.map((answer) => answer.body)).toEqual(['/a', '/b']);
  });

  it('gives up after maxRetries and hands back the last answer, which okBody throws as a GraphError', async () => {
    const { graph, calls } = fakeGraph(() => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } }));
    const [answer] = await batchGet(graph, [{ url: '/a' }], { logger: silentLogger, maxRetries: 2, sleep: async () => {} });
    expect(calls).toHaveLength(3);
    expect(() => okBody(answer!, '/a')).toThrow(GraphError);
    try {
      okBody(answer!, '/a');
    } catch (error) {
      expect(error).toMatchObject({ statusCode: 503, code: 'ServiceUnavailable' });
    }
  });

  it('puts at most 4 requests for one mailbox in a batch, since Outlook counts each against its 4 concurrent requests', async () => {
    const { graph, calls } = fakeGraph((request) => ({ status: 200, body: request.url }));
    const owner = Array.from({ length: 9 }, (_, index) => `/users/owner%40contoso.example/mailFolders/f${index}`);
    const urls = [...owner, '/users/va@contoso.example/mailboxSettings', '/organization?$select=verifiedDomains', '/users/OWNER@contoso.example/mailboxSettings'];
    const answers = await batchGet(graph, urls.map((url) => ({ url })), { logger: silentLogger });
    expect(answers.map((answer) => answer.body)).toEqual(urls);
    for (const call of calls) {
      const perMailbox = new Map<string, number>();
      for (const request of call.requests) {
        const mailbox = /users\/([^/]+)/.exec(request.url)?.[1];
        const key = mailbox && decodeURIComponent(mailbox).toLowerCase();
        if (key) perMailbox.set(key, (perMailbox.get(key) ?? 0) + 1);
      }
      expect(Math.max(...perMailbox.values())).toBeLessThanOrEqual(4);
    }
    // 10 owner requests need 3 batches; the others ride along in the first.
    expect(calls.map((call) => call.requests.length)).toEqual([6, 4, 2]);
  });

  it('still fills batches to 20 when the requests address many mailboxes', () => {
    const requests = Array.from({ length: 40 }, (_, index) => ({ url: `/users/u${index % 10}/mailboxSettings` }));
    expect(batchChunks(requests.map((_, index) => index), requests).map((chunk) => chunk.length)).toEqual([20, 20]);
  });
});
