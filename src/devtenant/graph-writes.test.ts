import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import { deliverAt, devSeed, inbound, OWNER, START, VA } from '../../test/support/dev-tenant-seed.ts';
import { devTenantCaller, devTenantMaterial, type DevTenantCaller } from '../../test/support/dev-tenant-client.ts';

const HOUR = 3_600_000;
const summaryMail = {
  message: {
    subject: 'Your week with Victor',
    body: { contentType: 'HTML', content: '<p>90% on time</p>' },
    toRecipients: [{ emailAddress: { address: OWNER.mail, name: OWNER.displayName } }],
    ccRecipients: [{ emailAddress: { address: 'partner@fabrikam.test' } }],
    internetMessageHeaders: [{ name: 'x-tandem-key', value: 'summary/2026-W45' }],
  },
  saveToSentItems: 'true',
};

describe('dev Graph writes and tenant reads', () => {
  let tenant: DevTenant;
  let graph: DevTenantCaller;
  beforeAll(async () => {
    tenant = await startDevTenant({ ...(await devTenantMaterial()),
      seed: devSeed([
        deliverAt(inbound(10)),
        { at: START + 2 * HOUR, kind: 'automaticReplies', mailbox: VA.id, setting: { status: 'scheduled', scheduledStart: START + 24 * HOUR, scheduledEnd: START + 72 * HOUR } },
      ]),
    });
    tenant.clock.advanceTo(START + HOUR);
    graph = devTenantCaller(tenant);
  });
  afterAll(async () => {
    await graph.close();
    await tenant.close();
  });

  it('sendMail answers a bare 202, keeps the mail in Sent Items and the outbox, and delivers it inside the tenant', async () => {
    const response = await graph.post(`/users/${VA.userPrincipalName}/sendMail`, summaryMail);
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
    expect(tenant.outbox.sent).toHaveLength(1);
    expect(tenant.outbox.sent[0]).toMatchObject({ mailbox: VA.userPrincipalName, saved: true, message: { subject: 'Your week with Victor', internetMessageHeaders: [{ name: 'x-tandem-key', value: 'summary/2026-W45' }] } });
    const sent = (await (await graph.get(`/users/${VA.id}/mailFolders/sentitems/messages?$select=subject,from,ccRecipients`)).json()) as { value: Array<Record<string, unknown>> };
    expect(sent.value).toEqual([expect.objectContaining({ subject: 'Your week with Victor', from: { emailAddress: { name: VA.displayName, address: VA.mail } } })]);
    const ownerInbox = (await (await graph.get(`/users/${OWNER.id}/mailFolders/inbox?$select=totalItemCount`)).json()) as Record<string, unknown>;
    expect(ownerInbox['totalItemCount']).toBe(2);

    const unsaved = await graph.post(`/users/${VA.id}/sendMail`, { ...summaryMail, saveToSentItems: false });
    expect(unsaved.status).toBe(202);
    expect(tenant.outbox.sent[1]?.saved).toBe(false);
    const sentCount = (await (await graph.get(`/users/${VA.id}/mailFolders/sentitems?$select=totalItemCount`)).json()) as Record<string, unknown>;
    expect(sentCount['totalItemCount']).toBe(1);
  });

  it('keeps the internetMessageId the sender chose, so Sent Items can be searched by it', async () => {
    const internetMessageId = '<tandem.abc123@contoso.test>';
    expect((await graph.post(`/users/${OWNER.id}/sendMail`, { message: { ...summaryMail.message, internetMessageId } })).status).toBe(202);
    const filter = encodeURIComponent(`internetMessageId eq '${internetMessageId}'`);
    const found = (await (await graph.get(`/users/${OWNER.id}/mailFolders/sentitems/messages?$filter=${filter}&$select=id,internetMessageId&$top=1`)).json()) as { value: unknown[] };
    expect(found.value).toEqual([expect.objectContaining({ internetMessageId })]);
    expect((await graph.post(`/users/${OWNER.id}/sendMail`, { message: { ...summaryMail.message, internetMessageId: 'no-angle-brackets' } })).status).toBe(400);
  });

  it('refuses a malformed sendMail body with Graph 400s', async () => {
    const cases: Array<[unknown, string]> = [
      ['', 'ErrorInvalidRequest'],
      ['{not json', 'BadRequest'],
      [{ message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'not-an-address' } }] } }, 'ErrorInvalidRequest'],
      [{ message: { subject: 'x', toRecipients: [] } }, 'ErrorInvalidRecipients'],
      [{ message: { ...summaryMail.message, internetMessageHeaders: [{ name: 'Tandem-Key', value: 'k' }] } }, 'InvalidInternetMessageHeader'],
    ];
    for (const [body, code] of cases) {
      const response = await graph.post(`/users/${VA.id}/sendMail`, body);
      expect(response.status, String(code)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(tenant.outbox.sent.every((mail) => mail.message.subject === 'Your week with Victor')).toBe(true);
  });

  it('reads verified domains from /organization and /domains, each behind its own permission', async () => {
    const organization = await graph.get('/organization?$select=verifiedDomains');
    expect(organization.status).toBe(200);
    expect(await organization.json()).toEqual({
      '@odata.context': `${tenant.graphBaseUrl}/$metadata#organization(verifiedDomains)`,
      value: [{ id: tenant.tenantId, verifiedDomains: [expect.objectContaining({ name: 'contoso.test', isDefault: true }), expect.objectContaining({ name: 'contosotest.onmicrosoft.com', isInitial: true })] }],
    });
    // Tandem's basic roles hold Organization.Read.All, not Domain.Read.All.
    expect((await graph.get('/domains')).status).toBe(403);
  });

  it('serves mailbox settings as the timeline left them', async () => {
    const before = (await (await graph.get(`/users/${VA.id}/mailboxSettings`)).json()) as Record<string, Record<string, unknown>>;
    expect(before['automaticRepliesSetting']).toMatchObject({ status: 'disabled' });
    expect(before).toMatchObject({ timeZone: 'W. Europe Standard Time', workingHours: { startTime: '08:00:00.0000000' } });
    tenant.clock.advanceTo(START + 3 * HOUR);
    const after = (await (await graph.get(`/users/${VA.id}/mailboxSettings?$select=automaticRepliesSetting`)).json()) as Record<string, unknown>;
    expect(after['automaticRepliesSetting']).toMatchObject({
      status: 'scheduled',
      scheduledStartDateTime: { dateTime: '2026-11-03T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-11-05T00:00:00.0000000', timeZone: 'UTC' },
    });
    expect(after).not.toHaveProperty('timeZone');
  });

  it('batches up to 20 requests through the same app and token, answering each in Graph batch shape', async () => {
    const owner = tenant.store.mailbox(OWNER.id)!;
    const inboxTotal = tenant.store.counts(owner, tenant.store.folder(owner, 'inbox')!).total;
    const response = await graph.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/users/${OWNER.id}/mailFolders/inbox?$select=totalItemCount` },
        { id: '2', method: 'GET', url: `/users/${VA.id}/mailboxSettings?$select=timeZone` },
        { id: '3', method: 'GET', url: '/organization?$select=verifiedDomains' },
        { id: '4', method: 'GET', url: '/users/nobody@contoso.test/messages' },
        { id: '5', method: 'POST', url: `/users/${VA.id}/sendMail`, body: summaryMail, headers: { 'Content-Type': 'application/json' } },
        { id: '6', method: 'GET', url: `/users/${OWNER.id}/messages?$select=body` },
      ],
    });
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as { responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: Record<string, unknown> }> };
    const byId = new Map(responses.map((answer) => [answer.id, answer]));
    expect(byId.get('1')).toMatchObject({ status: 200, headers: { 'Content-Type': expect.stringContaining('application/json') }, body: { totalItemCount: inboxTotal } });
    expect(byId.get('2')).toMatchObject({ status: 200, body: { timeZone: 'W. Europe Standard Time' } });
    expect(byId.get('3')).toMatchObject({ status: 200, body: { value: [{ verifiedDomains: expect.any(Array) }] } });
    expect(byId.get('4')).toMatchObject({ status: 404, body: { error: { code: 'ResourceNotFound' } } });
    expect(byId.get('5')).toEqual({ id: '5', status: 202, headers: expect.any(Object) });
    expect(byId.get('6')).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
    expect(tenant.graphStats.requests.filter((request) => request.path === `/v1.0/users/${VA.id}/mailboxSettings`).length).toBeGreaterThan(0);

    const tooMany = await graph.post('/$batch', { requests: Array.from({ length: 21 }, (_, index) => ({ id: String(index), method: 'GET', url: '/organization' })) });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ error: { code: 'BadRequest' } });
    expect((await graph.post('/$batch', { nope: true })).status).toBe(400);
  });
});

describe('dev Graph batch with throttled inner requests', () => {
  it('answers an inner 429 with Retry-After in its own headers', async () => {
    const tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(), faults: { rate: 1, seed: 9, kinds: [429], retryAfterSeconds: 7 } });
    const graph = devTenantCaller(tenant);
    try {
      const response = await graph.post('/$batch', {
        requests: [
          { id: 'a', method: 'GET', url: `/users/${OWNER.id}/mailFolders/inbox` },
          { id: 'b', method: 'GET', url: '/organization?$select=verifiedDomains' },
        ],
      });
      expect(response.status).toBe(200);
      const { responses } = (await response.json()) as { responses: Array<{ id: string; status: number; headers: Record<string, string>; body: unknown }> };
      expect(responses.find((answer) => answer.id === 'a')).toMatchObject({ status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'ApplicationThrottled' } } });
      // Faults fall on mailbox requests; the tenant read goes through.
      expect(responses.find((answer) => answer.id === 'b')).toMatchObject({ status: 200 });
      expect(tenant.graphStats.faultsByKind.get(429)).toBe(1);
    } finally {
      await graph.close();
      await tenant.close();
    }
  });
});
