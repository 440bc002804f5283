// The task KPI on the weekly deliveries, end to end: a pairing's stored Planner tasks → the read models →
// runDelivery → the scorecard posted in the chat and the summary mail, both with the same hand-counted numbers;
// a pairing without a task source gets neither a word nor a number about tasks.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { runDelivery, type DeliveryContext } from '../src/jobs/deliveries.ts';
import type { DueDelivery } from '../src/jobs/planner.ts';
import { silentLogger } from '../src/log.ts';
import type { ChatPoster } from '../src/ports/chat.ts';
import type { MailSender, OutgoingMail } from '../src/ports/mail.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { upsertTasks } from '../src/store/tasks.ts';
import { useTestDatabase } from './support/databases.ts';
import { emptyMailbox } from './support/fakes.ts';
import { newTestPairing } from './support/pairings.ts';
import { deliveryServices } from './support/services.ts';
import { TASKS } from './support/tasks.ts';

const PLAN = 'planner:plan-contoso-va';
/** Monday after the week, 09:05 UTC: the scheduled scorecard and summary of 2026-W47. */
const NOW = Date.parse('2026-11-23T09:05:00Z');

describe('the task KPI on the scorecard and the summary mail', () => {
  const db = useTestDatabase('pglite');

  async function deliver(pairing: Pairing): Promise<{ card: string; mail: OutgoingMail }> {
    const cards: object[] = [];
    const mails: OutgoingMail[] = [];
    const chat: ChatPoster = { post: async (_conversation, card) => `a-${cards.push(card)}`, findPosted: async () => null };
    const mail: MailSender = { send: async (_mailbox, outgoing, key) => (mails.push(outgoing), key), findSent: async () => null };
    const ctx: DeliveryContext = { ...deliveryServices(db()), db: db(), chat, mail, mailbox: emptyMailbox, clock: { now: () => NOW }, log: silentLogger };
    for (const kind of ['scorecard', 'summary_mail'] as const) {
      const due: DueDelivery = { pairingId: pairing.id, kind, period: '2026-W47', dueAt: Date.parse('2026-11-23T08:00:00Z'), late: false };
      expect(await runDelivery(ctx, due)).toBe('delivered');
    }
    return { card: JSON.stringify(cards[0]).replace(/\u00a0/g, ' '), mail: mails[0]! };
  }

  const conversationRef = (id: string) => ({ serviceUrl: 'https://smba.example/teams', conversation: { id } });

  it('shows the stored tasks’ week on both, with the same numbers', async () => {
    const pairing = await newTestPairing(db(), { settings: { timeZone: 'Europe/Copenhagen', taskSource: PLAN }, conversationRef: conversationRef('19:tasks') });
    await upsertTasks(db(), pairing.id, PLAN, TASKS.map((task) => ({ ...task, etag: null })));
    // A list the pairing does not read (another source) is not counted.
    await upsertTasks(db(), pairing.id, 'todo:other-list', [{ ...TASKS[3]!, id: 'stray', etag: null }]);
    const { card, mail } = await deliver(pairing);

    // support/tasks.ts after the week: a, b, e, f, h, j on time; c, i late; d, g overdue; none open: 6 of 10.
    expect(card).toContain('60% of tasks done on time (target 90%)');
    expect(card).toContain('6 on time · 2 late · 2 overdue · 0 not due yet');
    const tasks = new JSDOM(mail.html).window.document.querySelector('[data-section="tasks"]')!;
    expect(tasks.querySelector('.rate')?.textContent).toBe('60%');
    expect([...tasks.querySelectorAll('.stat-value')].map((node) => node.textContent)).toEqual(['6', '2', '2', '0']);
    expect(mail.text).toContain('On time: 6 · Late: 2 · Overdue: 2 · Not due yet: 0');
  });

  it('says nothing about tasks for a pairing without a task source, whatever tasks are stored for it', async () => {
    const pairing = await newTestPairing(db(), { settings: { timeZone: 'Europe/Copenhagen' }, conversationRef: conversationRef('19:no-tasks') });
    await upsertTasks(db(), pairing.id, PLAN, TASKS.map((task) => ({ ...task, etag: null })));
    const { card, mail } = await deliver(pairing);
    expect(card).not.toMatch(/tasks|overdue|not due yet/i);
    expect(new JSDOM(mail.html).window.document.querySelector('[data-section="tasks"]')).toBeNull();
    expect(mail.text).not.toMatch(/Tasks|Overdue|Not due yet/);
  });
});
