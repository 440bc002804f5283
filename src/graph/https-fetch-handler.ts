// The last link of Tandem's Graph middleware chain: sends the request with undici's fetch through an agent
// of this client's own, so an extra CA (the dev tenant's) is trusted for Graph calls only. TLS verification
// stays on and nothing global (NODE_TLS_REJECT_UNAUTHORIZED, the global dispatcher) is touched.
import { rootCertificates } from 'node:tls';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';

/** Applied to connecting and to waiting for response headers. */
export const DEFAULT_GRAPH_TIMEOUT_MS = 60_000;

/** An undici agent trusting the system's roots plus `extraCaPem` (when given). */
export function graphAgent(extraCaPem?: string, timeoutMs = DEFAULT_GRAPH_TIMEOUT_MS): Agent {
  return new Agent({
    connect: { timeout: timeoutMs, ...(extraCaPem ? { ca: [...rootCertificates, extraCaPem] } : {}) },
    headersTimeout: timeoutMs,
  });
}

export class HttpsFetchHandler implements Middleware {
  constructor(private readonly agent: Agent) {}

  async execute(context: Context): Promise<void> {
    if (typeof context.request !== 'string') throw new TypeError('HttpsFetchHandler expects the SDK to pass the URL as a string');
    const url = new URL(context.request);
    if (url.protocol !== 'https:') throw new TypeError(`refusing a non-https Graph URL: ${url.origin}`);
    // The SDK's FetchOptions are the DOM RequestInit; undici reads the same fields (method, headers, body, signal).
    const init = { ...context.options, dispatcher: this.agent } as UndiciRequestInit;
    const response = await undiciFetch(url, init);
    // undici's Response is the class Node's global fetch returns; the SDK reads it through that interface.
    context.response = response as unknown as Response;
  }
}
