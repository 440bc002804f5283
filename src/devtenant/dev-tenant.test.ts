import { PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppAuth } from '../graph/auth.ts';
import { batchGet } from '../graph/batch.ts';
import { createGraphClient, GraphError, type GraphClient } from '../graph/graph-client.ts';
import { silentLogger } from '../log.ts';
import { startDevTenant, type DevTenant, type DevTenantOptions } from './dev-tenant.ts';
import type { FaultKind } from './graph-faults.ts';
import { deliverAt, devSeed, inbound, OWNER, START, VA } from '../../test/support/dev-tenant-seed.ts';
import { devTenantCaller, devTenantMaterial, type DevTenantCaller } from '../../test/support/dev-tenant-client.ts';

const HOUR = 3_600_000;
const started: Array<{ tenant: DevTenant; graph: DevTenantCaller; clients: GraphClient[] }> = [];

async function start(options: Partial<DevTenantOptions> = {}, messages = 3) {
  const tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(Array.from({ length: messages }, (_, index) => deliverAt(inbound(index + 1)))), ...options });
  tenant.clock.advanceTo(START + HOUR);
  const entry = { tenant, graph: devTenantCaller(tenant), clients: [] as GraphClient[] };
  started.push(entry);
  return entry;
}

function sdkClient(entry: (typeof started)[number], retry: { maxRetries: number } = { maxRetries: 3 }) {
  const { tenant } = entry;
  const auth = createAppAuth(tenant.authConfig);
  const client = createGraphClient({ auth, baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, retry: { ...retry, sleep: async () => {} } });
  entry.clients.push(client);
  return client;
}

afterEach(async () => {
  for (const { tenant, graph, clients } of started.splice(0)) {
    await Promise.all(clients.map((client) => client.close()));
    await graph.close();
    await tenant.close();
  }
});

describe('startDevTenant', () => {
  it('hands a client what it needs: authority, token endpoint, Graph URL, CA, an app with the roles asked for, the clock', async () => {
    const { tenant } = await start({ roles: 'headers' });
    expect(tenant.authority).toBe(`${tenant.authorityHost}/${tenant.tenantId}`);
    expect(tenant.issuer).toBe(`${tenant.authority}/v2.0`);
    expect(tenant.tokenEndpoint).toBe(`${tenant.authority}/oauth2/v2.0/token`);
    expect(tenant.graphBaseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
    expect(tenant.ca).toMatch(/BEGIN CERTIFICATE/);
    expect(tenant.app.roles).toContain('Mail.Read');
    expect(tenant.app.roles).not.toContain('Mail.ReadBasic.All');
    expect(tenant.clock.now()).toBe(START + HOUR);
  });

  it('lets the real Graph client page through the messages with the SDK PageIterator and send mail', async () => {
    const entry = await start({}, 2_500);
    entry.tenant.clock.advanceTo(START + 3_000 * 60_000);
    const client = sdkClient(entry);
    const headers = { Prefer: 'IdType="ImmutableId"' };
    const first = (await client.get(`/users/${OWNER.userPrincipalName}/messages?$select=id,receivedDateTime&$top=1000`, { headers })) as PageCollection;
    const ids: string[] = [];
    const iterator = new PageIterator(client.sdk, first, (message: { id: string }) => {
      ids.push(message.id);
      return true;
    }, { headers });
    await iterator.iterate();
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    expect(entry.tenant.graphStats.requests.filter((request) => request.path.endsWith('/messages'))).toHaveLength(3);

    // The SDK accepts Graph's bare 202 (no content type) and hands back its empty body as a stream.
    await client.post(`/users/${VA.id}/sendMail`, { message: { subject: 'hi', toRecipients: [{ emailAddress: { address: OWNER.mail } }] } });
    expect(entry.tenant.outbox.sent.map((mail) => mail.message.subject)).toEqual(['hi']);
    const refused = await client.get(`/users/${OWNER.id}/messages?$select=body`).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
  });

  it('lets the client batch and retry only the inner requests that were throttled', async () => {
    const entry = await start({ faults: { rate: 0.5, seed: 11, kinds: [429], retryAfterSeconds: 1 } });
    const client = sdkClient(entry);
    const requests = Array.from({ length: 12 }, (_, index) => ({ url: `/users/${index % 2 ? OWNER.id : VA.id}/mailFolders/inbox?$select=totalItemCount` }));
    const answers = await batchGet(client, requests, { logger: silentLogger, maxRetries: 10, sleep: async () => {} });
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 12 }, () => 200));
    expect(entry.tenant.graphStats.faultsByKind.get(429)).toBeGreaterThan(0);
    const inner = entry.tenant.graphStats.requests.filter((request) => request.path.endsWith('/mailFolders/inbox'));
    expect(inner).toHaveLength(12 + entry.tenant.graphStats.faults);
  });
});

describe('Outlook concurrency per mailbox', () => {
  it('answers 429 past 4 concurrent requests to one mailbox, and the real client never gets there', async () => {
    // Long enough that all 8 requests overlap even when a loaded machine is slow to open their connections.
    const entry = await start({ mailboxConcurrency: 4, latencyMs: 1_500 });
    const folder = `/users/${OWNER.id}/mailFolders/inbox`;
    const raw = await Promise.all(Array.from({ length: 8 }, () => entry.graph.get(folder)));
    const statuses = raw.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    const refused = raw.find((response) => response.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { code: 'ApplicationThrottled', message: expect.stringContaining('MailboxConcurrency') } });
    expect(entry.tenant.graphStats.concurrencyThrottled).toBe(4);

    const client = sdkClient(entry);
    await Promise.all(Array.from({ length: 12 }, () => client.get(folder)));
    expect(entry.tenant.graphStats.concurrencyThrottled).toBe(4);
  });
});

describe('Outlook concurrency per mailbox inside $batch', () => {
  const folder = (index: number) => `/users/${OWNER.id}/mailFolders/inbox?$select=id&n=${index}`;

  it('counts every inner request of a batch against its mailbox: 9 for one mailbox in one batch get 5 refusals', async () => {
    const entry = await start({ mailboxConcurrency: 4 });
    const raw = await entry.graph.post('/$batch', { requests: Array.from({ length: 9 }, (_, index) => ({ id: String(index), method: 'GET', url: folder(index) })) });
    const { responses } = (await raw.json()) as { responses: Array<{ status: number; headers: Record<string, string>; body: { error?: { message: string } } }> };
    expect(responses.filter((response) => response.status === 200)).toHaveLength(4);
    const refused = responses.filter((response) => response.status === 429);
    expect(refused).toHaveLength(5);
    expect(refused[0]).toMatchObject({ headers: { 'Retry-After': '1' }, body: { error: { code: 'ApplicationThrottled', message: expect.stringContaining('MailboxConcurrency') } } });
    expect(entry.tenant.graphStats.concurrencyThrottled).toBe(5);
  });

  it('Tandem splits and counts batches, so neither a large batch nor a batch beside single requests is refused', async () => {
    const entry = await start({ mailboxConcurrency: 4, latencyMs: 300 });
    const client = sdkClient(entry);
    const answers = await Promise.all([
      batchGet(client, Array.from({ length: 9 }, (_, index) => ({ url: folder(index) })), { logger: silentLogger, maxRetries: 0 }),
      ...Array.from({ length: 3 }, () => client.get(`/users/${OWNER.id}/mailFolders/inbox`)),
    ]);
    expect(answers[0].map((answer) => answer.status)).toEqual(Array.from({ length: 9 }, () => 200));
    expect(entry.tenant.graphStats.concurrencyThrottled).toBe(0);
    expect(entry.tenant.graphStats.maxInFlightByMailbox.get(OWNER.id.toLowerCase())).toBe(4);
  });
});

describe('dev Graph fault kinds', () => {
  const folder = `/users/${OWNER.id}/mailFolders/inbox`;
  const only = (kind: FaultKind, extra: Record<string, number> = {}) => ({ faults: { rate: 1, seed: 5, kinds: [kind], ...extra } });

  it('answers 429 with Retry-After, 503 and 504 in Graph error shape', async () => {
    for (const [kind, code] of [[429, 'ApplicationThrottled'], [503, 'ServiceUnavailable'], [504, 'GatewayTimeout']] as const) {
      const { tenant, graph } = await start(only(kind, { retryAfterSeconds: 3 }));
      const response = await graph.get(folder);
      expect(response.status).toBe(kind);
      expect(response.headers.get('retry-after')).toBe(kind === 429 ? '3' : null);
      expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String), innerError: expect.any(Object) } });
      expect(tenant.graphStats.faultsByKind.get(kind)).toBe(1);
    }
  });

  it('drops the connection without an answer, and the server keeps serving', async () => {
    const { tenant, graph } = await start(only('drop'));
    const error = await graph.get(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/) });
    expect(tenant.graphStats.faultsByKind.get('drop')).toBe(1);
    expect((await graph.get('/organization?$select=verifiedDomains')).status).toBe(200);
  });

  it('the client rides out dropped connections', async () => {
    const entry = await start({ faults: { rate: 0.4, seed: 3, kinds: ['drop'] } });
    const client = sdkClient(entry, { maxRetries: 10 });
    for (let i = 0; i < 10; i++) await expect(client.get(folder)).resolves.toMatchObject({ displayName: 'Inbox' });
    expect(entry.tenant.graphStats.faultsByKind.get('drop')).toBeGreaterThan(0);
  });

  it('answers slowly', async () => {
    const { tenant, graph } = await start(only('slow', { slowMs: 300 }));
    const began = performance.now();
    const response = await graph.get(folder);
    expect(response.status).toBe(200);
    expect(performance.now() - began).toBeGreaterThanOrEqual(290);
    expect(tenant.graphStats.faultsByKind.get('slow')).toBe(1);
  });

  it('expires a delta token on a deltaLink call only', async () => {
    const { tenant, graph } = await start(only('expiredDelta'));
    const initial = await graph.get(`${folder}/messages/delta?$select=subject`, { Prefer: 'odata.maxpagesize=50' });
    expect(initial.status).toBe(200);
    const deltaLink = ((await initial.json()) as { '@odata.deltaLink': string })['@odata.deltaLink'];
    const expired = await graph.get(deltaLink);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: { code: 'SyncStateNotFound' } });
    expect(tenant.graphStats.faultsByKind.get('expiredDelta')).toBe(1);
    // The state is gone for good, as when Exchange's cache drops it.
    expect((await graph.get(deltaLink)).status).toBe(410);
  });
});
