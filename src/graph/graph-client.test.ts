import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch as undiciFetch } from 'undici';
import { startDevGraph, type DevGraph, type DevGraphConfig, type DevMailbox } from '../devtenant/graph-api.ts';
import { startDevIdentity, type DevIdentity } from '../devtenant/identity.ts';
import { generateLocalhostCertificate, type TlsMaterial } from '../devtenant/tls.ts';
import type { Logger } from '../log.ts';
import { createAppAuth, type AppAuth } from './auth.ts';
import { createGraphClient, GraphBudgetExceededError, GraphError, type GraphClientOptions } from './graph-client.ts';
import { graphAgent } from './https-fetch-handler.ts';
import { readInboxCounts, readMailboxSettings } from './mailbox-reads.ts';

const TENANT = '5e7a0c3d-1234-4abc-8def-0123456789ab';
const APP = { clientId: 'b0b0cafe-2222-4333-8444-955566667777', clientSecret: 'dev~graph', displayName: 'Tandem (dev)' };
const VA = 'va@contoso.test';
const OWNER = 'owner@contoso.test';

const mailbox = (id: string, userPrincipalName: string, total: number, unread: number): DevMailbox => ({
  id,
  userPrincipalName,
  folders: { inbox: { id: `${id}-inbox`, displayName: 'Inbox', totalItemCount: total, unreadItemCount: unread, childFolderCount: 2 } },
  settings: {
    timeZone: 'W. Europe Standard Time',
    workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'W. Europe Standard Time' } },
    automaticRepliesSetting: {
      status: 'scheduled',
      externalAudience: 'all',
      internalReplyMessage: 'Away',
      externalReplyMessage: 'Away',
      scheduledStartDateTime: { dateTime: '2026-12-24T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2027-01-02T00:00:00.0000000', timeZone: 'UTC' },
    },
  },
});
const MAILBOXES = [mailbox('0b9e5f11-0000-4000-8000-000000000002', VA, 71, 9), mailbox('0b9e5f11-0000-4000-8000-000000000001', OWNER, 340, 12)];

function recordingLogger() {
  const lines: Array<{ level: string; event: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level, event, fields });
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines, throttled: () => lines.filter((line) => line.event === 'graph_throttled').map((line) => line.fields) };
}

describe('Graph client against the dev identity and dev Graph over HTTPS', () => {
  let tls: TlsMaterial;
  let identity: DevIdentity;
  let auth: AppAuth;
  const graphs: DevGraph[] = [];
  const closers: Array<() => Promise<void>> = [];

  const startGraph = async (extra: Partial<DevGraphConfig> = {}) => {
    const document = identity.openIdConfiguration();
    const graph = await startDevGraph({ identity: { issuer: document.issuer, jwksUri: document.jwks_uri, ca: identity.ca }, mailboxes: MAILBOXES, ...extra }, { tls });
    graphs.push(graph);
    return graph;
  };
  const clientFor = (graph: DevGraph, options: Partial<GraphClientOptions> = {}) => {
    const client = createGraphClient({ auth, baseUrl: graph.baseUrl, trustedCaPem: graph.ca, ...options });
    closers.push(() => client.close());
    return client;
  };

  beforeAll(async () => {
    tls = await generateLocalhostCertificate();
    identity = await startDevIdentity(
      {
        tenantId: TENANT,
        apps: [{ ...APP, graphAppRoles: ['Mail.ReadBasic.All', 'MailboxSettings.Read'], graphDelegatedScopes: [] }],
        users: [],
      },
      { tls },
    );
    auth = createAppAuth(identity.appAuthConfig(APP));
  });
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    await Promise.all(graphs.map((graph) => graph.close()));
    await identity.close();
  });

  it('reads the inbox counts and the mailbox settings with the app token attached', async () => {
    const graph = await startGraph();
    const client = clientFor(graph);
    await expect(readInboxCounts(client, VA)).resolves.toEqual({ id: `${MAILBOXES[0]?.id}-inbox`, displayName: 'Inbox', totalItemCount: 71, unreadItemCount: 9, childFolderCount: 2 });
    const settings = await readMailboxSettings(client, OWNER);
    expect(settings).toMatchObject({ timeZone: 'W. Europe Standard Time', workingHours: { startTime: '08:00:00.0000000', timeZone: { name: 'W. Europe Standard Time' } }, automaticRepliesSetting: { status: 'scheduled' } });
    expect(graph.stats.unauthorized).toBe(0);
    expect(graph.stats.requestsByPath.get(`/v1.0/users/${encodeURIComponent(VA)}/mailFolders/inbox`)).toBe(1);
  });

  it('answers 401 InvalidAuthenticationToken without a token or with a bad one', async () => {
    const graph = await startGraph();
    const agent = graphAgent(graph.ca);
    closers.push(() => agent.close());
    const bare = await undiciFetch(`${graph.baseUrl}/users/${VA}/mailFolders/inbox`, { dispatcher: agent });
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });

    const forged = clientFor(graph, { auth: { appToken: async () => ({ accessToken: 'e30.e30.c2ln', expiresOn: null, scopes: [], fromCache: false }) } });
    const error = await forged.get(`/users/${VA}/mailFolders/inbox`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
  });

  it('surfaces an unknown mailbox or folder as a GraphError with status and code', async () => {
    const client = clientFor(await startGraph());
    const unknownUser = await readInboxCounts(client, 'nobody@contoso.test').catch((caught: unknown) => caught);
    expect(unknownUser).toBeInstanceOf(GraphError);
    expect(unknownUser).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    const unknownFolder = await client.get(`/users/${VA}/mailFolders/nosuchfolder`).catch((caught: unknown) => caught);
    expect(unknownFolder).toMatchObject({ statusCode: 404, code: 'ErrorItemNotFound' });
  });

  it('rides out 50% seeded faults, honouring Retry-After and logging each throttling event', async () => {
    const graph = await startGraph({ faults: { rate: 0.5, seed: 42, retryAfterSeconds: 2 } });
    const { logger, throttled } = recordingLogger();
    const waits: number[] = [];
    const client = clientFor(graph, { logger, retry: { maxRetries: 10, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) } });
    for (let i = 0; i < 20; i++) {
      const mailbox = i % 2 === 0 ? VA : OWNER;
      await expect(readInboxCounts(client, mailbox)).resolves.toMatchObject({ displayName: 'Inbox' });
      await expect(readMailboxSettings(client, mailbox)).resolves.toMatchObject({ timeZone: 'W. Europe Standard Time' });
    }
    const lines = throttled();
    expect(graph.stats.faults).toBeGreaterThan(10);
    expect(lines).toHaveLength(graph.stats.faults);
    expect(waits).toHaveLength(graph.stats.faults);
    for (const line of lines) {
      expect(line).toMatchObject({ status: expect.any(Number), mailbox: expect.stringMatching(/@contoso\.test$/), waitMs: expect.any(Number), giveUp: false });
      if (line['status'] === 429) expect(line['waitMs']).toBe(2000);
      else expect(line['waitMs']).toBeLessThanOrEqual(100 * 2 ** 10);
    }
    expect(new Set(lines.map((line) => line['status']))).toEqual(new Set([429, 503, 504]));
  });

  it('gives up after maxRetries and throws the last answer as a GraphError', async () => {
    const graph = await startGraph({ faults: { rate: 1, seed: 1, statuses: [503] } });
    const { logger, throttled } = recordingLogger();
    const client = clientFor(graph, { logger, retry: { maxRetries: 2, sleep: async () => {} } });
    const error = await client.get(`/users/${VA}/mailboxSettings`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 503, code: 'ServiceUnavailable' });
    expect(throttled().map((line) => line['giveUp'])).toEqual([false, false, true]);
  });

  it('keeps at most 4 requests in flight per mailbox', async () => {
    const graph = await startGraph({ latencyMs: 40 });
    const client = clientFor(graph);
    const reads = [...Array.from({ length: 16 }, () => readInboxCounts(client, VA)), ...Array.from({ length: 16 }, () => readInboxCounts(client, OWNER))];
    await Promise.all(reads);
    expect(graph.stats.maxInFlightByMailbox.get(VA)).toBe(4);
    expect(graph.stats.maxInFlightByMailbox.get(OWNER)).toBe(4);
  });

  it('refuses past the per-mailbox budget with a typed error, before the request leaves', async () => {
    const graph = await startGraph();
    let now = Date.parse('2026-11-26T09:00:00Z');
    const client = clientFor(graph, { budget: { limit: 3, windowMs: 60_000 }, now: () => now });
    for (let i = 0; i < 3; i++) await readInboxCounts(client, VA);
    const error = await readInboxCounts(client, VA).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphBudgetExceededError);
    expect(error).toMatchObject({ mailbox: VA, limit: 3, resetsAt: now + 60_000 });
    expect(graph.stats.requestsByPath.get(`/v1.0/users/${encodeURIComponent(VA)}/mailFolders/inbox`)).toBe(3);
    await expect(readInboxCounts(client, OWNER)).resolves.toMatchObject({ totalItemCount: 340 });
    expect(client.budgetUsed(VA)).toBe(3);
    now += 60_000;
    await expect(readInboxCounts(client, VA)).resolves.toMatchObject({ totalItemCount: 71 });
  });
});
