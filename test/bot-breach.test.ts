// Breach warnings: turned on in the chat, one card lists the mail that will pass the window within four hours,
// at most once an hour; off, or with nothing about to breach, nothing is posted. Offboarding removes the setting.
import { describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { warnAboutBreaches } from '../src/jobs/breach-warnings.ts';
import type { ChatPoster } from '../src/ports/chat.ts';
import { silentLogger } from '../src/log.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { breachWarningsOn } from '../src/store/breach-warnings.ts';
import { upsertMessages } from '../src/store/messages.ts';
import { offboardPairing } from '../src/store/offboard.ts';
import { createPairing } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { chatUser, messageActivity, TENANT_ID } from './support/bot-activities.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { at, inbound, OWNER, reply, VA } from './support/mail.ts';
import { deliveryServices, services } from './support/services.ts';

describe.each(testEngines())('breach warnings on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('warns once an hour about mail that will be late within four hours', async () => {
    // The chat's tenant: who may act in a pairing is judged in the pairing's own tenant.
    await ensureTenant(db(), { id: TENANT_ID, name: 'Breach', verifiedDomains: ['contoso.com'] });
    const owner = chatUser('Owner', OWNER);
    const chatId = `19:breach-${engine}@thread.v2`;
    const TEAMS_APP = '00000000-0000-4000-8000-0000000000aa';
    const pairing = await createPairing(db(), {
      tenantId: TENANT_ID,
      mailbox: OWNER,
      owner: { address: OWNER, userId: owner.aadObjectId },
      va: { address: VA },
      conversationRef: { serviceUrl: 'https://smba.example/teams', conversation: { id: chatId } },
      createdAt: at('2026-11-01T00:00Z'),
    });
    const soon = inbound('2026-11-24T12:30Z', { subject: 'Invoice question' });
    const later = inbound('2026-11-25T06:00Z', { subject: 'Not urgent yet' });
    const answered = inbound('2026-11-24T11:00Z', { subject: 'Answered already' });
    await upsertMessages(db(), pairing.id, [soon, later, answered, reply('2026-11-24T13:00Z', answered.conversationId)]);

    const posted: Array<{ card: object; key: string }> = [];
    let connectorDown = false;
    const chat: ChatPoster = {
      post: async (_conversation, card, key) => {
        if (connectorDown) throw new Error('connector unreachable');
        return `a-${posted.push({ card, key })}`;
      },
      findPosted: async () => null,
    };
    let now = at('2026-11-25T10:00Z'); // 2 h 30 min left for "Invoice question"
    const ctx = { ...deliveryServices(db()), db: db(), chat, clock: { now: () => now }, log: silentLogger, teamsAppId: TEAMS_APP };

    expect(await warnAboutBreaches(ctx)).toBe(0); // off by default

    // Turned on from the chat by a member of the pairing.
    const app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot: botRoute({ ...services(db()), db: db(), clock: ctx.clock, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null) });
    const { startFakeConnector } = await import('./support/bot-connector-fake.ts');
    const connector = await startFakeConnector();
    try {
      const chatOptions = { serviceUrl: connector.url, conversationId: chatId };
      await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity(chatOptions, owner, 'warnings on')) });
      expect(JSON.stringify(connector.cards()[0]!.card)).toContain('Deadline warnings are on');
    } finally {
      await connector.close();
    }
    expect(await breachWarningsOn(db(), pairing.id)).toBe(true);

    // A failed post gives the hour back: the next check posts.
    connectorDown = true;
    expect(await warnAboutBreaches(ctx)).toBe(0);
    connectorDown = false;
    expect(await warnAboutBreaches(ctx)).toBe(1);
    const card = JSON.stringify(posted[0]!.card);
    expect(card).toContain('1 mail reaches its deadline within 4 hours');
    expect(card).toContain('2 h 30 min left');
    expect(card).toContain('Invoice question');
    expect(card).not.toContain('Not urgent yet');
    expect(card).not.toContain('Answered already');
    // It leads to the tab's Waiting view of this pairing (the deep link's sub-entity, as Teams hands it to the tab).
    const open = (posted[0]!.card as { actions: Array<{ type: string; url?: string }> }).actions.find((action) => action.type === 'Action.OpenUrl')!;
    expect(new URL(open.url!).pathname).toBe(`/l/entity/${TEAMS_APP}/kpi`);
    expect(JSON.parse(new URL(open.url!).searchParams.get('context')!)).toEqual({ subEntityId: `${pairing.id}/waiting` });

    now += 30 * 60_000; // within the hour: no second card
    expect(await warnAboutBreaches(ctx)).toBe(0);
    now += 31 * 60_000; // an hour later, still 59 min left
    expect(await warnAboutBreaches(ctx)).toBe(1);
    now += 2 * 3_600_000; // now late: nothing left to warn about
    expect(await warnAboutBreaches(ctx)).toBe(0);

    await offboardPairing(db(), pairing.id, 'owner');
    expect(await breachWarningsOn(db(), pairing.id)).toBe(false);
  });
});
