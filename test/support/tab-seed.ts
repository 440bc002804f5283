// A pairing with twelve weeks of realistic mail for the tab's browser test and benchmark: replies by the VA
// and the owner at varied speeds, late and missed mail, newsletters, no-reply and Cc-only mail, Friday
// inbox snapshots and both sides' feedback, and on request a Planner plan's tasks, all relative to `now` and
// deterministic.
import { createHash } from 'node:crypto';
import { DateTime, Duration } from 'luxon';
import type { MessageMeta } from '../../src/kpi/message.ts';
import type { Queryable } from '../../src/store/database.ts';
import { saveFeedback } from '../../src/store/feedback.ts';
import { upsertMessages } from '../../src/store/messages.ts';
import { createPairing, type Pairing } from '../../src/store/pairings.ts';
import { recordSnapshot } from '../../src/store/snapshots.ts';
import { recordSyncSuccess } from '../../src/store/sync-state.ts';
import { upsertTasks, type StoredTask } from '../../src/store/tasks.ts';
import { ensureTenant } from '../../src/store/tenants.ts';

export const SEED_ZONE = 'Europe/Copenhagen';
const HOUR = 3_600_000;
/** The seeded week's mail runs from Monday 06:00 to Friday evening. */
const WORK_WEEK = 5 * 24 * HOUR;
/** Until two days of this week have passed, its mail is squeezed into them (seedTabPairing). */
const COMPRESS_BEFORE = 2 * 24 * HOUR;
const CUSTOMERS = ['anna@fabrikam.example', 'ben@northwind.example', 'chloe@adatum.example', 'diego@tailspintoys.example', 'eva@litwareinc.example'];
const SUBJECTS = ['Quote for the spring catalogue', 'Invoice 2291', 'Meeting next week?', 'Delivery address change', 'Contract draft', 'Question about pricing'];

/** Reply delay in hours per message slot: mostly quick, some late (> 24 h), some never (null). */
const DELAYS: readonly (number | null)[] = [1, 3, 0.5, 6, 30, 2, null, 4, 1.5, 26, 8, 0.25];

/** The Entra object id the seed stores for an address (a GUID derived from it, so benches can sign in as it). */
export function objectIdFor(address: string): string {
  const hex = createHash('sha256').update(`oid/${address.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface SeededPairing {
  readonly pairing: Pairing;
  readonly messages: number;
}

/** The RFC 5322 Message-ID a seeded message carries with `messageIds` (as the Graph sync stores it). */
export const seededMessageId = (id: string): string => `<${id}@seed.contoso.example>`;
/** Outlook on the web's link to a seeded customer mail, in the form Graph's webLink takes. */
export const seededWebLink = (id: string): string => `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`;

export interface SeedOptions {
  tenantId?: string;
  tag?: string;
  weeks?: number;
  perDay?: number;
  /** Every message with its Message-ID (seededMessageId), as the Graph sync stores mail: what the Outlook pane looks up. */
  messageIds?: boolean;
  /** The pairing reads SEED_TASK_SOURCE (task target SEED_TASK_TARGET), with the tasks seedTasks stores. */
  tasks?: boolean;
}

/** A Planner plan of a mailbox outside the dev tenant: the local server's task sync keeps the seeded tasks as stored. */
export const SEED_TASK_SOURCE = 'planner:seed-plan';
export const SEED_TASK_TARGET = 80;
/** On-time tasks of each older week (index: weeks back, from 2), of four due Monday to Thursday; of the rest, one is done late and the others stay overdue. */
const ON_TIME_BY_WEEK = [4, 3, 4, 2, 4, 3, 4, 4, 3, 2];

/**
 * The plan's tasks, due at 10:00 local. Last week, by hand: Mon and Tue done the same day (on time), Wed's quote
 * done Thu (late), Wed's call not the VA's, Thu's CRM update on time, Thu's photos removed on Wed, Fri's report
 * never done (overdue): 3 on time, 1 late, 1 overdue, 60 % against 80 %. This week, whatever the weekday: two
 * due Sunday and done an hour or two ago (on time), one due Sunday not done (not due yet): 100 %. One task has no
 * due date.
 */
async function seedTasks(db: Queryable, pairingId: string, thisMonday: DateTime, now: number, weeks: number): Promise<void> {
  const due = (monday: DateTime, day: number) => ({ at: monday.plus({ days: day, hours: 10 }).toMillis() });
  const task = (id: string, title: string, overrides: Partial<StoredTask>): StoredTask => ({ id, title, due: null, assignedToVa: true, completedAt: null, deletedAt: null, etag: `W/"${id}"`, ...overrides });
  const lastMonday = thisMonday.minus({ weeks: 1 });
  const at = (day: number, hours: number) => lastMonday.plus({ days: day, hours }).toMillis();
  const tasks: StoredTask[] = [
    task('lw-invoices', 'Chase unpaid invoices', { due: due(lastMonday, 0), completedAt: at(0, 15) }),
    task('lw-travel', 'Book travel for the trade fair', { due: due(lastMonday, 1), completedAt: at(1, 9) }),
    task('lw-quotes', 'Send the spring quotes', { due: due(lastMonday, 2), completedAt: at(3, 9) }),
    task('lw-supplier', 'Call the supplier about the delay', { due: due(lastMonday, 2), assignedToVa: false }),
    task('lw-crm', 'Update the CRM contacts', { due: due(lastMonday, 3), completedAt: at(3, 16) }),
    task('lw-website', 'Refresh the website photos', { due: due(lastMonday, 3), deletedAt: at(2, 12) }),
    task('lw-report', 'Monthly sales report', { due: due(lastMonday, 4) }),
    task('tw-fair', 'Book the spring fair stand', { due: due(thisMonday, 6), completedAt: now - 3_600_000 }),
    task('tw-vat', 'Prepare the quarterly VAT return', { due: due(thisMonday, 6), completedAt: now - 7_200_000 }),
    task('tw-newsletter', 'Send the newsletter draft', { due: due(thisMonday, 6) }),
    task('no-date', 'Tidy the shared drive', {}),
  ];
  for (let w = 2; w < weeks; w++) {
    const monday = thisMonday.minus({ weeks: w });
    const onTime = ON_TIME_BY_WEEK[(w - 2) % ON_TIME_BY_WEEK.length]!;
    for (let day = 0; day < 4; day++) {
      const dueAt = due(monday, day);
      const completedAt = day < onTime ? dueAt.at + 2 * 3_600_000 : day === onTime ? dueAt.at + 30 * 3_600_000 : null;
      tasks.push(task(`w${w}-${day}`, `Weekly follow-up ${day + 1}`, { due: dueAt, completedAt }));
    }
  }
  await upsertTasks(db, pairingId, SEED_TASK_SOURCE, tasks);
}

export async function seedTabPairing(db: Queryable, now: number, options: SeedOptions = {}): Promise<SeededPairing> {
  const tag = options.tag ?? '';
  const tenantId = options.tenantId ?? 'tab-demo';
  const weeks = options.weeks ?? 12;
  const perDay = options.perDay ?? 3;
  const owner = `owner${tag}@contoso.example`;
  const va = `va${tag}@contoso.example`;
  await ensureTenant(db, { id: tenantId, name: 'Contoso (demo)', verifiedDomains: ['contoso.example'] });
  const thisMonday = DateTime.fromMillis(now, { zone: SEED_ZONE }).startOf('week');
  const pairing = await createPairing(db, {
    tenantId,
    mailbox: owner,
    // Stored as the chat set-up stores them: the tab and the pane know people by object id only.
    owner: { address: owner, userId: objectIdFor(owner), name: 'Olivia Owner' },
    va: { address: va, userId: objectIdFor(va), name: 'Vera Assistant' },
    settings: { timeZone: SEED_ZONE, ...(options.tasks === true ? { taskSource: SEED_TASK_SOURCE, taskTargetPct: SEED_TASK_TARGET } : {}) },
    createdAt: thisMonday.minus({ weeks }).toMillis(),
  });

  const messages: MessageMeta[] = [];
  let slot = 0;
  const base = { sender: null, cc: [], isDraft: false, categories: [], inference: 'focused' as const, automatic: false };
  // This week's mail, early in the week (before COMPRESS_BEFORE has passed), is its Monday-to-Friday schedule
  // squeezed into the time gone by, so that whatever the day and hour a test runs, this week has mail.
  const elapsed = now - thisMonday.toMillis();
  const scale = elapsed >= COMPRESS_BEFORE ? 1 : elapsed / WORK_WEEK;
  const mailAt = (monday: DateTime, offset: { days: number; hours: number; minutes?: number }) =>
    monday.toMillis() === thisMonday.toMillis() ? monday.toMillis() + Duration.fromObject(offset).toMillis() * scale : monday.plus(offset).toMillis();
  for (let w = weeks - 1; w >= 0; w--) {
    const monday = thisMonday.minus({ weeks: w });
    const delayScale = w === 0 ? scale : 1;
    for (let day = 0; day < 5; day++) {
      for (let i = 0; i < perDay; i++) {
        const received = mailAt(monday, { days: day, hours: 8 + i * 3, minutes: (slot * 7) % 50 });
        if (received > now) continue;
        const id = `m${tag}-${w}-${day}-${i}`;
        const from = CUSTOMERS[slot % CUSTOMERS.length]!;
        messages.push({ ...base, id, webLink: seededWebLink(id), conversationId: `c-${id}`, receivedAt: received, sentAt: received - 60_000, from, to: [owner], folder: 'inbox', subject: SUBJECTS[slot % SUBJECTS.length]! });
        const delay = DELAYS[slot % DELAYS.length]!;
        slot++;
        if (delay === null || received + delay * HOUR * delayScale > now) continue;
        const byOwner = slot % 5 === 0;
        const sent = received + delay * HOUR * delayScale;
        messages.push({ ...base, id: `r-${id}`, conversationId: `c-${id}`, receivedAt: sent, sentAt: sent, from: owner, sender: byOwner ? null : va, to: [from], folder: 'sentitems', inference: null, subject: `RE: ${SUBJECTS[(slot - 1) % SUBJECTS.length]}` });
      }
      const newsletter = mailAt(monday, { days: day, hours: 6 });
      if (newsletter <= now) {
        messages.push({ ...base, id: `n${tag}-${w}-${day}`, conversationId: `n-${w}-${day}`, receivedAt: newsletter, sentAt: newsletter, from: 'weekly@news.fabrikam.example', to: [owner], folder: 'inbox', automatic: true, subject: 'This week in retail' });
      }
    }
    const noReply = mailAt(monday, { days: 2, hours: 10 });
    if (noReply <= now) messages.push({ ...base, id: `x${tag}-${w}`, conversationId: `x-${w}`, receivedAt: noReply, sentAt: noReply, from: 'no-reply@woodgrovebank.example', to: [owner], folder: 'inbox', subject: 'Your statement is ready' });
    const ccOnly = mailAt(monday, { days: 3, hours: 11 });
    if (ccOnly <= now) messages.push({ ...base, id: `cc${tag}-${w}`, conversationId: `cc-${w}`, receivedAt: ccOnly, sentAt: ccOnly, from: 'eva@litwareinc.example', to: ['team@litwareinc.example'], cc: [owner], folder: 'inbox', subject: 'FYI: project notes' });
    const friday = monday.plus({ days: 4, hours: 17, minutes: 1 }).toMillis();
    if (friday <= now) await recordSnapshot(db, pairing.id, friday, w % 4 === 1 ? 3 : 0);
  }
  await upsertMessages(db, pairing.id, options.messageIds === true ? messages.map((message) => ({ ...message, internetMessageId: seededMessageId(message.id) })) : messages);
  await recordSyncSuccess(db, pairing.id, 'mailbox', { version: 1, seeded: true });
  if (options.tasks === true) await seedTasks(db, pairing.id, thisMonday, now, weeks);
  for (let w = 1; w <= 3; w++) {
    const week = thisMonday.minus({ weeks: w }).toFormat("kkkk-'W'WW");
    // Last week only the VA has answered yet: the owner sees that she has, not what.
    if (w > 1) await saveFeedback(db, pairing.id, week, 'owner', { wentWell: 'Quick answers to customers.', improve: w === 2 ? 'Invoices waited too long.' : 'Nothing major.', kpisFair: 'yes', quality: w === 2 ? '3' : '4' });
    await saveFeedback(db, pairing.id, week, 'va', { wentWell: 'Inbox empty on Friday.', needFromOwner: 'Earlier heads-up on travel.', involved: '4' });
  }
  return { pairing, messages: messages.length };
}
