// Exactly-once delivery and the job system on both engines, with typed fakes for the outside world.
import { describe, expect, it } from 'vitest';
import { runDelivery, type DeliveryContext } from '../src/jobs/deliveries.ts';
import { deliverOnce, type DeliveryChannel } from '../src/jobs/deliver-once.ts';
import { startJobSystem } from '../src/jobs/job-system.ts';
import type { DueDelivery } from '../src/jobs/planner.ts';
import type { ChatPoster, ConversationRef } from '../src/ports/chat.ts';
import { silentLogger } from '../src/log.ts';
import { upsertMessages } from '../src/store/messages.ts';
import { isMonthlyWeek } from '../src/reports/check-in.ts';
import { createPairing } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { acceptingMail, emptyMailbox } from './support/fakes.ts';
import { at, inbound, OWNER, reply, VA } from './support/mail.ts';
import { deliveryServices } from './support/services.ts';

const due = (pairingId: string, period = '2026-W47'): DueDelivery => ({ pairingId, kind: 'scorecard', period, dueAt: at('2026-11-23T09:00Z'), late: false });

/** A chat that keeps what it was sent, by key, like the connector does. */
function recordingChat(): ChatPoster & { posts: Array<{ conversation: ConversationRef; card: object; key: string }> } {
  const posts: Array<{ conversation: ConversationRef; card: object; key: string }> = [];
  return {
    posts,
    async post(conversation, card, key) {
      posts.push({ conversation, card, key });
      return `activity-${posts.length}`;
    },
    findPosted: async (_conversation, key) => {
      const index = posts.findIndex((post) => post.key === key);
      return index < 0 ? null : `activity-${index + 1}`;
    },
  };
}


describe.each(testEngines())('delivery on %s', (engine) => {
  const db = useTestDatabase(engine);

  async function pairing(conversationId = 'chat-1', settings: Record<string, unknown> = {}) {
    await ensureTenant(db(), { id: 'contoso', name: 'Contoso', verifiedDomains: ['contoso.com'] });
    const created = await createPairing(db(), {
      tenantId: 'contoso',
      mailbox: OWNER,
      owner: { address: OWNER },
      va: { address: VA },
      settings,
      conversationRef: { serviceUrl: 'https://smba.example/teams', conversation: { id: conversationId } },
    });
    await db().execute("update pairings set created_at = '2026-01-01' where id = $1", [created.id]);
    return created;
  }

  it('delivers once; a second run finds it already sent', async () => {
    const { id } = await pairing();
    let sends = 0;
    const channel: DeliveryChannel = { send: async () => `sent-${++sends}`, find: async () => null };
    expect(await deliverOnce(db(), due(id), channel)).toBe('delivered');
    expect(await deliverOnce(db(), due(id), channel)).toBe('skipped');
    expect(sends).toBe(1);
  });

  it('reconciles a send whose acknowledgement was lost instead of sending again', async () => {
    const { id } = await pairing();
    const landed: string[] = [];
    const flaky: DeliveryChannel = {
      async send() {
        landed.push('activity-1');
        throw new Error('connection reset after the post landed');
      },
      find: async () => landed[0] ?? null,
    };
    await expect(deliverOnce(db(), due(id), flaky)).rejects.toThrow('connection reset');
    expect(await deliverOnce(db(), due(id), flaky)).toBe('reconciled');
    expect(landed).toEqual(['activity-1']);
    const [row] = await db().query<{ state: string; external_id: string; attempts: number }>('select state, external_id, attempts from posted_items where pairing_id = $1', [id]);
    expect(row).toEqual({ state: 'sent', external_id: 'activity-1', attempts: 2 });
  });

  it('lets only one of several racing senders send', async () => {
    const { id } = await pairing();
    let sends = 0;
    const slow: DeliveryChannel = {
      send: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return `sent-${++sends}`;
      },
      find: async () => null,
    };
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliverOnce(db(), due(id), slow)));
    expect(outcomes.filter((outcome) => outcome === 'delivered')).toHaveLength(1);
    expect(sends).toBe(1);
  });

  it('runs the planned scorecard through the job system and posts the engine’s numbers', async () => {
    const created = await pairing('chat-jobs');
    const m = inbound('2026-11-16T09:00Z');
    await upsertMessages(db(), created.id, [m, reply('2026-11-16T15:00Z', m.conversationId), inbound('2026-11-17T09:00Z')]);
    const chat = recordingChat();
    const ctx: DeliveryContext = { ...deliveryServices(db()), db: db(), chat, mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => at('2026-11-23T09:05Z') }, log: silentLogger };
    const jobs = await startJobSystem(db(), ctx, { concurrency: 2, syncEveryMinutes: 5, retentionDays: 400, schedule: false });
    try {
      expect(await jobs.planNow()).toBeGreaterThan(0);
      const deadline = Date.now() + 30_000;
      while (!chat.posts.some((post) => post.key.includes(`${created.id}:scorecard:2026-W47`)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await jobs.planNow();
    } finally {
      await jobs.stop();
    }
    const scorecards = chat.posts.filter((post) => post.key.includes(`${created.id}:scorecard:`));
    expect(scorecards).toHaveLength(1);
    const text = JSON.stringify(scorecards[0]!.card);
    expect(text).toContain('Scorecard for the week of Nov 16');
    // 2 counted: 1 on time and 1 missed; nothing late or still waiting, so neither is named.
    expect(text).toContain('2 e-mails needed a reply: 1 on time and 1 missed.');
    expect(text).not.toMatch(/still have time|still has time/);
    // The hours keep their unit on one line (a no-break space).
    expect(text).toContain('50% answered on time, within 24\u00a0h (target 90%)');
  });

  it('posts the monthly question with a button that opens the check-in asking it: the week the month’s first scorecard reports', async () => {
    const created = await pairing('chat-monthly');
    const chat = recordingChat();
    const ctx: DeliveryContext = { ...deliveryServices(db()), db: db(), chat, mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => at('2026-12-07T09:05Z') }, log: silentLogger };
    // Monday 7 December 2026 is December's first scorecard day; that scorecard reports 30 Nov to 6 Dec, ISO week 49.
    const monthly: DueDelivery = { pairingId: created.id, kind: 'monthly_question', period: '2026-12', dueAt: at('2026-12-07T09:00Z'), late: false };
    expect(await runDelivery(ctx, monthly)).toBe('delivered');
    expect(chat.posts).toHaveLength(1);
    expect(chat.posts[0]!.card).toMatchObject({ actions: [{ type: 'Action.Execute', title: 'Answer', verb: 'feedback.open', data: { pairingId: created.id, week: '2026-W49' } }] });

    // With Friday scorecards, December's first is on Friday 4 December and reports 23 to 29 November, week 48:
    // the button opens that check-in, and its form is the one that asks the monthly question.
    const friday = await pairing('chat-monthly-friday', { scorecardDay: 'friday' });
    expect(await runDelivery(ctx, { ...monthly, pairingId: friday.id, dueAt: at('2026-12-04T09:00Z') })).toBe('delivered');
    expect(chat.posts[1]!.card).toMatchObject({ actions: [{ data: { pairingId: friday.id, week: '2026-W48' } }] });
    expect(isMonthlyWeek('2026-W48', friday.settings)).toBe(true);
  });

  it('stop() returns only after a job that outlived pg-boss’s stop timeout has ended, so the database can close', async () => {
    await pairing('chat-slow');
    let posting = false;
    let finished = false;
    const slowChat: ChatPoster = {
      async post() {
        posting = true;
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        finished = true;
        return 'activity-slow';
      },
      findPosted: async () => null,
    };
    const ctx: DeliveryContext = { ...deliveryServices(db()), db: db(), chat: slowChat, mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => at('2026-11-23T09:05Z') }, log: silentLogger };
    const jobs = await startJobSystem(db(), ctx, { concurrency: 1, syncEveryMinutes: 5, retentionDays: 400, schedule: false, stopTimeoutMs: 1_000 });
    await jobs.planNow();
    const deadline = Date.now() + 30_000;
    while (!posting && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posting).toBe(true);
    await jobs.stop();
    expect(finished).toBe(true);
  });
});
