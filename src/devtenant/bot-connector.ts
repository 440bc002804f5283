// A local stand-in for the Bot Framework connector that Teams bots post to: it stores activities per
// conversation and enforces Teams' per-conversation rate limits, answering 429 with Retry-After.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';

/** Teams' documented per-bot, per-conversation limits: at most `count` messages in any `perMs`. */
export const TEAMS_CONVERSATION_LIMITS: ReadonlyArray<{ count: number; perMs: number }> = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
  { count: 1_800, perMs: 3_600_000 },
];

export interface StoredActivity {
  readonly id: string;
  readonly conversationId: string;
  readonly tandemKey: string | null;
  readonly activity: Record<string, unknown>;
}

export interface BotConnectorOptions {
  /** Added to every answer, like a real network round trip. */
  readonly latencyMs?: number;
  readonly limits?: ReadonlyArray<{ count: number; perMs: number }>;
}

export interface BotConnector {
  readonly url: string;
  activities(): readonly StoredActivity[];
  readonly stats: { posts: number; throttled: number };
  close(): Promise<void>;
}

const activitySchema = z.looseObject({
  type: z.literal('message'),
  channelData: z.looseObject({ tandemKey: z.string().optional() }).optional(),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startBotConnector(options: BotConnectorOptions = {}): Promise<BotConnector> {
  const limits = options.limits ?? TEAMS_CONVERSATION_LIMITS;
  const stored: StoredActivity[] = [];
  const sentAt = new Map<string, number[]>();
  const stats = { posts: 0, throttled: 0 };
  const app = new Hono();

  /** Seconds until the conversation may post again, or 0. */
  function retryAfter(conversationId: string, now: number): number {
    const times = sentAt.get(conversationId) ?? [];
    let wait = 0;
    for (const { count, perMs } of limits) {
      const inWindow = times.filter((time) => time > now - perMs);
      if (inWindow.length >= count) wait = Math.max(wait, inWindow[inWindow.length - count]! + perMs - now);
    }
    return Math.ceil(wait / 1000);
  }

  app.use(async (_, next) => {
    if (options.latencyMs) await sleep(options.latencyMs);
    await next();
  });

  app.post('/v3/conversations/:conversationId/activities', async (c) => {
    const conversationId = c.req.param('conversationId');
    const parsed = activitySchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { code: 'BadArgument', message: 'not a message activity' } }, 400);
    const now = Date.now();
    const wait = retryAfter(conversationId, now);
    if (wait > 0) {
      stats.throttled++;
      c.header('Retry-After', String(wait));
      return c.json({ error: { code: 'Throttled', message: 'too many requests for this conversation' } }, 429);
    }
    const times = sentAt.get(conversationId) ?? [];
    times.push(now);
    sentAt.set(conversationId, times.slice(-limits.reduce((max, limit) => Math.max(max, limit.count), 0)));
    const id = `1:${now.toString(36)}${stored.length.toString(36)}`;
    stored.push({ id, conversationId, tandemKey: parsed.data.channelData?.tandemKey ?? null, activity: parsed.data });
    stats.posts++;
    return c.json({ id }, 201);
  });

  // Not part of the real connector: production looks posts up through Graph's chat messages instead.
  app.get('/v3/conversations/:conversationId/activities', (c) => {
    const conversationId = c.req.param('conversationId');
    const key = c.req.query('tandemKey');
    return c.json({ activities: stored.filter((item) => item.conversationId === conversationId && (key === undefined || item.tandemKey === key)) });
  });

  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bot connector did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    activities: () => stored,
    stats,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
