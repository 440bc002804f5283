// Two app instances on one PostgreSQL: a change made through one instance's chat reaches the other instance's
// tab API within 2 s, although that instance had just read (and kept for 30 s) the old value. The change feed
// is PostgreSQL's LISTEN/NOTIFY; each instance has its own pool, listening connection and read models.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { createApiApp } from '../src/api/api-app.ts';
import { silentLogger } from '../src/log.ts';
import { createReports } from '../src/reports/reports.ts';
import { openChangeFeed } from '../src/store/change-feed.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { createPairing, type Pairing } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import type { ChangeFeed } from '../src/ports/changes.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { chatUser, submitActivity, TENANT_ID } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { at, OWNER, VA } from './support/mail.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from './support/postgres.ts';
import { testIssuer, type TestIssuer } from './support/tab-tokens.ts';

const NOW = at('2026-11-25T12:00Z');
const WITHIN_MS = 2_000;

describe.skipIf(TEST_DATABASE_URL === undefined)('a change on one instance, seen on another (PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let connector: FakeConnector;
  let issuer: TestIssuer;
  let pairing: Pairing;
  const opened: Array<{ db: Database; changes: ChangeFeed }> = [];
  const owner = chatUser('Olivia Owner', OWNER);
  const va = chatUser('Victor VA', VA);
  const chatId = '19:two-instances@thread.v2';

  beforeAll(async () => {
    scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    connector = await startFakeConnector();
    issuer = await testIssuer();
    const setup = await openDatabase({ url: scratch.url });
    await migrate(setup);
    await ensureTenant(setup, { id: TENANT_ID, name: 'Contoso', verifiedDomains: ['contoso.com'] });
    pairing = await createPairing(setup, { tenantId: TENANT_ID, mailbox: OWNER, owner: { address: OWNER, userId: owner.aadObjectId }, va: { address: VA, userId: va.aadObjectId }, conversationRef: { serviceUrl: connector.url, conversation: { id: chatId } } });
    await setup.close();
  });
  afterAll(async () => {
    for (const { db, changes } of opened) {
      await changes.close();
      await db.close();
    }
    await connector.close();
    await scratch.drop();
  });

  /** One instance as the composition root builds it: its own pool, change feed and read models. */
  async function instance() {
    const db = await openDatabase({ url: scratch.url });
    const changes = await openChangeFeed(db);
    opened.push({ db, changes });
    const reports = createReports(db, changes);
    const clock = { now: () => NOW };
    const api = createApiApp({ db, reports, changes, validateToken: issuer.validator(db, silentLogger, TENANT_ID), clock, log: silentLogger });
    const app = createApp({ db, jobsRunning: () => true, log: silentLogger, bot: botRoute({ db, reports, changes, directory: { owns: async () => true }, clock, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null) });
    return {
      chat: (activity: object) => app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }),
      async target(): Promise<number> {
        const token = await issuer.sign({ tid: TENANT_ID, oid: va.aadObjectId, upn: VA, name: 'Victor VA' });
        const response = await api.request(`/pairings/${pairing.id}/settings`, { headers: { authorization: `Bearer ${token}` } });
        return ((await response.json()) as { settings: { responseTargetPct: number } }).settings.responseTargetPct;
      },
    };
  }

  it('drops the other instance’s kept pairing within 2 s of a chat change', async () => {
    const [first, second] = [await instance(), await instance()];
    expect(await second.target()).toBe(90);
    expect(await first.target()).toBe(90);
    const changedAt = Date.now();
    await first.chat(submitActivity({ serviceUrl: connector.url, conversationId: chatId }, owner, 'review.submit', { pairingId: pairing.id, targetPct: '80', windowHours: '24', comment: '' }));
    // The instance that made the change shows it at once.
    expect(await first.target()).toBe(80);
    let seen = await second.target();
    while (seen !== 80 && Date.now() - changedAt < WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = await second.target();
    }
    expect(seen).toBe(80);
    expect(Date.now() - changedAt).toBeLessThan(WITHIN_MS);
  });
});
