// 100 summary mails through runDelivery, the delivery ledger and the Graph mail sender against a dev tenant
// that faults 20% of mailbox requests with every kind it knows, "sent, but the answer was lost" included, and
// whose sent copies reach Sent Items only after a delay. Each delivery is retried as the job system would
// until the ledger says sent; then every delivery key must be in the owner's Sent Items exactly once.
// The pattern is Microsoft's (https://learn.microsoft.com/graph/outlook-immutable-id#immutable-id-with-sending-mail):
// draft with an immutable id, send (https://learn.microsoft.com/graph/api/message-send), get by id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_ROLE, startDevTenant, TANDEM_APP_ROLES, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import type { FaultKind } from '../src/devtenant/graph-faults.ts';
import { createAppAuth } from '../src/graph/auth.ts';
import { createGraphClient, type GraphClient } from '../src/graph/graph-client.ts';
import { DELIVERY_KEY_HEADER, graphMailSender } from '../src/graph/mail-sender.ts';
import { deliveryTag } from '../src/jobs/deliver-once.ts';
import { runDelivery, type DeliveryContext } from '../src/jobs/deliveries.ts';
import type { DueDelivery } from '../src/jobs/planner.ts';
import { silentLogger, type Logger } from '../src/log.ts';
import { createPairing, type Pairing } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { devTenantMaterial } from './support/dev-tenant-client.ts';
import { devSeed, OWNER, VA } from './support/dev-tenant-seed.ts';
import { emptyMailbox } from './support/fakes.ts';
import { at } from './support/mail.ts';
import { deliveryServices } from './support/services.ts';

const RUNS = 100;
const PAIRINGS = 4;
const KINDS: readonly FaultKind[] = [429, 503, 504, 'drop', 'slow', 'lostAnswer'];
const NOW = at('2026-07-01T09:00Z');
const MAX_ATTEMPTS = 40;
const noChat = { post: async () => 'unused', findPosted: async () => null };
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe.each(testEngines())('every summary mail exactly once, one mailbox request in five faulted, on %s', (engine) => {
  const db = useTestDatabase(engine);
  let tenant: DevTenant | undefined;
  let graph: GraphClient | undefined;
  /** Each injected fault and the path it fell on, from the dev Graph's log. */
  const faulted: Array<{ kind: string; path: string }> = [];
  const faultLog: Logger = { ...silentLogger, info: (event, fields) => void (event === 'devtenant.graph.fault' && faulted.push(fields as { kind: string; path: string })) };
  beforeAll(async () => {
    tenant = await startDevTenant({
      ...(await devTenantMaterial()),
      logger: faultLog,
      seed: devSeed(),
      roles: [...TANDEM_APP_ROLES.basic, DRAFT_ROLE],
      faults: { rate: 0.2, seed: 1818, kinds: KINDS, slowMs: 15 },
      sentCopyDelayMs: 25,
    });
    graph = createGraphClient({ auth: createAppAuth(tenant.authConfig), baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, retry: { sleep: async () => {}, random: () => 0.5 } });
  });
  afterAll(async () => {
    await graph?.close();
    await tenant?.close();
  });

  it('delivers each of 100 mails once, whatever is lost on the way', { timeout: 300_000 }, async () => {
    if (!tenant || !graph) throw new Error('the dev tenant did not start');
    await ensureTenant(db(), { id: 'contoso-test', name: 'Contoso', verifiedDomains: ['contoso.test'] });
    const pairings: Pairing[] = [];
    for (let index = 0; index < PAIRINGS; index++) {
      pairings.push(await createPairing(db(), { tenantId: 'contoso-test', mailbox: OWNER.mail, owner: { address: OWNER.mail }, va: { address: VA.mail } }));
    }
    const mail = graphMailSender(graph, { confirm: { looks: 4, intervalMs: 10 } });
    const ctx: DeliveryContext = { ...deliveryServices(db()), db: db(), chat: noChat, mail, mailbox: emptyMailbox, clock: { now: () => NOW }, log: silentLogger, leaseMs: 0 };

    const dues: DueDelivery[] = Array.from({ length: RUNS }, (_, run) => ({
      pairingId: pairings[run % PAIRINGS]!.id,
      kind: 'summary_mail',
      period: `2026-W${String(1 + Math.floor(run / PAIRINGS)).padStart(2, '0')}`,
      dueAt: NOW,
      late: false,
    }));
    let failedAttempts = 0;
    for (const due of dues) {
      // The job system's retries: run again after any failure, until the ledger says sent.
      for (let attempt = 1; ; attempt++) {
        const outcome = await runDelivery(ctx, due).catch(() => null);
        if (outcome === 'delivered' || outcome === 'reconciled') break;
        failedAttempts++;
        expect(attempt, `${deliveryTag(due)} still not delivered`).toBeLessThan(MAX_ATTEMPTS);
        await pause(10);
      }
    }
    await tenant.outbox.settled();

    // Counted where the owner would see them: the copies in Sent Items, by the delivery key each carries.
    const keys = dues.map(deliveryTag);
    const sentItems = [...tenant.store.mailbox(OWNER.id)!.messages.values()].filter((stored) => stored.folder === 'sentitems');
    const perKey = new Map<string, number>();
    for (const stored of sentItems) {
      const key = stored.message.internetMessageHeaders.find((header) => header.name === DELIVERY_KEY_HEADER)?.value;
      if (key !== undefined) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    expect([...perKey.keys()].sort()).toEqual([...keys].sort());
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    expect(tenant.outbox.sent).toHaveLength(RUNS);

    // The ledger names each mail by the id its Sent Items copy has; drafts left behind were never sent.
    const ledger = await db().query<{ period: string; pairing_id: string; state: string; external_id: string }>("select pairing_id, period, state, external_id from posted_items where kind = 'summary_mail'");
    expect(ledger).toHaveLength(RUNS);
    const idByKey = new Map(sentItems.map((stored) => [stored.message.internetMessageHeaders[0]?.value, stored.message.id]));
    for (const row of ledger) {
      expect(row.state).toBe('sent');
      expect(row.external_id).toBe(idByKey.get(deliveryTag({ pairingId: row.pairing_id, kind: 'summary_mail', period: row.period })));
    }
    const sentIds = new Set(tenant.outbox.sent.map((sent) => sent.message.id));
    const drafts = [...tenant.store.mailbox(OWNER.id)!.messages.values()].filter((stored) => stored.folder === 'drafts');
    expect(drafts.every((stored) => stored.message.isDraft && !sentIds.has(stored.message.id))).toBe(true);

    // Every kind of fault happened, and some answers to a send were lost after it went through.
    for (const kind of KINDS) expect(tenant.graphStats.faultsByKind.get(kind) ?? 0, String(kind)).toBeGreaterThan(0);
    expect(failedAttempts).toBeGreaterThan(0);
    const lostAnswers = (path: RegExp) => faulted.filter((fault) => fault.kind === 'lostAnswer' && path.test(fault.path)).length;
    expect(lostAnswers(/\/messages\/[^/]+\/send$/)).toBeGreaterThan(0);
    expect(lostAnswers(/\/users\/[^/]+\/messages$/)).toBeGreaterThan(0);
    console.log(`${engine}: ${tenant.graphStats.faults} faults (${[...tenant.graphStats.faultsByKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}), ${failedAttempts} failed attempts retried, ${drafts.length} drafts left unsent`);
  });
});
