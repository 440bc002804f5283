// Any member of a chat could once make Tandem measure any mailbox in the tenant. Now set-up asks the directory
// (Graph GET /users/{id}: mail and proxyAddresses, https://learn.microsoft.com/graph/api/user-get) whether the
// mailbox is the owner's own; anything else waits for a tenant admin (app role Tandem.Admin), and until then the
// sync reads nothing. The directory here is the dev tenant's Graph, refusing apps without User.Read.All.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { createApiApp } from '../src/api/api-app.ts';
import { startDevTenant, type DevTenant } from '../src/devtenant/dev-tenant.ts';
import { generateTenantSeed } from '../src/devtenant/seed/generate.ts';
import { connectGraph, type GraphConnection } from '../src/graph/connect.ts';
import { graphDirectory } from '../src/graph/directory.ts';
import { syncPairing } from '../src/jobs/sync.ts';
import { silentLogger } from '../src/log.ts';
import type { MailboxSource } from '../src/ports/mailbox.ts';
import { countMessages } from '../src/store/messages.ts';
import { findPairingByConversation, getPairing } from '../src/store/pairings.ts';
import { readSyncState } from '../src/store/sync-state.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { actionActivity, type ChatUser } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { visibleStrings } from './support/card-text.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { services } from './support/services.ts';
import { testIssuer, type TestIssuer } from './support/tab-tokens.ts';

const seed = generateTenantSeed(3, { weeks: 4, start: '2026-11-02' });
const truth = seed.groundTruth.pairing;
const userOf = (id: string) => seed.users.find((user) => user.id === id)!;

describe('the directory over Graph', () => {
  let tenant: DevTenant;
  let graph: GraphConnection;
  beforeAll(async () => {
    tenant = await startDevTenant({ seed, roles: 'headers' });
    graph = connectGraph({ auth: tenant.authConfig, graphBaseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, mode: 'headers', backfillDays: 30, clock: tenant.clock, logger: silentLogger });
  });
  afterAll(async () => {
    await graph.close();
    await tenant.close();
  });

  it('knows a user’s own address (any case) and nobody else’s; an unknown user owns nothing', async () => {
    const directory = graphDirectory(graph.graph);
    const owner = userOf(truth.ownerUserId);
    const va = userOf(truth.vaUserId);
    expect(await directory.owns(owner.id, owner.mail.toUpperCase())).toBe(true);
    expect(await directory.owns(owner.id, va.mail)).toBe(false);
    expect(await directory.owns('00000000-0000-4000-8000-00000000dead', owner.mail)).toBe(false);
  });

  it('is refused without User.Read.All, as Graph refuses it (403), and set-up then fails rather than guessing', async () => {
    const narrow = await startDevTenant({ seed, roles: ['Mail.Read', 'MailboxSettings.Read', 'Organization.Read.All', 'Mail.Send'] });
    const connection = connectGraph({ auth: narrow.authConfig, graphBaseUrl: narrow.graphBaseUrl, trustedCaPem: narrow.ca, mode: 'headers', backfillDays: 30, clock: narrow.clock, logger: silentLogger, retry: { maxRetries: 0 } });
    try {
      await expect(graphDirectory(connection.graph).owns(truth.ownerUserId, userOf(truth.ownerUserId).mail)).rejects.toMatchObject({ statusCode: 403 });
    } finally {
      await connection.close();
      await narrow.close();
    }
  });
});

describe.each(testEngines())('mailbox set-up on %s', (engine) => {
  const db = useTestDatabase(engine);
  let tenant: DevTenant;
  let graph: GraphConnection;
  let connector: FakeConnector;
  let issuer: TestIssuer;
  const person = (id: string, name: string): ChatUser => ({ id: `29:${id}`, aadObjectId: id, name, email: userOf(id).mail });
  const owner = person(truth.ownerUserId, 'Owner');
  const va = person(truth.vaUserId, 'VA');
  /** A mailbox in the tenant that is not the owner's (here the VA's own): what a chat member might name instead. */
  const colleague = userOf(seed.mailboxes.find((mailbox) => mailbox.userId !== truth.ownerUserId && mailbox.userId !== truth.mailboxUserId)!.userId);

  beforeAll(async () => {
    tenant = await startDevTenant({ seed, roles: 'headers' });
    tenant.clock.advanceTo(seed.end);
    graph = connectGraph({ auth: tenant.authConfig, graphBaseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, mode: 'headers', backfillDays: 30, clock: tenant.clock, logger: silentLogger });
    connector = await startFakeConnector();
    issuer = await testIssuer();
    await ensureTenant(db(), { id: seed.tenantId, name: 'Contoso', verifiedDomains: seed.verifiedDomains });
  });
  afterAll(async () => {
    await connector.close();
    await graph.close();
    await tenant.close();
  });

  function app() {
    const shared = { ...services(db()), directory: graphDirectory(graph.graph) };
    const clock = { now: () => tenant.clock.now() };
    const bot = botRoute({ ...shared, db: db(), clock, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null);
    const api = createApiApp({ ...shared, db: db(), validateToken: issuer.validator(db(), silentLogger, seed.tenantId), clock, log: silentLogger });
    return { http: createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot }), api };
  }

  async function setUp(chatId: string, mailbox: string): Promise<string[]> {
    const chat = { serviceUrl: connector.url, conversationId: chatId };
    connector.setRoster(chatId, [owner, va].map((member) => ({ ...member, email: member.email })));
    connector.clear();
    const activity = actionActivity(chat, owner, 'setup.submit', { owner: owner.aadObjectId, va: va.aadObjectId, mailbox, timeZone: 'UTC', workStart: '09:00', workEnd: '17:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' });
    // The set-up tests' activities name the dev tenant's own tenant, so the actor is in the pairing's tenant.
    const inTenant = { ...activity, conversation: { ...activity.conversation, tenantId: seed.tenantId }, channelData: { tenant: { id: seed.tenantId } } };
    const response = await app().http.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(inTenant) });
    expect(response.status).toBe(200);
    return connector.cards().flatMap(({ card }) => visibleStrings(card));
  }

  const source = (): MailboxSource => connectGraph({ auth: tenant.authConfig, graphBaseUrl: tenant.graphBaseUrl, trustedCaPem: tenant.ca, mode: 'headers', backfillDays: 30, clock: tenant.clock, logger: silentLogger }).mailbox;

  it('approves the owner’s own mailbox at once, and the sync reads it', async () => {
    const said = await setUp(`19:own-${engine}@thread.v2`, owner.email);
    expect(said.join(' ')).not.toContain('is not Owner');
    const pairing = (await findPairingByConversation(db(), `19:own-${engine}@thread.v2`))!;
    expect(pairing.mailboxApproval).toBe('own');
    expect(await syncPairing({ db: db(), mailbox: source() }, pairing.id)).toBeGreaterThan(0);
  });

  it('keeps someone else’s mailbox waiting: both are told, the sync reads nothing and says why', async () => {
    const said = await setUp(`19:other-${engine}@thread.v2`, colleague.mail);
    expect(said.join(' ')).toContain(`${colleague.mail.toLowerCase()} is not Owner's own mailbox`);
    const pairing = (await findPairingByConversation(db(), `19:other-${engine}@thread.v2`))!;
    expect(pairing.mailboxApproval).toBeNull();
    expect(await syncPairing({ db: db(), mailbox: source() }, pairing.id)).toBe(0);
    expect(await countMessages(db(), pairing.id)).toBe(0);
    expect((await readSyncState(db(), pairing.id, 'mailbox'))?.lastError).toContain('must approve it first');
  });

  it('lets only an admin of the pairing’s tenant approve it; then the sync reads it', async () => {
    const pairing = (await findPairingByConversation(db(), `19:other-${engine}@thread.v2`))!;
    const approve = async (claims: { tid: string; oid: string; roles?: string[] }) => {
      const token = await issuer.sign({ upn: 'someone@contoso.example', name: 'Someone', ...claims });
      return app().api.request(`/pairings/${pairing.id}/approve-mailbox`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    };
    await ensureTenant(db(), { id: 'other-tenant', name: 'Other', verifiedDomains: [] });
    expect((await approve({ tid: seed.tenantId, oid: owner.aadObjectId })).status).toBe(403);
    // Signed in to another tenant: the token itself is refused (the tenant is pinned), before any rule.
    expect((await approve({ tid: 'other-tenant', oid: 'admin-elsewhere', roles: ['Tandem.Admin'] })).status).toBe(401);
    expect((await getPairing(db(), pairing.id))!.mailboxApproval).toBeNull();
    expect((await approve({ tid: seed.tenantId, oid: 'tenant-admin', roles: ['Tandem.Admin'] })).status).toBe(200);
    expect((await getPairing(db(), pairing.id))!.mailboxApproval).toBe('admin');
    await syncPairing({ db: db(), mailbox: source() }, pairing.id);
    // Read through Graph this time: a success is recorded after the refusal.
    const state = await readSyncState(db(), pairing.id, 'mailbox');
    expect(state?.lastSuccessAt).not.toBeNull();
  });
});
