// A pairing with twelve weeks of realistic mail for the tab's browser test and benchmark: replies by the VA
// and the owner at varied speeds, late and missed mail, newsletters, no-reply and Cc-only mail, Friday
// inbox snapshots and both sides' feedback, all relative to `now` and deterministic.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { MessageMeta } from '../../src/kpi/message.ts';
import type { Queryable } from '../../src/store/database.ts';
import { saveFeedback } from '../../src/store/feedback.ts';
import { upsertMessages } from '../../src/store/messages.ts';
import { createPairing, type Pairing } from '../../src/store/pairings.ts';
import { recordSnapshot } from '../../src/store/snapshots.ts';
import { recordSyncSuccess } from '../../src/store/sync-state.ts';
import { ensureTenant } from '../../src/store/tenants.ts';

export const SEED_ZONE = 'Europe/Copenhagen';
const HOUR = 3_600_000;
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

export interface SeedOptions {
  tenantId?: string;
  tag?: string;
  weeks?: number;
  perDay?: number;
  /** Every message with its Message-ID (seededMessageId), as the Graph sync stores mail: what the Outlook pane looks up. */
  messageIds?: boolean;
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
    settings: { timeZone: SEED_ZONE },
    createdAt: thisMonday.minus({ weeks }).toMillis(),
  });

  const messages: MessageMeta[] = [];
  let slot = 0;
  const base = { sender: null, cc: [], isDraft: false, categories: [], inference: 'focused' as const, automatic: false };
  for (let w = weeks - 1; w >= 0; w--) {
    const monday = thisMonday.minus({ weeks: w });
    for (let day = 0; day < 5; day++) {
      for (let i = 0; i < perDay; i++) {
        const received = monday.plus({ days: day, hours: 8 + i * 3, minutes: (slot * 7) % 50 }).toMillis();
        if (received > now) continue;
        const id = `m${tag}-${w}-${day}-${i}`;
        const from = CUSTOMERS[slot % CUSTOMERS.length]!;
        messages.push({ ...base, id, conversationId: `c-${id}`, receivedAt: received, sentAt: received - 60_000, from, to: [owner], folder: 'inbox', subject: SUBJECTS[slot % SUBJECTS.length]! });
        const delay = DELAYS[slot % DELAYS.length]!;
        slot++;
        if (delay === null || received + delay * HOUR > now) continue;
        const byOwner = slot % 5 === 0;
        const sent = received + delay * HOUR;
        messages.push({ ...base, id: `r-${id}`, conversationId: `c-${id}`, receivedAt: sent, sentAt: sent, from: owner, sender: byOwner ? null : va, to: [from], folder: 'sentitems', inference: null, subject: `RE: ${SUBJECTS[(slot - 1) % SUBJECTS.length]}` });
      }
      const newsletter = monday.plus({ days: day, hours: 6 }).toMillis();
      if (newsletter <= now) {
        messages.push({ ...base, id: `n${tag}-${w}-${day}`, conversationId: `n-${w}-${day}`, receivedAt: newsletter, sentAt: newsletter, from: 'weekly@news.fabrikam.example', to: [owner], folder: 'inbox', automatic: true, subject: 'This week in retail' });
      }
    }
    const noReply = monday.plus({ days: 2, hours: 10 }).toMillis();
    if (noReply <= now) messages.push({ ...base, id: `x${tag}-${w}`, conversationId: `x-${w}`, receivedAt: noReply, sentAt: noReply, from: 'no-reply@woodgrovebank.example', to: [owner], folder: 'inbox', subject: 'Your statement is ready' });
    const ccOnly = monday.plus({ days: 3, hours: 11 }).toMillis();
    if (ccOnly <= now) messages.push({ ...base, id: `cc${tag}-${w}`, conversationId: `cc-${w}`, receivedAt: ccOnly, sentAt: ccOnly, from: 'eva@litwareinc.example', to: ['team@litwareinc.example'], cc: [owner], folder: 'inbox', subject: 'FYI: project notes' });
    const friday = monday.plus({ days: 4, hours: 17, minutes: 1 }).toMillis();
    if (friday <= now) await recordSnapshot(db, pairing.id, friday, w % 4 === 1 ? 3 : 0);
  }
  await upsertMessages(db, pairing.id, options.messageIds === true ? messages.map((message) => ({ ...message, internetMessageId: seededMessageId(message.id) })) : messages);
  await recordSyncSuccess(db, pairing.id, 'mailbox', { version: 1, seeded: true });
  for (let w = 1; w <= 3; w++) {
    const week = thisMonday.minus({ weeks: w }).toFormat("kkkk-'W'WW");
    // Last week only the VA has answered yet: the owner sees that she has, not what.
    if (w > 1) await saveFeedback(db, pairing.id, week, 'owner', { wentWell: 'Quick answers to customers.', improve: w === 2 ? 'Invoices waited too long.' : 'Nothing major.', kpisFair: 'yes', quality: w === 2 ? '3' : '4' });
    await saveFeedback(db, pairing.id, week, 'va', { wentWell: 'Inbox empty on Friday.', needFromOwner: 'Earlier heads-up on travel.', involved: '4' });
  }
  return { pairing, messages: messages.length };
}
