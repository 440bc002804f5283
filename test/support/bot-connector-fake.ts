// A local fake of the Bot Framework connector for bot tests: it answers the calls a bot makes (send, reply,
// update, paged members) and records each, so tests assert on what the bot sent. Rosters are set per chat.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';

export interface RecordedCall {
  readonly method: 'post' | 'reply' | 'update';
  readonly conversationId: string;
  /** The activity replied to or updated. */
  readonly activityId: string | null;
  readonly activity: Record<string, unknown>;
}

export interface RosterEntry {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
}

export interface FakeConnector {
  readonly url: string;
  readonly calls: RecordedCall[];
  setRoster(conversationId: string, members: readonly RosterEntry[]): void;
  /** Adaptive Cards the bot sent (posts, replies and updates), in order. */
  cards(): Array<{ method: RecordedCall['method']; activityId: string | null; card: Record<string, unknown> }>;
  clear(): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: RecordedCall[] = [];
  const rosters = new Map<string, readonly RosterEntry[]>();
  let next = 0;
  const app = new Hono();
  const record = async (method: RecordedCall['method'], conversationId: string, activityId: string | null, body: unknown) => {
    calls.push({ method, conversationId, activityId, activity: body as Record<string, unknown> });
    return { id: activityId !== null && method === 'update' ? activityId : `activity-${++next}` };
  };
  app.post('/v3/conversations/:conversationId/activities', async (c) => c.json(await record('post', c.req.param('conversationId'), null, await c.req.json()), 201));
  app.post('/v3/conversations/:conversationId/activities/:activityId', async (c) =>
    c.json(await record('reply', c.req.param('conversationId'), c.req.param('activityId'), await c.req.json()), 201),
  );
  app.put('/v3/conversations/:conversationId/activities/:activityId', async (c) =>
    c.json(await record('update', c.req.param('conversationId'), c.req.param('activityId'), await c.req.json()), 200),
  );
  // Pages like Teams: `pageSize` members at a time, a continuation token while more remain.
  app.get('/v3/conversations/:conversationId/pagedmembers', (c) => {
    const members = rosters.get(c.req.param('conversationId')) ?? [];
    const size = Number(c.req.query('pageSize') ?? 50);
    const start = Number(c.req.query('continuationToken') ?? 0);
    const next = start + size;
    return c.json({ members: members.slice(start, next), ...(next < members.length ? { continuationToken: String(next) } : {}) });
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake connector did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    setRoster: (conversationId, members) => void rosters.set(conversationId, members),
    cards: () =>
      calls.flatMap((call) =>
        ((call.activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined) ?? [])
          .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
          .map((attachment) => ({ method: call.method, activityId: call.activityId, card: attachment.content })),
      ),
    clear: () => void calls.splice(0),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
