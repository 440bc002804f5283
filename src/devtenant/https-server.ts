// How the dev tenant's stand-ins listen: HTTPS on a free port of the loopback, with an app that can only be
// built once the origin (with its port) is known — tokens and links name it.
import https from 'node:https';
import { createAdaptorServer } from '@hono/node-server';

export interface ListeningServer {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  /** Hands requests to `fetch` from now on; until then they get 503. */
  serve(fetch: (request: Request, env: unknown) => Response | Promise<Response>): void;
  close(): Promise<void>;
}

export async function listenHttps(options: { tls: { key: string; cert: string }; hostname?: string; port?: number; name: string }): Promise<ListeningServer> {
  let handler: ((request: Request, env: unknown) => Response | Promise<Response>) | undefined;
  const server = createAdaptorServer({
    fetch: (request, env) => (handler ? handler(request, env) : new Response('starting', { status: 503 })),
    createServer: https.createServer,
    serverOptions: { key: options.tls.key, cert: options.tls.cert },
  });
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${options.name} did not bind a TCP port`);
  return {
    origin: `https://${hostname.includes(':') ? `[${hostname}]` : hostname}:${address.port}`,
    serve(fetch) {
      handler = fetch;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
