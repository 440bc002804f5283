// Rules that used to live twice and disagree, now one action or read model for every surface: leave (owner or
// VA, at most 366 days, in the chat and the tab alike), who is who in a pairing (tenant checked everywhere),
// the Outlook pane's answer author (the engine's, so a VA reply with only `from` is "other"), and a change made
// in the chat showing in the tab's API at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { createApiApp } from '../src/api/api-app.ts';
import { silentLogger } from '../src/log.ts';
import { kpiFor } from '../src/reports/reports.ts';
import { weekPeriod } from '../src/kpi/weeks.ts';
import { paneView } from '../src/reports/pane.ts';
import { listLeave } from '../src/store/leave.ts';
import { upsertMessages } from '../src/store/messages.ts';
import { createPairing, type Pairing } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { chatUser, messageActivity, submitActivity, TENANT_ID, type ChatUser } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { visibleStrings } from './support/card-text.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { at, CLIENT, inbound, OWNER, reply, VA } from './support/mail.ts';
import { services } from './support/services.ts';
import { testIssuer, type TestIssuer } from './support/tab-tokens.ts';

const NOW = at('2026-11-25T12:00Z');

describe.each(testEngines())('one rule for every surface on %s', (engine) => {
  const db = useTestDatabase(engine);
  let connector: FakeConnector;
  let issuer: TestIssuer;
  let pairing: Pairing;
  const owner = chatUser('Olivia Owner', OWNER);
  const va = chatUser('Victor VA', VA);
  const stranger = chatUser('Sam Stranger', 'sam@contoso.com');
  const chat = () => ({ serviceUrl: connector.url, conversationId: `19:one-rule-${engine}@thread.v2` });

  beforeAll(async () => {
    connector = await startFakeConnector();
    issuer = await testIssuer();
    await ensureTenant(db(), { id: TENANT_ID, name: 'Contoso', verifiedDomains: ['contoso.com'] });
    pairing = await createPairing(db(), {
      tenantId: TENANT_ID,
      mailbox: OWNER,
      owner: { address: OWNER, userId: owner.aadObjectId },
      va: { address: VA, userId: va.aadObjectId },
      conversationRef: { serviceUrl: connector.url, conversation: { id: chat().conversationId } },
      settings: { timeZone: 'UTC' },
    });
  });
  afterAll(() => connector.close());

  /** The chat and the tab of one instance, sharing its read models and change feed as the wiring does. */
  function instance() {
    const shared = services(db());
    const clock = { now: () => NOW };
    const api = createApiApp({ ...shared, db: db(), validateToken: issuer.validator(db(), silentLogger, TENANT_ID), clock, log: silentLogger });
    const app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot: botRoute({ ...shared, db: db(), clock, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null) });
    return {
      async chat(activity: object): Promise<string[]> {
        connector.clear();
        await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        return connector.cards().flatMap(({ card }) => visibleStrings(card));
      },
      async tab(method: string, path: string, who: ChatUser, body?: unknown, tid = TENANT_ID): Promise<Response> {
        const token = await issuer.sign({ tid, oid: who.aadObjectId, upn: who.email, name: who.name });
        return api.request(`/pairings/${pairing.id}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      },
    };
  }

  it('lets the owner and the VA enter leave in the chat and in the tab, and refuses the same things in both', async () => {
    const one = instance();
    const before = (await listLeave(db(), pairing.id)).length;
    expect((await one.tab('POST', '/leave', owner, { from: '2027-01-04', to: '2027-01-08' })).status).toBe(201);
    expect((await one.tab('POST', '/leave', va, { from: '2027-02-01', to: '2027-02-05' })).status).toBe(201);
    expect((await one.chat(messageActivity(chat(), owner, 'leave 2027-03-01 2027-03-05'))).join(' ')).toContain('Time off recorded');
    expect((await one.chat(messageActivity(chat(), va, 'leave 2027-04-01 2027-04-02'))).join(' ')).toContain('Time off recorded');
    const leave = await listLeave(db(), pairing.id);
    expect(leave.length - before).toBe(4);
    expect(leave.slice(-4).map((entry) => entry.createdBy)).toEqual(['owner', 'va', 'owner', 'va']);

    // 366 days or more is refused as a typo on both surfaces; 365 is accepted.
    expect((await one.tab('POST', '/leave', va, { from: '2027-05-01', to: '2028-05-01' })).status).toBe(400);
    expect((await one.chat(messageActivity(chat(), va, 'leave 2027-05-01 2028-05-01'))).join(' ')).toContain('Time off longer than 366 days is not accepted');
    expect((await one.tab('POST', '/leave', owner, { from: '2027-05-01', to: '2028-04-30' })).status).toBe(201);
    // The last day before the first: the same refusal.
    expect((await one.tab('POST', '/leave', owner, { from: '2027-06-05', to: '2027-06-01' })).status).toBe(400);
    expect((await one.chat(messageActivity(chat(), owner, 'leave 2027-06-05 2027-06-01'))).join(' ')).toContain('The last day comes before the first.');
    // Someone else in the chat, or the VA signed in to another tenant, changes nothing.
    expect((await one.chat(messageActivity(chat(), stranger, 'leave 2027-07-01 2027-07-02'))).join(' ')).toContain('Only the owner and the VA of this pairing can do that.');
    expect((await one.tab('POST', '/leave', stranger, { from: '2027-07-01', to: '2027-07-02' })).status).toBe(403);
    expect((await one.tab('POST', '/leave', va, { from: '2027-07-01', to: '2027-07-02' }, 'other-tenant')).status).toBe(401);
    expect((await listLeave(db(), pairing.id)).length - before).toBe(5);
  });

  it('shows a change made in the chat in the tab at once, although the tab had just read (and kept) the old value', async () => {
    const one = instance();
    const settings = async () => ((await (await one.tab('GET', '/settings', va)).json()) as { settings: { responseTargetPct: number } }).settings.responseTargetPct;
    expect(await settings()).toBe(90);
    const saved = await one.chat(submitActivity(chat(), owner, 'review.submit', { pairingId: pairing.id, targetPct: '85', windowHours: '24', comment: '' }));
    expect(saved.join(' ')).toContain('85');
    expect(await settings()).toBe(85);
  });

  it('counts a VA reply that carries only `from` as someone else’s in the Outlook pane, exactly as the engine does', async () => {
    const message = inbound('2026-11-24T09:00Z', { id: 'pane-in', internetMessageId: '<pane-in@fabrikam.com>', from: CLIENT });
    // The VA answered from their own mailbox identity: `from` is the VA, no `sender`.
    const answer = reply('2026-11-24T10:00Z', message.conversationId, { id: 'pane-out', from: VA, sender: null });
    await upsertMessages(db(), pairing.id, [message, answer]);
    const view = await paneView(db(), services(db()).reports, { tenantId: TENANT_ID, userId: va.aadObjectId }, { internetMessageId: '<pane-in@fabrikam.com>', receivedAt: null }, NOW);
    expect(view.state).toBe('found');
    const row = view.state === 'found' ? view.matches[0]!.message : null;
    expect(row).toMatchObject({ id: 'pane-in', status: 'onTime', answeredBy: 'other' });
    const week = (await kpiFor(db(), pairing, weekPeriod('2026-W48'), NOW)).weeks[0]!;
    expect(week.answeredBy.other).toBeGreaterThanOrEqual(1);
    expect(week.answeredBy.va).toBe(0);
  });
});
