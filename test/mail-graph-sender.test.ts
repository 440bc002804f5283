// The summary mail's send path against the dev tenant's Graph, the way Microsoft documents for finding a sent
// mail again (https://learn.microsoft.com/graph/outlook-immutable-id#immutable-id-with-sending-mail): a draft
// created with an immutable id (https://learn.microsoft.com/graph/api/user-post-messages), recorded, then sent
// (a bare 202, https://learn.microsoft.com/graph/api/message-send). A 429 is waited out and retried (throttled
// requests "fail", https://learn.microsoft.com/graph/throttling); a 503, 504 or lost connection on either POST
// is never repeated blindly: the sender looks the draft up first. Each case counts the mails that went out.
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT_ROLE, startDevTenant, TANDEM_APP_ROLES, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import { faultInjector, type FaultDraw, type FaultKind } from '../src/devtenant/graph-faults.ts';
import { createAppAuth } from '../src/graph/auth.ts';
import { createGraphClient, GraphError, type GraphClient } from '../src/graph/graph-client.ts';
import { DELIVERY_KEY_HEADER, deliveryMessageId, graphMailSender, type GraphMailSenderOptions } from '../src/graph/mail-sender.ts';
import { summaryMail } from '../src/mail/summary-mail.ts';
import { devSeed, OWNER, VA } from './support/dev-tenant-seed.ts';
import { memoryProgress } from './support/send-progress.ts';
import { summaryInput } from './support/summary-mail.ts';

const KEY = 'tandem:7e1b2c3d-0000-4000-8000-000000000001:summary_mail:2026-W47';
const FAULT_RATE = 0.5;
const mail = { to: [OWNER.mail], ...summaryMail(summaryInput()) };
const ROLES = [...TANDEM_APP_ROLES.basic, DRAFT_ROLE];

/** The first seed whose fault draws, request by request, match `expected` (undefined: no fault). */
function seedDrawing(kind: FaultKind, expected: ReadonlyArray<(draw: FaultDraw | undefined) => boolean>): number {
  for (let seed = 1; ; seed++) {
    const next = faultInjector({ rate: FAULT_RATE, seed, kinds: [kind] });
    if (expected.every((matches) => matches(next()))) return seed;
  }
}
const passes = (draw: FaultDraw | undefined) => draw === undefined;
const faults = (draw: FaultDraw | undefined) => draw !== undefined;

describe('graphMailSender on the dev tenant', () => {
  let tenant: DevTenant | undefined;
  let graph: GraphClient | undefined;
  const waits: number[] = [];
  afterEach(async () => {
    await graph?.close();
    await tenant?.close();
    graph = undefined;
    tenant = undefined;
    waits.length = 0;
  });

  async function start(faultsConfig?: { kind: FaultKind; seed: number }, extra: { sentCopyDelayMs?: number; sender?: GraphMailSenderOptions } = {}) {
    tenant = await startDevTenant({
      seed: devSeed(),
      roles: ROLES,
      ...(extra.sentCopyDelayMs ? { sentCopyDelayMs: extra.sentCopyDelayMs } : {}),
      ...(faultsConfig === undefined ? {} : { faults: { rate: FAULT_RATE, seed: faultsConfig.seed, kinds: [faultsConfig.kind], retryAfterSeconds: 7 } }),
    });
    graph = createGraphClient({
      auth: createAppAuth(tenant.authConfig),
      baseUrl: tenant.graphBaseUrl,
      trustedCaPem: tenant.ca,
      retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    });
    return { tenant, sender: graphMailSender(graph, { confirm: { looks: 20, intervalMs: 25 }, ...extra.sender }) };
  }
  const requests = (devTenant: DevTenant, method: string, suffix: RegExp) => devTenant.graphStats.requests.filter((request) => request.method === method && suffix.test(request.path)).length;
  const creates = (devTenant: DevTenant) => requests(devTenant, 'POST', /\/users\/[^/]+\/messages$/);
  const sends = (devTenant: DevTenant) => requests(devTenant, 'POST', /\/messages\/[^/]+\/send$/);
  const lookups = (devTenant: DevTenant) => requests(devTenant, 'GET', /\/messages\/[^/]+$/);
  const inFolder = (devTenant: DevTenant, mailbox: string, folder: string) => [...devTenant.store.mailbox(mailbox)!.messages.values()].filter((stored) => stored.folder === folder);

  it('creates a draft with an immutable id, records it, sends it, and finds it in Sent Items under that id', async () => {
    const { tenant: devTenant, sender } = await start();
    const progress = memoryProgress();
    const id = await sender.send(OWNER.userPrincipalName, mail, KEY, progress);
    // The seed's own id, not an `AAMk…` default one: the create asked for immutable ids.
    expect(id).not.toMatch(/^AAMk/);
    expect(progress.recorded).toEqual([id]);
    expect(progress.sendRequested).toBe(true);
    expect([creates(devTenant), sends(devTenant), requests(devTenant, 'POST', /\/sendMail$/)]).toEqual([1, 1, 0]);
    expect(devTenant.outbox.sent).toHaveLength(1);
    const [copy] = inFolder(devTenant, OWNER.id, 'sentitems');
    expect(copy?.message).toMatchObject({ id, isDraft: false, subject: mail.subject, body: mail.html, internetMessageId: deliveryMessageId(OWNER.userPrincipalName, KEY) });
    expect(copy?.message.internetMessageHeaders).toEqual([{ name: DELIVERY_KEY_HEADER, value: KEY }]);
    expect(inFolder(devTenant, OWNER.id, 'drafts')).toHaveLength(0);
    expect(await sender.findSent(OWNER.userPrincipalName, KEY, progress)).toBe(id);
  });

  it('waits out a 429 on creating the draft for its Retry-After and sends once', async () => {
    const { tenant: devTenant, sender } = await start({ kind: 429, seed: seedDrawing(429, [faults, passes, passes]) });
    await sender.send(OWNER.userPrincipalName, mail, KEY, memoryProgress());
    expect(devTenant.graphStats.faultsByKind.get(429)).toBe(1);
    expect(waits).toEqual([7_000]);
    expect([creates(devTenant), sends(devTenant)]).toEqual([2, 1]);
    expect(devTenant.outbox.sent).toHaveLength(1);
  });

  it('does not repeat a draft creation answered 503: it looks for the draft, and the next attempt creates one', async () => {
    const { tenant: devTenant, sender } = await start({ kind: 503, seed: seedDrawing(503, [faults, ...Array(6).fill(passes)]) });
    const progress = memoryProgress();
    await expect(sender.send(OWNER.userPrincipalName, mail, KEY, progress)).rejects.toMatchObject({ statusCode: 503 });
    expect([creates(devTenant), progress.prepared, waits]).toEqual([1, null, []]);
    expect(await sender.findSent(OWNER.userPrincipalName, KEY, progress)).toBeNull();
    await sender.send(OWNER.userPrincipalName, mail, KEY, progress);
    expect([creates(devTenant), sends(devTenant), devTenant.outbox.sent.length]).toEqual([2, 1, 1]);
  });

  it('after a dropped answer to the send, GETs the draft’s id until the sent copy appears, and sends no second time', async () => {
    const lostAsDrop = (draw: FaultDraw | undefined) => draw?.answer.kind === 'lost' && draw.answer.as === 'drop';
    const { tenant: devTenant, sender } = await start({ kind: 'lostAnswer', seed: seedDrawing('lostAnswer', [passes, lostAsDrop, passes, passes, passes, passes, passes, passes]) }, { sentCopyDelayMs: 120 });
    const progress = memoryProgress();
    const id = await sender.send(OWNER.userPrincipalName, mail, KEY, progress);
    expect(devTenant.graphStats.faultsByKind.get('lostAnswer')).toBe(1);
    expect(sends(devTenant)).toBe(1);
    // At least one look found nothing (the copy was on its way), the last one found it sent.
    expect(lookups(devTenant)).toBeGreaterThanOrEqual(2);
    expect(devTenant.outbox.sent).toHaveLength(1);
    await devTenant.outbox.settled();
    expect(inFolder(devTenant, OWNER.id, 'sentitems').map((stored) => stored.message.id)).toEqual([id]);
  });

  it('sends again after a 503 on the send only once the draft is seen still unsent', async () => {
    const { tenant: devTenant, sender } = await start({ kind: 503, seed: seedDrawing(503, [passes, faults, passes, passes]) });
    await sender.send(OWNER.userPrincipalName, mail, KEY, memoryProgress());
    expect([sends(devTenant), lookups(devTenant), waits]).toEqual([2, 1, []]);
    expect(devTenant.outbox.sent).toHaveLength(1);
  });

  it('adopts the draft whose creation answer was lost, at once or on the next attempt, and never makes a second one to send', async () => {
    const { tenant: devTenant, sender } = await start({ kind: 'lostAnswer', seed: seedDrawing('lostAnswer', [faults, passes, passes, passes, passes]) });
    const id = await sender.send(OWNER.userPrincipalName, mail, KEY, memoryProgress());
    expect(devTenant.graphStats.faultsByKind.get('lostAnswer')).toBe(1);
    expect([creates(devTenant), sends(devTenant), devTenant.outbox.sent.length, inFolder(devTenant, OWNER.id, 'drafts').length]).toEqual([1, 1, 1, 0]);
    expect(devTenant.outbox.sent[0]?.message.id).toBe(id);

    // A crash right after the draft was made, before it was recorded: the retry finds it by its Message-ID.
    const otherKey = `${KEY}-crashed`;
    const orphan = (await graph!.post(`/users/${OWNER.userPrincipalName}/messages`, { subject: 's', toRecipients: [{ emailAddress: { address: OWNER.mail } }], internetMessageId: deliveryMessageId(OWNER.userPrincipalName, otherKey) }, { headers: { Prefer: 'IdType="ImmutableId"' } })) as { id: string };
    const progress = memoryProgress();
    expect(await sender.findSent(OWNER.userPrincipalName, otherKey, progress)).toBeNull();
    expect(progress.prepared).toBe(orphan.id);
    expect(await sender.send(OWNER.userPrincipalName, mail, otherKey, progress)).toBe(orphan.id);
    expect([creates(devTenant), devTenant.outbox.sent.length, inFolder(devTenant, OWNER.id, 'drafts').length]).toEqual([2, 2, 0]);
  });

  it('a draft gone before it was sent is replaced; one asked to be sent but nowhere to be seen is not sent again', async () => {
    const { tenant: devTenant, sender } = await start();
    const deleted = memoryProgress();
    await deleted.recordPrepared('msg-deleted-by-someone');
    expect(await sender.findSent(OWNER.userPrincipalName, KEY, deleted)).toBeNull();
    expect(deleted.prepared).toBeNull();

    const inTransit = memoryProgress();
    await inTransit.recordPrepared('msg-on-its-way');
    await inTransit.recordSendRequested();
    await expect(sender.findSent(OWNER.userPrincipalName, KEY, inTransit)).rejects.toMatchObject({ name: 'MailSendUnconfirmedError' });
    expect(devTenant.outbox.sent).toHaveLength(0);
  });

  it('finds mail an earlier sendMail sent, by its Message-ID, when no draft was recorded', async () => {
    const { tenant: devTenant, sender } = await start();
    const internetMessageId = deliveryMessageId(OWNER.userPrincipalName, KEY);
    await graph!.post(`/users/${OWNER.userPrincipalName}/sendMail`, { message: { subject: 's', toRecipients: [{ emailAddress: { address: OWNER.mail } }], internetMessageId } });
    const found = await sender.findSent(OWNER.userPrincipalName, KEY, memoryProgress());
    expect(found).not.toBeNull();
    expect(found).toBe(inFolder(devTenant, OWNER.id, 'sentitems')[0]?.message.id);
    expect(await sender.findSent(OWNER.userPrincipalName, `${KEY}-other`, memoryProgress())).toBeNull();
  });

  it('sends from a configured sender mailbox instead, and looks for its mail there', async () => {
    const { tenant: devTenant, sender } = await start(undefined, { sender: { sender: VA.userPrincipalName } });
    const progress = memoryProgress();
    const id = await sender.send(OWNER.userPrincipalName, mail, KEY, progress);
    expect(devTenant.outbox.sent).toHaveLength(1);
    expect(devTenant.outbox.sent[0]).toMatchObject({ mailbox: VA.userPrincipalName, message: { id, toRecipients: [{ address: OWNER.mail }] } });
    expect(await sender.findSent(OWNER.userPrincipalName, KEY, memoryProgress())).toBe(id);
    expect(await graphMailSender(graph!).findSent(OWNER.userPrincipalName, KEY, memoryProgress())).toBeNull();
  });

  it('is refused outright without Mail.ReadWrite, sending nothing', async () => {
    tenant = await startDevTenant({ seed: devSeed(), roles: 'basic' });
    graph = createGraphClient({ auth: createAppAuth(tenant.authConfig), baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca });
    const error = await graphMailSender(graph).send(OWNER.userPrincipalName, mail, KEY, memoryProgress()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 403 });
    expect(tenant.outbox.sent).toHaveLength(0);
  });

  it('derives one Message-ID per delivery key and mailbox domain', () => {
    const id = deliveryMessageId('owner@contoso.test', KEY);
    expect(id).toMatch(/^<tandem\.[0-9a-f]{40}@contoso\.test>$/);
    expect(deliveryMessageId('owner@contoso.test', KEY)).toBe(id);
    expect(deliveryMessageId('owner@contoso.test', `${KEY}x`)).not.toBe(id);
  });
});
