// msal-node's network module on node:https with an agent of our own, so the dev tenant's CA is trusted
// for identity calls only: TLS verification stays on, and nothing global (NODE_TLS_REJECT_UNAUTHORIZED,
// the global agent) is touched.
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** Applied when msal passes no timeout; Entra answers well within it. */
const DEFAULT_TIMEOUT_MS = 30_000;

export class IdentityNetworkError extends Error {
  override readonly name = 'IdentityNetworkError';
}

/** An agent trusting the system's roots plus `extraCaPem` (when given). */
export function identityAgent(extraCaPem?: string): https.Agent {
  return new https.Agent({ keepAlive: true, ...(extraCaPem ? { ca: [...rootCertificates, extraCaPem] } : {}) });
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]),
  );
}

export function httpsNetworkClient(agent: https.Agent): INetworkModule {
  function send<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeoutMs: number | undefined) {
    return new Promise<NetworkResponse<T>>((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== 'https:') {
        reject(new IdentityNetworkError(`refusing a non-https identity URL: ${target.origin}`));
        return;
      }
      const body = method === 'POST' ? Buffer.from(options?.body ?? '', 'utf8') : undefined;
      const request = https.request(
        target,
        {
          method,
          agent,
          timeout: timeoutMs ?? DEFAULT_TIMEOUT_MS,
          headers: { ...options?.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: T;
            try {
              parsed = JSON.parse(text) as T;
            } catch (error) {
              reject(new IdentityNetworkError(`identity answered ${response.statusCode} with a body that is not JSON`, { cause: error }));
              return;
            }
            resolve({ status: response.statusCode ?? 0, headers: flatten(response.headers), body: parsed });
          });
        },
      );
      request.on('timeout', () => request.destroy(new IdentityNetworkError(`identity request to ${target.origin} timed out`)));
      request.on('error', reject);
      request.end(body);
    });
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options, undefined),
  };
}
