// The check-in privacy matrix (#17.4): reader (owner, VA, a third member of the chat, someone of another tenant)
// × surface (the card's refresh and buttons, posts to the chat, the Action.Submit fallback, updates for everyone,
// the tab's API, its CSV exports, the Outlook pane, the summary mail) × state of the week (nobody, the owner,
// the VA, both answered). Each surface is driven for real: the bot route with Teams-shaped activities against the
// fake connector, the API app with signed tokens, the deliveries with the mail and chat ports recorded.
//
// What each may see of the answers:
//   own view (refresh, a button's answer, the tab, a personal chat): their own always, the other side's once both
//     answered; a third member or someone of another tenant: never, only who answered;
//   anything the whole group chat sees (posts, the fallback's replacement, updates for everyone): never;
//   the summary mail (the owner's mailbox, which the VA runs): nothing until both answered, then both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { createApiApp } from '../src/api/api-app.ts';
import { runDelivery, type DeliveryContext } from '../src/jobs/deliveries.ts';
import type { DueDelivery } from '../src/jobs/planner.ts';
import { silentLogger } from '../src/log.ts';
import type { ChatPoster } from '../src/ports/chat.ts';
import type { MailSender, OutgoingMail } from '../src/ports/mail.ts';
import { listFeedback, saveFeedback } from '../src/store/feedback.ts';
import { upsertMessages } from '../src/store/messages.ts';
import { createPairing, type Pairing } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { actionActivity, chatUser, messageActivity, submitActivity, TENANT_ID, type ChatOptions, type ChatUser } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { emptyMailbox } from './support/fakes.ts';
import { at, inbound } from './support/mail.ts';
import { deliveryServices, services } from './support/services.ts';
import { testIssuer, type TestIssuer } from './support/tab-tokens.ts';

const OTHER_TENANT = '0b7e2c55-0000-4000-8000-00000000beef';
const OWNER_MAIL = 'olivia@contoso.example';
const VA_MAIL = 'victor@assist.example';

type Reader = 'owner' | 'va' | 'member' | 'outsider';
type State = 'none' | 'owner' | 'va' | 'both';
const READERS: readonly Reader[] = ['owner', 'va', 'member', 'outsider'];
const STATES: readonly State[] = ['none', 'owner', 'va', 'both'];
/** The week each state is stored in, and a Monday of the week after it (when that week's check-in runs). */
const WEEK: Record<State, { week: string; monday: string }> = {
  none: { week: '2026-W44', monday: '2026-11-02T12:00:00Z' },
  owner: { week: '2026-W45', monday: '2026-11-09T12:00:00Z' },
  va: { week: '2026-W46', monday: '2026-11-16T12:00:00Z' },
  both: { week: '2026-W47', monday: '2026-11-23T12:00:00Z' },
};
const answered = (state: State) => ({ owner: state === 'owner' || state === 'both', va: state === 'va' || state === 'both' });

/** Words only the owner's and only the VA's answers contain, per week. */
const ownerWords = (week: string) => `Owner-private-${week}`;
const vaWords = (week: string) => `VA-private-${week}`;

/** Which side's answers a reader may see, written out rather than computed: [owner's, VA's]. */
const OWN_VIEW: Record<Reader, Record<State, readonly [boolean, boolean]>> = {
  owner: { none: [false, false], owner: [true, false], va: [false, false], both: [true, true] },
  va: { none: [false, false], owner: [false, false], va: [false, true], both: [true, true] },
  member: { none: [false, false], owner: [false, false], va: [false, false], both: [false, false] },
  outsider: { none: [false, false], owner: [false, false], va: [false, false], both: [false, false] },
};
const NOTHING = [false, false] as const;
const MAIL: Record<State, readonly [boolean, boolean]> = { none: NOTHING, owner: NOTHING, va: NOTHING, both: [true, true] };

/** Which of the week's answers appear in `seen`. */
function shown(seen: string, week: string): [boolean, boolean] {
  return [seen.includes(ownerWords(week)), seen.includes(vaWords(week))];
}

describe.each(testEngines())('check-in privacy on every surface, on %s', (engine) => {
  const db = useTestDatabase(engine);
  let connector: FakeConnector;
  let issuer: TestIssuer;
  let pairing: Pairing;
  let now = Date.parse(WEEK.both.monday);
  const people: Record<Exclude<Reader, 'outsider'>, ChatUser> = {
    owner: chatUser('Olivia Owner', OWNER_MAIL),
    va: chatUser('Victor Assistant', VA_MAIL),
    member: chatUser('Bea Bystander', 'bea@contoso.example'),
  };
  const chat = (): ChatOptions => ({ serviceUrl: connector.url, conversationId: `19:privacy-${engine}@thread.v2` });
  const personal = (who: ChatUser): ChatOptions => ({ serviceUrl: connector.url, conversationId: `a:personal-${who.aadObjectId}`, personal: true });

  let app: ReturnType<typeof createApp>;
  let api: ReturnType<typeof createApiApp>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    issuer = await testIssuer();
    await ensureTenant(db(), { id: TENANT_ID, name: 'Contoso', verifiedDomains: ['contoso.example'] });
    await ensureTenant(db(), { id: OTHER_TENANT, name: 'Fabrikam', verifiedDomains: ['fabrikam.example'] });
    pairing = await createPairing(db(), {
      tenantId: TENANT_ID,
      mailbox: OWNER_MAIL,
      // As the set-up stores them from the roster: the chat names people, never by address.
      owner: { address: OWNER_MAIL, userId: people.owner.aadObjectId, mri: people.owner.id, name: people.owner.name },
      va: { address: VA_MAIL, userId: people.va.aadObjectId, mri: people.va.id, name: people.va.name },
      conversationRef: { serviceUrl: connector.url, conversation: { id: chat().conversationId } },
      settings: { timeZone: 'UTC' },
    });
    for (const state of STATES) {
      const { week } = WEEK[state];
      if (answered(state).owner) await saveFeedback(db(), pairing.id, week, 'owner', { wentWell: ownerWords(week), improve: 'x', nextTime: 'y', kpisFair: 'yes', quality: '2' });
      if (answered(state).va) await saveFeedback(db(), pairing.id, week, 'va', { wentWell: vaWords(week), needFromOwner: 'x', support: 'y', involved: '4' });
    }
    await upsertMessages(db(), pairing.id, [inbound('2026-11-24T09:00:00Z', { id: 'm1', to: [OWNER_MAIL], internetMessageId: '<m1@fabrikam.example>', subject: 'Order' })]);
    const shared = services(db());
    const clock = { now: () => now };
    app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot: botRoute({ ...shared, db: db(), clock, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null) });
    api = createApiApp({ ...shared, db: db(), validateToken: issuer.validator(db(), silentLogger, TENANT_ID), clock, log: silentLogger });
  });
  afterAll(() => connector.close());

  /** An activity from `reader`; the outsider is someone of another tenant presenting the owner's object id. */
  function from<T extends Record<string, unknown>>(reader: Reader, build: (user: ChatUser) => T): T {
    if (reader !== 'outsider') return build(people[reader]);
    const activity = build(people.owner) as T & { conversation: Record<string, unknown>; channelData: Record<string, unknown> };
    return { ...activity, conversation: { ...activity.conversation, tenantId: OTHER_TENANT }, channelData: { tenant: { id: OTHER_TENANT } } };
  }

  /** Runs a turn: what the clicker alone got back (an invoke's card), and every card the conversation got. */
  async function turn(activity: object): Promise<{ own: string; conversation: string; cards: number }> {
    connector.clear();
    const response = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    const body = await response.text();
    const cards = connector.cards();
    return { own: body, conversation: JSON.stringify(cards.map((call) => call.card)), cards: cards.length };
  }

  async function tab(reader: Reader, path: string): Promise<Response> {
    const who = reader === 'outsider' ? people.owner : people[reader];
    const token = await issuer.sign({ tid: reader === 'outsider' ? OTHER_TENANT : TENANT_ID, oid: who.aadObjectId, upn: who.email, name: who.name });
    return api.request(path, { headers: { authorization: `Bearer ${token}` } });
  }

  const data = (state: State) => ({ pairingId: pairing.id, week: WEEK[state].week });
  const cells = READERS.flatMap((reader) => STATES.map((state) => [reader, state] as const));

  describe('what a reader alone gets back in the chat: the card’s refresh, its buttons, a personal chat', () => {
    it.each(cells)('%s, when %s answered', async (reader, state) => {
      const { week } = WEEK[state];
      const refresh = await turn(from(reader, (user) => actionActivity(chat(), user, 'feedback.refresh', data(state), 'fb', 'automatic')));
      expect(shown(refresh.own, week), 'refresh').toEqual(OWN_VIEW[reader][state]);
      const open = await turn(from(reader, (user) => actionActivity(chat(), user, 'feedback.open', data(state), 'fb')));
      expect(shown(open.own, week), 'open').toEqual(OWN_VIEW[reader][state]);
      const edit = await turn(from(reader, (user) => actionActivity(chat(), user, 'feedback.edit', data(state), 'fb')));
      expect(shown(edit.own, week), 'edit').toEqual(state === 'both' ? OWN_VIEW[reader][state] : [false, false]);
      // Nothing of it reached the conversation.
      expect([refresh.cards, open.cards, edit.cards]).toEqual([0, 0, 0]);
      if (reader === 'owner' || reader === 'va') {
        now = Date.parse(WEEK[state].monday);
        const mine = await turn(messageActivity(personal(people[reader]), people[reader], 'feedback'));
        expect(shown(mine.conversation, week), 'personal chat').toEqual(OWN_VIEW[reader][state]);
      }
    });
  });

  describe('what the whole group chat gets: posts, the Submit fallback’s replacement, updates for everyone', () => {
    it.each(cells)('%s, when %s answered', async (reader, state) => {
      const { week } = WEEK[state];
      now = Date.parse(WEEK[state].monday);
      const seen: Array<[string, { conversation: string; cards: number }]> = [
        ['feedback command', await turn(from(reader, (user) => messageActivity(chat(), user, 'feedback')))],
        ['Give feedback on the scorecard', await turn(from(reader, (user) => actionActivity(chat(), user, 'feedback.open', { ...data(state), source: 'scorecard' }, 'scorecard')))],
        ['Give feedback, Submit fallback', await turn(from(reader, (user) => submitActivity(chat(), user, 'feedback.open', { ...data(state), source: 'scorecard' }, 'scorecard')))],
        ['Answer, Submit fallback', await turn(from(reader, (user) => submitActivity(chat(), user, 'feedback.open', data(state), 'fb')))],
        ['Edit, Submit fallback', await turn(from(reader, (user) => submitActivity(chat(), user, 'feedback.edit', data(state), 'fb')))],
      ];
      for (const [surface, result] of seen) {
        expect(result.cards, surface).toBeGreaterThan(0);
        expect(shown(result.conversation, week), surface).toEqual(NOTHING);
      }
      // The posted card says who has answered.
      const posted = seen[0]![1].conversation;
      expect(posted).toContain(`${answered(state).owner ? 'answered' : 'waiting'} (${people.owner.name})`);
      expect(posted).toContain(`${answered(state).va ? 'answered' : 'waiting'} (${people.va.name})`);
    });

    it('updates everyone’s card with who answered as each side submits, by Universal Action or by the fallback, and never with what', async () => {
      const week = '2026-W43';
      const form = { pairingId: pairing.id, week };
      const owner = await turn(actionActivity(chat(), people.owner, 'feedback.submit', { ...form, wentWell: ownerWords(week), improve: 'x', nextTime: 'y', kpisFair: 'yes' }, 'fb-43'));
      expect(shown(owner.own, week), 'the owner’s own view').toEqual([true, false]);
      expect(shown(owner.conversation, week), 'the update for everyone').toEqual(NOTHING);
      expect(owner.conversation).toContain(`answered (${people.owner.name})`);
      // The VA on a client without Universal Actions: her answers are saved, the chat learns only that she answered.
      const va = await turn(submitActivity(chat(), people.va, 'feedback.submit', { ...form, wentWell: vaWords(week), needFromOwner: 'x', support: 'y', involved: '4' }, 'fb-43'));
      expect(shown(va.conversation, week), 'the fallback’s replacement').toEqual(NOTHING);
      expect(va.conversation).toContain(`answered (${people.va.name})`);
      expect((await listFeedback(db(), pairing.id)).filter((entry) => entry.week === week).map((entry) => entry.author)).toEqual(['owner', 'va']);
      // A fallback submission that does not pass says where to answer, and repeats nothing typed.
      const invalid = await turn(submitActivity(chat(), people.owner, 'feedback.submit', { ...form, wentWell: `${ownerWords(week)} again`, improve: '' }, 'fb-43'));
      expect(shown(invalid.conversation, week), 'an invalid fallback submission').toEqual(NOTHING);
      expect(invalid.conversation).toContain('personal chat');
      // Someone else's submission changes nothing and shows nothing.
      const member = await turn(submitActivity(chat(), people.member, 'feedback.submit', { ...form, wentWell: 'not mine to answer' }, 'fb-43'));
      expect(shown(member.conversation, week)).toEqual(NOTHING);
      expect((await listFeedback(db(), pairing.id)).filter((entry) => entry.week === week)).toHaveLength(2);
      // Now both answered: each of the two sees both, nobody else anything.
      for (const reader of READERS) {
        const refresh = await turn(from(reader, (user) => actionActivity(chat(), user, 'feedback.refresh', form, 'fb-43', 'automatic')));
        expect(shown(refresh.own, week), reader).toEqual(reader === 'owner' || reader === 'va' ? [true, true] : NOTHING);
      }
    });
  });

  describe('the tab’s API, its CSV exports and the Outlook pane', () => {
    it.each(READERS)('%s', async (reader) => {
      const timeline = await tab(reader, `/pairings/${pairing.id}/feedback`);
      const member = reader === 'owner' || reader === 'va';
      // A third member is refused the pairing (403); someone of another tenant already their token (401: the tenant is pinned).
      const refused = reader === 'outsider' ? 401 : 403;
      expect(timeline.status).toBe(member ? 200 : refused);
      const body = await timeline.text();
      for (const state of STATES) expect(shown(body, WEEK[state].week), state).toEqual(OWN_VIEW[reader][state]);
      if (member) {
        // The other side's state shows even where its answers do not.
        const checkIns = (JSON.parse(body) as { checkIns: Array<{ week: string; owner: { state: string }; va: { state: string } }> }).checkIns;
        const other = reader === 'owner' ? 'va' : 'owner';
        expect(checkIns.find((entry) => entry.week === WEEK.owner.week)?.[other].state).toBe(reader === 'owner' ? 'notYet' : 'answered');
        expect(checkIns.find((entry) => entry.week === WEEK.va.week)?.[other].state).toBe(reader === 'owner' ? 'answered' : 'notYet');
      }
      // The check-in ratings beside the trend follow the same rule as the answers they are part of.
      const trend = await tab(reader, `/pairings/${pairing.id}/trend?weeks=12`);
      expect(trend.status).toBe(member ? 200 : refused);
      if (member) {
        const { ratings } = (await trend.json()) as { ratings: { weeks: Array<{ week: string; quality: number | null; involved: number | null }> } };
        for (const state of STATES) {
          const row = ratings.weeks.find((entry) => entry.week === WEEK[state].week);
          expect([row?.quality === 2, row?.involved === 4], `${reader} ${state}`).toEqual(OWN_VIEW[reader][state]);
        }
      }
      for (const path of [`/pairings/${pairing.id}/export/weeks.csv`, `/pairings/${pairing.id}/export/messages.csv?week=2026-W48`, `/addin/message?internetMessageId=${encodeURIComponent('<m1@fabrikam.example>')}`]) {
        const response = await tab(reader, path);
        const text = await response.text();
        if (!path.startsWith('/addin')) expect(response.status, path).toBe(member ? 200 : refused);
        for (const state of STATES) expect(shown(text, WEEK[state].week), path).toEqual(NOTHING);
      }
    });
  });

  describe('what Tandem delivers by itself: the summary mail, the scorecard, the reminder', () => {
    const mails: OutgoingMail[] = [];
    const posts: object[] = [];
    const mail: MailSender = { send: async (_mailbox, message, key) => (mails.push(message), key), findSent: async () => null };
    const poster: ChatPoster = { post: async (_conversation, card, key) => (posts.push(card), key), findPosted: async () => null };
    const deliver = (kind: DueDelivery['kind'], state: State) => {
      const context: DeliveryContext = { db: db(), ...deliveryServices(db()), chat: poster, mail, mailbox: emptyMailbox, clock: { now: () => Date.parse(WEEK[state].monday) }, log: silentLogger };
      return runDelivery(context, { pairingId: pairing.id, kind, period: WEEK[state].week, dueAt: at(WEEK[state].monday), late: false });
    };

    it.each(STATES)('the summary mail to the owner’s mailbox, when %s answered', async (state) => {
      mails.length = 0;
      expect(await deliver('summary_mail', state)).toBe('delivered');
      expect(mails).toHaveLength(1);
      const { week } = WEEK[state];
      expect(shown(mails[0]!.html, week), 'html').toEqual(MAIL[state]);
      expect(shown(mails[0]!.text, week), 'text').toEqual(MAIL[state]);
      if (state === 'owner') expect(mails[0]!.text).toContain('Answered. The answers appear here once both of you have answered.');
    });

    it.each(STATES)('the scorecard and the reminder posted to the chat, when %s answered', async (state) => {
      posts.length = 0;
      await deliver('scorecard', state);
      await deliver('feedback_reminder', state);
      expect(posts).toHaveLength(2);
      expect(shown(JSON.stringify(posts), WEEK[state].week)).toEqual(NOTHING);
    });
  });
});
