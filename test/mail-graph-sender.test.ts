// The summary mail's send path against the dev tenant's Graph: sendMail's bare 202, the delivery key
// stamped on the mail, a 429 waited out for its Retry-After and a 503 retried, each leaving exactly one
// mail in the outbox; and a retry after a crash finding the mail it already sent.
import { afterEach, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import type { FaultKind } from '../src/devtenant/graph-faults.ts';
import { seededRandom } from '../src/devtenant/seeded-random.ts';
import { createAppAuth } from '../src/graph/auth.ts';
import { createGraphClient, type GraphClient } from '../src/graph/graph-client.ts';
import { DELIVERY_KEY_HEADER, deliveryMessageId, graphMailSender } from '../src/graph/mail-sender.ts';
import { summaryMail } from '../src/mail/summary-mail.ts';
import { devSeed, OWNER, VA } from './support/dev-tenant-seed.ts';
import { summaryInput } from './support/summary-mail.ts';

const KEY = 'tandem:7e1b2c3d-0000-4000-8000-000000000001:summary_mail:2026-W47';
const FAULT_RATE = 0.5;
const mail = { to: [OWNER.mail], ...summaryMail(summaryInput()) };

/** The first seed whose first mailbox request draws a fault and whose second passes, so one retry suffices. */
function seedFailingOnce(): number {
  for (let seed = 1; ; seed++) {
    const random = seededRandom(seed);
    const faults = random() < FAULT_RATE;
    random(); // the fault's kind
    if (faults && random() >= FAULT_RATE) return seed;
  }
}

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

  async function start(kind?: FaultKind) {
    tenant = await startDevTenant({
      seed: devSeed(),
      roles: 'basic',
      ...(kind === undefined ? {} : { faults: { rate: FAULT_RATE, seed: seedFailingOnce(), kinds: [kind], retryAfterSeconds: 7 } }),
    });
    graph = createGraphClient({
      auth: createAppAuth(tenant.authConfig),
      baseUrl: tenant.graphBaseUrl,
      trustedCaPem: tenant.ca,
      retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    });
    return { tenant, sender: graphMailSender(graph) };
  }
  const sendMailRequests = (devTenant: DevTenant) => devTenant.graphStats.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/sendMail')).length;

  it('sends the summary from the owner’s mailbox, stamped with the delivery key, kept in Sent Items', async () => {
    const { tenant: devTenant, sender } = await start();
    const id = await sender.send(OWNER.userPrincipalName, mail, KEY);
    expect(id).toBe(deliveryMessageId(OWNER.userPrincipalName, KEY));
    expect(devTenant.outbox.sent).toHaveLength(1);
    const [sent] = devTenant.outbox.sent;
    expect(sent).toMatchObject({ mailbox: OWNER.userPrincipalName, saved: true, message: { subject: mail.subject, toRecipients: [{ address: OWNER.mail }] } });
    expect(sent!.message.internetMessageHeaders).toEqual([{ name: DELIVERY_KEY_HEADER, value: KEY }]);
    expect(sent!.message.body).toBe(mail.html);
    expect(sendMailRequests(devTenant)).toBe(1);
  });

  it('waits out a 429 for its Retry-After and sends once', async () => {
    const { tenant: devTenant, sender } = await start(429);
    await sender.send(OWNER.userPrincipalName, mail, KEY);
    expect(devTenant.graphStats.faultsByKind.get(429)).toBe(1);
    expect(waits).toEqual([7_000]);
    expect(sendMailRequests(devTenant)).toBe(2);
    expect(devTenant.outbox.sent).toHaveLength(1);
  });

  it('retries a 503 with backoff and sends once', async () => {
    const { tenant: devTenant, sender } = await start(503);
    await sender.send(OWNER.userPrincipalName, mail, KEY);
    expect(devTenant.graphStats.faultsByKind.get(503)).toBe(1);
    expect(waits).toHaveLength(1);
    expect(sendMailRequests(devTenant)).toBe(2);
    expect(devTenant.outbox.sent).toHaveLength(1);
  });

  it('finds the mail an earlier attempt sent, by its Message-ID in Sent Items', async () => {
    const { tenant: devTenant, sender } = await start();
    expect(await sender.findSent(OWNER.userPrincipalName, KEY)).toBeNull();
    await sender.send(OWNER.userPrincipalName, mail, KEY);
    expect(await sender.findSent(OWNER.userPrincipalName, KEY)).toBe(deliveryMessageId(OWNER.userPrincipalName, KEY));
    expect(await sender.findSent(OWNER.userPrincipalName, `${KEY}-other`)).toBeNull();
    expect(devTenant.outbox.sent).toHaveLength(1);
  });

  it('sends from a configured sender mailbox instead, and looks for its mail there', async () => {
    const { tenant: devTenant } = await start();
    const sender = graphMailSender(graph!, { sender: VA.userPrincipalName });
    await sender.send(OWNER.userPrincipalName, mail, KEY);
    expect(devTenant.outbox.sent).toHaveLength(1);
    expect(devTenant.outbox.sent[0]).toMatchObject({ mailbox: VA.userPrincipalName, message: { toRecipients: [{ address: OWNER.mail }] } });
    expect(await sender.findSent(OWNER.userPrincipalName, KEY)).toBe(deliveryMessageId(VA.userPrincipalName, KEY));
    expect(await graphMailSender(graph!).findSent(OWNER.userPrincipalName, KEY)).toBeNull();
  });

  it('derives one Message-ID per delivery key and mailbox domain', () => {
    const id = deliveryMessageId('owner@contoso.test', KEY);
    expect(id).toMatch(/^<tandem\.[0-9a-f]{40}@contoso\.test>$/);
    expect(deliveryMessageId('owner@contoso.test', KEY)).toBe(id);
    expect(deliveryMessageId('owner@contoso.test', `${KEY}x`)).not.toBe(id);
  });
});
