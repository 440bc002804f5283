// The summary mail end to end: a stored pairing's week, trend and feedback → runDelivery → the Graph mail
// sender → the dev tenant's sendMail; the mail carries the same numbers the scorecard is built from, a
// link to the KPI tab, and is sent once however often the delivery runs.
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_ROLE, startDevTenant, TANDEM_APP_ROLES, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import { createAppAuth } from '../src/graph/auth.ts';
import { createGraphClient, type GraphClient } from '../src/graph/graph-client.ts';
import { formatPercent } from '../src/i18n/format.ts';
import { deliverOnce, deliveryTag, type DeliveryChannel } from '../src/jobs/deliver-once.ts';
import { runDelivery, type DeliveryContext } from '../src/jobs/deliveries.ts';
import type { DueDelivery } from '../src/jobs/planner.ts';
import { weekPeriod } from '../src/kpi/weeks.ts';
import { kpiFor } from '../src/reports/reports.ts';
import { silentLogger } from '../src/log.ts';
import { graphMailSender } from '../src/graph/mail-sender.ts';
import { saveFeedback } from '../src/store/feedback.ts';
import { upsertMessages } from '../src/store/messages.ts';
import { chooseLocale, createPairing } from '../src/store/pairings.ts';
import { recordSyncSuccess } from '../src/store/sync-state.ts';
import { recordSnapshot } from '../src/store/snapshots.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { devSeed, OWNER, VA } from './support/dev-tenant-seed.ts';
import { emptyMailbox } from './support/fakes.ts';
import { at, inbound, reply } from './support/mail.ts';
import { deliveryServices } from './support/services.ts';

const NOW = at('2026-11-23T09:05Z');
const TEAMS_APP_ID = '3c1f7a52-8d0e-4b6a-9f21-5e7d0c4a1b01';
const noChat = { post: async () => 'unused', findPosted: async () => null };

describe.each(testEngines())('summary mail delivery on %s', (engine) => {
  const db = useTestDatabase(engine);
  let tenant: DevTenant;
  let graph: GraphClient;
  beforeAll(async () => {
    tenant = await startDevTenant({ seed: devSeed(), roles: [...TANDEM_APP_ROLES.basic, DRAFT_ROLE] });
    graph = createGraphClient({ auth: createAppAuth(tenant.authConfig), baseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca });
  });
  afterAll(async () => {
    await graph.close();
    await tenant.close();
  });

  it('sends the week from the owner’s mailbox once, with the scorecard’s numbers, trend, feedback and tab link', async () => {
    await ensureTenant(db(), { id: 'contoso-test', name: 'Contoso', verifiedDomains: ['contoso.test'] });
    const pairing = await createPairing(db(), { tenantId: 'contoso-test', mailbox: OWNER.mail, owner: { address: OWNER.mail }, va: { address: VA.mail }, settings: { timeZone: 'Europe/Copenhagen' } });
    await db().execute("update pairings set created_at = '2026-01-01' where id = $1", [pairing.id]);
    const toOwner = { to: [OWNER.mail] };
    const byVa = { from: OWNER.mail, sender: VA.mail };
    const a = inbound('2026-11-09T09:00Z', toOwner);
    const b = inbound('2026-11-16T09:00Z', toOwner);
    const c = inbound('2026-11-17T09:00Z', { ...toOwner, subject: 'Contract renewal' });
    const d = inbound('2026-11-18T09:00Z', toOwner);
    await upsertMessages(db(), pairing.id, [a, reply('2026-11-09T10:00Z', a.conversationId, byVa), b, reply('2026-11-16T15:00Z', b.conversationId, byVa), c, d, reply('2026-11-19T12:00Z', d.conversationId, byVa)]);
    await recordSnapshot(db(), pairing.id, at('2026-11-20T16:02Z'), 0);
    await saveFeedback(db(), pairing.id, '2026-W47', 'owner', { wentWell: 'Fast replies to the suppliers.' });
    await saveFeedback(db(), pairing.id, '2026-W47', 'va', { needFromOwner: 'Decide on the contract renewal.' });

    const ctx: DeliveryContext = { ...deliveryServices(db()), db: db(), chat: noChat, mail: graphMailSender(graph), mailbox: emptyMailbox, clock: { now: () => NOW }, log: silentLogger, teamsAppId: TEAMS_APP_ID };
    const due: DueDelivery = { pairingId: pairing.id, kind: 'summary_mail', period: '2026-W47', dueAt: at('2026-11-23T08:00Z'), late: false };
    const sentBefore = tenant.outbox.sent.length;
    expect(await runDelivery(ctx, due)).toBe('delivered');
    expect(await runDelivery(ctx, due)).toBe('skipped');
    expect(tenant.outbox.sent).toHaveLength(sentBefore + 1);

    const sent = tenant.outbox.sent.at(-1)!;
    expect(sent).toMatchObject({ mailbox: OWNER.userPrincipalName, message: { toRecipients: [{ address: OWNER.mail }] } });
    const week = (await kpiFor(db(), pairing, weekPeriod('2026-W47'), NOW)).weeks[0]!;
    expect(week).toMatchObject({ counted: 3, onTime: 1, late: 1, missed: 1, pending: 0 });
    expect(sent.message.subject).toBe(`Tandem: week of Nov 16, ${formatPercent('en', week.rate!)} answered on time (within 24 h)`);
    const doc = new JSDOM(sent.message.body).window.document;
    const stats = [...doc.querySelectorAll('[data-section="counts"] .stat-value')].map((node) => node.textContent);
    expect(stats).toEqual([week.counted, week.onTime, week.late, week.missed, week.pending].map(String));
    expect(doc.querySelectorAll('[data-week]')).toHaveLength(8);
    expect(doc.querySelector('[data-week="Nov 9"] .bar-value')?.textContent).toBe('100%');
    expect(doc.querySelector('[data-section="waiting"]')?.textContent).toContain('Contract renewal');
    const feedback = doc.querySelector('[data-section="feedback"]')?.textContent ?? '';
    expect(feedback).toContain('Fast replies to the suppliers.');
    expect(feedback).toContain('Decide on the contract renewal.');
    expect(doc.querySelector('[data-section="tab"] a')?.getAttribute('href')).toBe(
      `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/kpi?context=${encodeURIComponent(JSON.stringify({ subEntityId: `${pairing.id}/messages/2026-W47` }))}`,
    );
    // The ledger holds the draft's immutable id, which the copy in Sent Items keeps.
    const [ledger] = await db().query<{ state: string; external_id: string; prepared_id: string }>("select state, external_id, prepared_id from posted_items where pairing_id = $1 and kind = 'summary_mail'", [pairing.id]);
    expect(ledger).toEqual({ state: 'sent', external_id: sent.message.id, prepared_id: sent.message.id });
    expect(tenant.store.mailbox(OWNER.id)!.messages.get(sent.message.id)).toMatchObject({ folder: 'sentitems' });
  });

  it("writes to the owner in their Outlook's language, whatever language the chat speaks", async () => {
    await ensureTenant(db(), { id: 'contoso-test', name: 'Contoso', verifiedDomains: ['contoso.test'] });
    const pairing = await createPairing(db(), { tenantId: 'contoso-test', mailbox: OWNER.mail, owner: { address: OWNER.mail }, va: { address: VA.mail } });
    await chooseLocale(db(), pairing.id, 'nb', null, 'owner');
    const ctx: DeliveryContext = { ...deliveryServices(db()), db: db(), chat: noChat, mail: graphMailSender(graph), mailbox: emptyMailbox, clock: { now: () => NOW }, log: silentLogger };
    const subjectOf = async (week: string) => {
      expect(await runDelivery(ctx, { pairingId: pairing.id, kind: 'summary_mail', period: week, dueAt: NOW, late: false })).toBe('delivered');
      return tenant.outbox.sent.at(-1)!.message.subject;
    };
    // No sync has read the mailbox's language yet: the chat's language.
    expect(await subjectOf('2026-W45')).toBe('Tandem: uken fra 2. nov., ingen e-post trengte svar');
    const workingHours = { daysOfWeek: ['monday'], startTime: '09:00', endTime: '17:00', timeZone: 'UTC' };
    await recordSyncSuccess(db(), pairing.id, 'mailbox_settings', { timeZone: 'UTC', workingHours, locale: 'de-DE' });
    expect(await subjectOf('2026-W46')).toBe('Tandem: Woche ab 9. Nov., keine E-Mail brauchte eine Antwort');
  });

  it('a retry after a crash between sending and recording finds the sent mail instead of sending again', async () => {
    await ensureTenant(db(), { id: 'contoso-test', name: 'Contoso', verifiedDomains: ['contoso.test'] });
    const pairing = await createPairing(db(), { tenantId: 'contoso-test', mailbox: OWNER.mail, owner: { address: OWNER.mail }, va: { address: VA.mail } });
    const due: DueDelivery = { pairingId: pairing.id, kind: 'summary_mail', period: '2026-W46', dueAt: at('2026-11-16T08:00Z'), late: false };
    const sender = graphMailSender(graph);
    const key = deliveryTag(due);
    const message = { to: [OWNER.mail], subject: 'Tandem: week of Nov 9', html: '<p>week</p>', text: 'week' };
    const sentBefore = tenant.outbox.sent.length;
    const crashing: DeliveryChannel = {
      send: async (progress) => {
        await sender.send(OWNER.mail, message, key, progress);
        throw new Error('process killed before the ledger recorded the send');
      },
      find: (progress) => sender.findSent(OWNER.mail, key, progress),
    };
    await expect(deliverOnce(db(), due, crashing, 0)).rejects.toThrow('process killed');
    expect(await deliverOnce(db(), due, crashing, 0)).toBe('reconciled');
    expect(tenant.outbox.sent).toHaveLength(sentBefore + 1);
    const [ledger] = await db().query<{ state: string; external_id: string; attempts: number }>(
      "select state, external_id, attempts from posted_items where pairing_id = $1 and kind = 'summary_mail'",
      [pairing.id],
    );
    expect(ledger).toEqual({ state: 'sent', external_id: tenant.outbox.sent.at(-1)!.message.id, attempts: 2 });
  });
});
