// Limits on what anyone may send: each route's body limit (413 before the body is read), and a forged batch of
// Graph change notifications answered with one lookup, no sync and one log line, not a thousand of each.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { graphNotificationRoutes } from '../src/graph/notification-routes.ts';
import type { Logger } from '../src/log.ts';
import { silentLogger } from '../src/log.ts';
import { BODY_LIMITS, createApp } from '../src/wiring/http-app.ts';
import { useTestDatabase } from './support/databases.ts';
import { services } from './support/services.ts';

describe('request limits', () => {
  const db = useTestDatabase('pglite');
  const lines: string[] = [];
  const log: Logger = { info: () => {}, warn: (event) => void lines.push(event), error: () => {} };
  let syncs = 0;
  const app = async () =>
    createApp({
      db: db(),
      jobsRunning: () => true,
      log,
      bot: botRoute({ ...services(db()), db: db(), clock: { now: Date.now }, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null),
      graphNotifications: graphNotificationRoutes({ db: db(), log, syncSoon: async () => void syncs++ }),
      tab: { api: new Hono().post('/pairings/x', async (c) => c.json({ read: Object.keys(await c.req.json()).length })), assets: new Hono() },
    });

  it('refuses a body over each route’s limit with 413, by its Content-Length or while it streams', async () => {
    const http = await app();
    const over = (limit: number) => JSON.stringify({ type: 'message', text: 'x'.repeat(limit) });
    expect((await http.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: over(BODY_LIMITS.activity) })).status).toBe(413);
    expect((await http.request('/api/pairings/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: over(BODY_LIMITS.tabApi) })).status).toBe(413);
    expect((await http.request('/api/pairings/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({ pull: (controller) => (pulled++ < 320 ? controller.enqueue(chunk) : controller.close()) });
    const streamed = await http.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    // 20 MB offered, a few hundred kilobytes read.
    expect(pulled).toBeLessThan(10);
  });

  it('answers a forged batch of 1,000 notifications with no sync and one log line', async () => {
    const http = await app();
    lines.length = 0;
    const value = Array.from({ length: 1_000 }, (_, i) => ({ subscriptionId: `forged-${i % 500}`, clientState: 'guess' }));
    const response = await http.request('/api/graph/notifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value }) });
    expect(response.status).toBe(202);
    expect(syncs).toBe(0);
    expect(lines).toEqual(['graph_notifications_refused']);
  });
});
