// The dev Graph's create-draft and send-draft, checked against what Microsoft Learn states:
// - create message answers "201 Created … and message object" and needs Mail.ReadWrite
//   (https://learn.microsoft.com/graph/api/user-post-messages);
// - send answers "202 Accepted … It does not return anything in the response body"
//   (https://learn.microsoft.com/graph/api/message-send);
// - an immutable id "will NOT change if the item is moved to a different folder", and the sent copy "is not
//   created until the message successfully sends, which may take time" (https://learn.microsoft.com/graph/outlook-immutable-id);
// - custom headers are named "x-" (https://learn.microsoft.com/graph/api/resources/message).
import { fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphAgent } from '../graph/https-fetch-handler.ts';
import { DRAFT_ROLE, startDevTenant, TANDEM_APP_ROLES, type DevTenant } from './dev-tenant.ts';
import { MAX_CREATE_MESSAGE_BYTES } from './graph-drafts.ts';
import { devSeed, OWNER, START } from '../../test/support/dev-tenant-seed.ts';
import { devTenantCaller, devTenantMaterial, type DevTenantCaller } from '../../test/support/dev-tenant-client.ts';

const HOUR = 3_600_000;
const COPY_DELAY_MS = 150;
const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const draft = {
  subject: 'Week 47',
  body: { contentType: 'HTML', content: '<p>90% on time</p>' },
  toRecipients: [{ emailAddress: { address: OWNER.mail } }],
  internetMessageHeaders: [{ name: 'x-tandem-delivery', value: 'k1' }],
};
const SENDING_ROLES = [...TANDEM_APP_ROLES.basic, DRAFT_ROLE];

describe('dev Graph drafts', () => {
  let tenant: DevTenant;
  let graph: DevTenantCaller;
  beforeAll(async () => {
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(), roles: SENDING_ROLES, sentCopyDelayMs: COPY_DELAY_MS });
    tenant.clock.advanceTo(START + HOUR);
    graph = devTenantCaller(tenant);
  });
  afterAll(async () => {
    await graph.close();
    await tenant.close();
  });
  const messages = `/users/${OWNER.id}/messages`;
  const create = async (headers: Record<string, string> = IMMUTABLE) => {
    const response = await graph.post(messages, draft, headers);
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; isDraft: boolean; subject: string };
  };
  const lookUp = async (id: string, headers: Record<string, string> = IMMUTABLE) => graph.get(`${messages}/${encodeURIComponent(id)}?$select=id,isDraft,parentFolderId`, headers);

  it('creates a draft (201, the message, an immutable id when asked) and sends it (bare 202) under the same id', async () => {
    const sentBefore = tenant.outbox.sent.length;
    const created = await create();
    expect(created).toMatchObject({ isDraft: true, subject: 'Week 47' });
    expect(tenant.store.mailbox(OWNER.id)!.messages.get(created.id)).toMatchObject({ folder: 'drafts' });
    expect((await (await lookUp(created.id)).json()) as object).toMatchObject({ id: created.id, isDraft: true, parentFolderId: `${OWNER.id}-drafts` });

    const sent = await graph.post(`${messages}/${created.id}/send`, '');
    expect(sent.status).toBe(202);
    expect(sent.headers.get('content-type')).toBeNull();
    expect(await sent.text()).toBe('');
    expect(tenant.outbox.sent).toHaveLength(sentBefore + 1);

    // Gone from Drafts, not yet in Sent Items: Graph's "may not succeed immediately".
    expect((await lookUp(created.id)).status).toBe(404);
    await tenant.outbox.settled();
    const copy = await lookUp(created.id);
    expect(copy.status).toBe(200);
    expect(await copy.json()).toMatchObject({ id: created.id, isDraft: false, parentFolderId: `${OWNER.id}-sentitems` });
    // Sending it again is refused: it is no longer a draft.
    expect((await graph.post(`${messages}/${created.id}/send`, '')).status).toBe(400);
  });

  it('answers a default id that goes stale once the draft moves to Sent Items', async () => {
    const created = await create({});
    expect(created.id).toMatch(/^AAMk/);
    expect((await lookUp(created.id, {})).status).toBe(200);
    expect((await graph.post(`${messages}/${created.id}/send`, '')).status).toBe(202);
    await tenant.outbox.settled();
    expect((await lookUp(created.id, {})).status).toBe(404);
  });

  it('refuses what Graph refuses: no token, an unknown endpoint, a header not named x-, an oversized body, an unknown draft', async () => {
    const agent = graphAgent(tenant.ca);
    try {
      const anonymous = await undiciFetch(`${tenant.graphBaseUrl}${messages}`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft) });
      expect(anonymous.status).toBe(401);
    } finally {
      await agent.close();
    }
    const cases: Array<[Promise<Response | import('undici').Response>, number, string]> = [
      [graph.post(`${messages}/some-id/sendNow`, ''), 400, 'BadRequest'],
      [graph.post(messages, { ...draft, internetMessageHeaders: [{ name: 'Tandem-Delivery', value: 'k' }] }), 400, 'InvalidInternetMessageHeader'],
      [graph.post(messages, { ...draft, body: { contentType: 'HTML', content: 'x'.repeat(MAX_CREATE_MESSAGE_BYTES) } }), 413, 'RequestEntityTooLarge'],
      [graph.post(messages, '{not json'), 400, 'BadRequest'],
      [graph.post(`${messages}/msg-unknown/send`, ''), 404, 'ErrorItemNotFound'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.status, code).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const drafts = [...tenant.store.mailbox(OWNER.id)!.messages.values()].filter((stored) => stored.folder === 'drafts');
    expect(drafts).toHaveLength(0);
  });
});

describe('dev Graph drafts without Mail.ReadWrite, and answers lost after the work was done', () => {
  it('refuses to create a draft under Tandem’s read-only roles', async () => {
    const tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(), roles: 'basic' });
    const graph = devTenantCaller(tenant);
    try {
      const response = await graph.post(`/users/${OWNER.id}/messages`, draft, IMMUTABLE);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('ErrorAccessDenied');
    } finally {
      await graph.close();
      await tenant.close();
    }
  });

  it('carries out a request whose answer it then loses (a 504 or a dropped connection)', async () => {
    const tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed(), roles: SENDING_ROLES, faults: { rate: 1, seed: 5, kinds: ['lostAnswer'] } });
    const graph = devTenantCaller(tenant);
    const outcomes = new Set<string>();
    try {
      for (let attempt = 0; attempt < 6; attempt++) {
        const outcome = await graph.post(`/users/${OWNER.id}/messages`, draft, IMMUTABLE).then(
          (response) => String(response.status),
          () => 'dropped',
        );
        outcomes.add(outcome);
      }
      expect([...outcomes].every((outcome) => outcome === '504' || outcome === 'dropped')).toBe(true);
      expect(outcomes.size).toBe(2);
      const drafts = [...tenant.store.mailbox(OWNER.id)!.messages.values()].filter((stored) => stored.folder === 'drafts');
      expect(drafts).toHaveLength(6);
      expect(tenant.graphStats.faultsByKind.get('lostAnswer')).toBe(6);
    } finally {
      await graph.close();
      await tenant.close();
    }
  });
});
