// The Outlook pane evaluates only the message's conversation from the message's week on, reading its marks
// with it and its people and pauses from the read models. For every message of a seeded mailbox (weeks of
// mail, threads across weeks, marks, leave and out-of-office) on both clocks, its row, its conversation's
// waiting mail and this week's figures must be exactly what the engine says over the whole period.
import { beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { weekAt, weekPeriod } from '../kpi/weeks.ts';
import type { MessageMeta } from '../kpi/message.ts';
import { markNoReply } from '../store/marks.ts';
import { listMessagesSince, upsertMessages } from '../store/messages.ts';
import { addPause } from '../store/paused.ts';
import { updateSettings, type Pairing } from '../store/pairings.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { services } from '../../test/support/services.ts';
import { SEED_ZONE, seededMessageId, seedTabPairing } from '../../test/support/tab-seed.ts';
import { periodStart } from './kpi-input.ts';
import { waitingRows, type MessageRow } from './message-rows.ts';
import { paneView, type PaneMatch } from './pane.ts';
import { kpiFor, rowsFor } from './reports.ts';

/** Wednesday noon of a week, so this week holds answered, pending and not-yet-due mail. */
const NOW = Date.parse('2026-11-25T12:00:00Z');
const WEEKS = 6;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Threads of several messages across weeks: answers before, between and after the inbound mail, some never. */
function threads(mailbox: string, va: string): MessageMeta[] {
  const monday = DateTime.fromMillis(NOW, { zone: SEED_ZONE }).startOf('week').toMillis();
  const base = { sender: null, cc: [], isDraft: false, categories: [], inference: 'focused' as const, automatic: false, subject: 'Thread' };
  const inbound = (id: string, conversationId: string, at: number): MessageMeta => ({ ...base, id, conversationId, receivedAt: at, sentAt: at - 60_000, from: 'ben@northwind.example', to: [mailbox], folder: 'inbox', internetMessageId: seededMessageId(id) });
  const answer = (id: string, conversationId: string, at: number): MessageMeta => ({ ...base, id, conversationId, receivedAt: at, sentAt: at, from: mailbox, sender: va, to: ['ben@northwind.example'], folder: 'sentitems', inference: null, internetMessageId: seededMessageId(id) });
  return [
    // Asked on a Friday, asked again on Monday, answered on Tuesday: both answered by the one reply.
    inbound('t1-a', 't1', monday - 3 * WEEK_MS_DAYS(1) + 4 * DAY + 15 * HOUR),
    inbound('t1-b', 't1', monday - 2 * WEEK_MS_DAYS(1) + 9 * HOUR),
    answer('t1-r', 't1', monday - 2 * WEEK_MS_DAYS(1) + DAY + 10 * HOUR),
    // Answered, then a follow-up three weeks later never answered (missed), then one this week (pending).
    inbound('t2-a', 't2', monday - 4 * WEEK_MS_DAYS(1) + 2 * DAY + 8 * HOUR),
    answer('t2-r', 't2', monday - 4 * WEEK_MS_DAYS(1) + 2 * DAY + 9 * HOUR),
    inbound('t2-b', 't2', monday - WEEK_MS_DAYS(1) + 3 * DAY + 11 * HOUR),
    inbound('t2-c', 't2', monday + DAY + 14 * HOUR),
    // Received on Sunday evening, answered on Wednesday morning across the week boundary.
    inbound('t3-a', 't3', monday - DAY + 20 * HOUR),
    answer('t3-r', 't3', monday + 2 * DAY + 7 * HOUR),
    // Received Monday 09:00, answered Thursday 12:00: late on both clocks (27 working hours).
    inbound('t5-a', 't5', monday - WEEK_MS_DAYS(1) + 9 * HOUR),
    answer('t5-r', 't5', monday - WEEK_MS_DAYS(1) + 3 * DAY + 12 * HOUR),
    // Marked "no reply needed" in Tandem, then answered anyway.
    inbound('t4-a', 't4', monday - 2 * WEEK_MS_DAYS(1) + 3 * DAY + 10 * HOUR),
    answer('t4-r', 't4', monday - WEEK_MS_DAYS(1) + 10 * HOUR),
  ];
}
const WEEK_MS_DAYS = (weeks: number) => weeks * 7 * DAY;

describe.each(testEngines())('the Outlook pane on %s', (engine) => {
  const db = useTestDatabase(engine);
  let pairing: Pairing;
  let mailbox: MessageMeta[];

  beforeAll(async () => {
    ({ pairing } = await seedTabPairing(db(), NOW, { tenantId: `pane-${engine}`, weeks: WEEKS, perDay: 4, messageIds: true }));
    await upsertMessages(db(), pairing.id, threads(pairing.mailbox, pairing.va.address));
    mailbox = await listMessagesSince(db(), pairing.id, 0);
    const received = mailbox.filter((message) => message.folder === 'inbox');
    for (const [i, message] of received.entries()) if (i % 9 === 4 || message.id === 't4-a') await markNoReply(db(), pairing.id, message.id, i % 2 === 0 ? 'va' : 'owner', 'handled by phone');
    // A week of leave four weeks back, and an afternoon of out-of-office five weeks back.
    const monday = DateTime.fromMillis(NOW, { zone: SEED_ZONE }).startOf('week').toMillis();
    await addPause(db(), pairing.id, { kind: 'leave', start: monday - 28 * DAY, end: monday - 23 * DAY, createdBy: 'va' });
    await addPause(db(), pairing.id, { kind: 'out_of_office', start: monday - 33 * DAY + 13 * HOUR, end: monday - 33 * DAY + 18 * HOUR, createdBy: 'sync' });
  });

  for (const clock of ['calendar', 'working'] as const) {
    it(`shows every message exactly as the engine over the whole period does, on the ${clock} clock`, async () => {
      pairing = await updateSettings(db(), pairing.id, { clock }, 'owner');
      const { reports } = services(db());
      const everything = { from: weekPeriod(weekAt(pairing.settings, mailbox[0]!.receivedAt)).from, to: weekPeriod(weekAt(pairing.settings, NOW)).to };
      const rows = new Map((await rowsFor(db(), pairing, everything, NOW)).map((row) => [row.id, row]));
      const current = (await kpiFor(db(), pairing, weekPeriod(weekAt(pairing.settings, NOW)), NOW)).weeks[0]!;
      /**
       * Known difference, not the pane's doing: the working clock is laid out only to the input's last message
       * or pause plus the window's weeks (src/kpi/clock.ts), so the time a missed message has waited saturates
       * sooner in one conversation than among the whole mailbox's mail. Its status is the same.
       */
      const comparable = (row: MessageRow | null) => (row !== null && clock === 'working' && row.status === 'missed' ? { ...row, clockMinutes: 'saturates' } : row);
      const statuses = new Set<string>();
      for (const message of mailbox) {
        const view = await paneView(db(), reports, { tenantId: pairing.tenantId, userId: pairing.va.userId! }, { internetMessageId: message.internetMessageId!, receivedAt: null }, NOW);
        expect(view.state, message.id).toBe('found');
        const match = (view as { matches: readonly PaneMatch[] }).matches[0]!;
        expect(match.messageId).toBe(message.id);
        expect(comparable(match.message), message.id).toEqual(comparable(rows.get(message.id) ?? null));
        // The conversation's other waiting mail from the message's week on, as the whole-period rows have it.
        const since = periodStart({ from: weekPeriod(weekAt(pairing.settings, message.receivedAt)).from, to: everything.to }, pairing.settings);
        const conversation = mailbox.filter((other) => other.conversationId === message.conversationId && other.receivedAt >= since && other.id !== message.id);
        expect(match.conversationWaiting.map(comparable), message.id).toEqual(waitingRows(conversation.flatMap((other) => rows.get(other.id) ?? [])).map(comparable));
        expect(match.week).toEqual({ week: current.week, rate: current.rate, met: current.met, targetPct: pairing.settings.responseTargetPct, counted: current.counted, onTime: current.onTime, pending: current.pending });
        statuses.add(match.message?.status ?? match.message?.reason ?? 'sent');
      }
      // The mailbox exercised every status and the exclusions that matter.
      expect([...statuses].sort()).toEqual(expect.arrayContaining(['auto', 'late', 'marked', 'missed', 'onTime', 'pending', 'sent']));
    });
  }
});
