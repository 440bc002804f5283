// Hostile input, answered within limits: time and memory per input, measured in process against the real HTTP
// app on embedded PGlite. A 20 MB body to the bot's endpoint (413 before it is read), a 1,000-entry forged
// Graph change notification (one indexed lookup, one log line), and 40,000-character chat messages built to
// make a backtracking pattern slow (markup stripping, beside the pattern it replaced, measured in the same run).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { botRoute } from '../bot/adapter.ts';
import { plainText } from '../bot/commands.ts';
import { graphNotificationRoutes } from '../src/graph/notification-routes.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { services } from '../test/support/services.ts';

const MB = 1024 * 1024;
const db = await openDatabase({ dataDir: join(await mkdtemp(join(tmpdir(), 'tandem-bench-abuse-')), 'pglite') });
await migrate(db);
let syncs = 0;
const app = createApp({
  db,
  jobsRunning: () => true,
  log: silentLogger,
  bot: botRoute({ ...services(db), db, clock: { now: Date.now }, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null),
  graphNotifications: graphNotificationRoutes({ db, log: silentLogger, syncSoon: async () => void syncs++ }),
});

async function measure(label: string, run: () => Promise<string>): Promise<void> {
  globalThis.gc?.();
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const outcome = await run();
  const ms = performance.now() - started;
  process.stdout.write(`  ${label}: ${outcome}, ${ms.toFixed(1)} ms, RSS +${((process.memoryUsage().rss - rss) / MB).toFixed(1)} MB\n`);
}

process.stdout.write('Hostile input (time and memory per input):\n');
// Over a real socket, as a client would send it: the Content-Length says 20 MB, the server answers first.
const server = serve({ fetch: app.fetch, port: 0 });
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;
await measure('20 MB body to POST /api/messages (Content-Length)', () =>
  new Promise((resolve, reject) => {
    let written = 0;
    const chunk = Buffer.alloc(MB, 'x');
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json', 'content-length': String(20 * MB) } }, (response) => {
      response.resume();
      resolve(`${response.statusCode}, ${written} of 20 MB written before the answer`);
      request.destroy();
    });
    request.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
    const write = () => {
      while (written < 20 && request.write(chunk)) written++;
      if (written < 20) request.once('drain', () => (written++, write()));
    };
    write();
  }),
);
server.close();
await measure('20 MB body without Content-Length (streamed)', async () => {
  const chunk = new TextEncoder().encode('x'.repeat(MB));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({ pull: (controller) => (sent++ < 20 ? controller.enqueue(chunk) : controller.close()) });
  const response = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  return `${response.status}, ${sent} of 20 MB chunks pulled`;
});
await measure('forged Graph notification, 1,000 entries', async () => {
  const value = Array.from({ length: 1_000 }, (_, i) => ({ subscriptionId: `forged-${i}`, clientState: 'guess', changeType: 'created', resource: 'x' }));
  const response = await app.request('/api/graph/notifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value }) });
  return `${response.status}, ${syncs} syncs queued`;
});
const hostile = { 'no tag closes': '<'.repeat(40_000), 'mentions never close': '<at>'.repeat(10_000), 'one long tag': `${'<a'.repeat(20_000)}>x` };
const pattern = (text: string) => text.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/<[^>]+>/g, ' ');
for (const [name, text] of Object.entries(hostile)) {
  await measure(`40,000-character message, ${name}: plainText`, async () => `${plainText(text).length} characters left`);
  await measure(`the same, with the backtracking patterns it replaced`, async () => `${pattern(text).length} characters left`);
}
await db.close();
