// The chat poster against the local bot connector: Teams' per-conversation limits answer 429 with
// Retry-After, and the poster waits and delivers everything, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorPoster } from '../bot/connector-poster.ts';
import { startBotConnector, type BotConnector } from '../src/devtenant/bot-connector.ts';

describe('posting to a rate-limited conversation', () => {
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector({ limits: [{ count: 3, perMs: 1_000 }] });
  });
  afterAll(() => connector.close());

  it('waits out 429 + Retry-After and loses nothing', async () => {
    const waits: number[] = [];
    const poster = connectorPoster({ onThrottled: (_conversation, waitMs) => waits.push(waitMs) });
    const conversation = { serviceUrl: connector.url, conversation: { id: '19:chat@thread.v2' } };
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => poster.post(conversation, { type: 'AdaptiveCard' }, `key-${i}`)));
    expect(new Set(ids).size).toBe(5);
    expect(connector.stats.throttled).toBeGreaterThanOrEqual(2);
    expect(waits.every((wait) => wait >= 1_000)).toBe(true);
    expect(connector.activities().map((activity) => activity.tandemKey).sort()).toEqual(['key-0', 'key-1', 'key-2', 'key-3', 'key-4']);
    expect(await poster.findPosted(conversation, 'key-3')).toBe(ids[3]);
    expect(await poster.findPosted(conversation, 'never-posted')).toBeNull();
  });

  it('gives up with a clear error once its patience is spent', async () => {
    const poster = connectorPoster({ maxWaitMs: 0 });
    const conversation = { serviceUrl: connector.url, conversation: { id: '19:busy@thread.v2' } };
    await Promise.all(Array.from({ length: 3 }, (_, i) => poster.post(conversation, {}, `busy-${i}`)));
    await expect(poster.post(conversation, {}, 'busy-3')).rejects.toThrow('connector answered 429');
  });
});
