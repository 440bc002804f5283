// The seeded tenant's shape: deterministic per seed, a timeline Graph could have produced, and every kind of
// mail and event the KPI spec distinguishes present for several seeds.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSettings } from '../../kpi/settings.ts';
import { resolveTimeZone } from '../../kpi/time-zone.ts';
import type { DevMessage, TenantSeed } from '../tenant-seed.ts';
import { designTenant, generateTenantSeed, OWNER_TIME_ZONE } from './generate.ts';
import { inboxCountAt, replayMailbox } from './replay.ts';

const HOUR_MS = 3_600_000;
const DST_END_2026 = Date.UTC(2026, 9, 25, 1); // 03:00 CEST → 02:00 CET

function header(message: DevMessage, name: string): string | undefined {
  return message.internetMessageHeaders.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

function people(seed: TenantSeed) {
  const byId = (id: string) => seed.users.find((user) => user.id === id)!;
  const { pairing } = seed.groundTruth;
  return { owner: byId(pairing.ownerUserId), va: byId(pairing.vaUserId), mailbox: pairing.mailboxUserId };
}

function delivered(seed: TenantSeed): DevMessage[] {
  return seed.events.flatMap((event) => (event.kind === 'deliver' ? [event.message] : []));
}

describe('generateTenantSeed: determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('gives identical JSON for the same seed, whatever the clock, without Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    const first = JSON.stringify(generateTenantSeed(42));
    vi.useFakeTimers({ now: Date.UTC(2031, 0, 1) });
    const second = JSON.stringify(generateTenantSeed(42));
    expect(second).toBe(first);
    expect(random).not.toHaveBeenCalled();
  });

  it('gives different tenants for different seeds', () => {
    const tenants = [1, 2, 3].map((seed) => JSON.stringify(generateTenantSeed(seed)));
    expect(new Set(tenants).size).toBe(3);
  });

  it('rejects a start that is not a Monday and a week count out of range', () => {
    expect(() => generateTenantSeed(1, { start: '2026-10-06' })).toThrow(/Monday/);
    expect(() => generateTenantSeed(1, { weeks: 2 })).toThrow(/weeks/);
  });
});

describe('generateTenantSeed: realistic results', () => {
  it('meets the 90% target in some weeks and misses it in others', () => {
    const weeks = [1, 2, 3].flatMap((seed) => generateTenantSeed(seed).groundTruth.weeks);
    const met = weeks.map((week) => week.onTime * 100 >= 90 * week.counted);
    expect(met).toContain(true);
    expect(met).toContain(false);
  });
});

describe.each([1, 17, 256, 4242, 99_991])('seed %i', (seedNumber) => {
  const { seed, outcomes } = designTenant(seedNumber);
  const { owner, va, mailbox } = people(seed);
  const messages = delivered(seed);
  const ownerMessages = seed.events.flatMap((event) => (event.kind === 'deliver' && event.mailbox === mailbox ? [event.message] : []));
  const inbound = ownerMessages.filter((message) => message.folder !== 'sentitems');
  const sent = ownerMessages.filter((message) => message.folder === 'sentitems');
  const outcomeOf = new Map(outcomes.map((outcome) => [outcome.messageId, outcome]));
  const eventsFor = (id: string) => seed.events.filter((event) => event.kind !== 'deliver' && event.kind !== 'automaticReplies' && event.messageId === id);

  it('is one tenant with an owner, a VA with her own mailbox, and colleagues on the verified domain', () => {
    expect(seed.verifiedDomains).toEqual(['contoso.example']);
    expect(seed.users.length).toBeGreaterThanOrEqual(5);
    expect(seed.users.every((user) => user.mail.endsWith('@contoso.example'))).toBe(true);
    expect(seed.groundTruth.pairing.mailboxUserId).toBe(owner.id);
    expect(seed.mailboxes.map((m) => m.userId)).toEqual([owner.id, va.id]);
    const ownerBox = seed.mailboxes[0]!;
    expect(ownerBox.timeZone).toBe('W. Europe Standard Time');
    expect(ownerBox.workingHours).toMatchObject({ startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'W. Europe Standard Time' } });
    expect(resolveTimeZone(ownerBox.timeZone)).not.toBeNull();
  });

  it('has pairing settings on the working clock with internal mail excluded', () => {
    const settings = parseSettings(seed.groundTruth.pairing.settings);
    expect(settings).toMatchObject({ clock: 'working', windowHours: 8, responseTargetPct: 90, excludeInternal: true, timeZone: 'W. Europe Standard Time' });
  });

  it('has a realistic mailbox of at least 8 weeks across the end of DST', () => {
    expect(seed.groundTruth.weeks.length).toBe(9);
    expect(ownerMessages.length).toBeGreaterThan(300);
    expect(ownerMessages.length).toBeLessThanOrEqual(1_500);
    expect(seed.start).toBeLessThan(DST_END_2026);
    expect(seed.end).toBeGreaterThan(DST_END_2026);
    // Some answer's working-time duration spans the change.
    expect(outcomes.some((o) => (o.status === 'onTime' || o.status === 'late') && o.receivedAt < DST_END_2026 && o.answeredAt > DST_END_2026)).toBe(true);
  });

  it('has threads with several replies, reply-all and forwards that answer', () => {
    const sentPerConversation = new Map<string, number>();
    for (const message of sent) sentPerConversation.set(message.conversationId, (sentPerConversation.get(message.conversationId) ?? 0) + 1);
    expect([...sentPerConversation.values()].some((count) => count >= 3)).toBe(true);
    expect(sent.some((m) => m.subject.startsWith('RE:') && m.ccRecipients.length > 0)).toBe(true);
    const forwards = new Set(sent.filter((m) => m.subject.startsWith('FW:')).map((m) => m.sentDateTime));
    expect(outcomes.some((o) => o.status !== 'excluded' && 'answeredAt' in o && forwards.has(o.answeredAt))).toBe(true);
  });

  it('has each kind of excluded mail: newsletters, auto-replies, meetings, no-reply, junk, Cc-only, internal, marked', () => {
    const reasonOf = (m: DevMessage) => {
      const outcome = outcomeOf.get(m.id);
      return outcome?.status === 'excluded' ? outcome.reason : null;
    };
    expect(inbound.some((m) => header(m, 'List-Unsubscribe') !== undefined && reasonOf(m) === 'auto')).toBe(true);
    expect(inbound.some((m) => header(m, 'Auto-Submitted') === 'auto-replied' && reasonOf(m) === 'auto')).toBe(true);
    expect(inbound.some((m) => m.meetingMessageType === 'meetingRequest' && reasonOf(m) === 'auto')).toBe(true);
    expect(inbound.some((m) => /^(no-?reply|do-?not-?reply)@/.test(m.from.address) && reasonOf(m) === 'noreply')).toBe(true);
    expect(inbound.some((m) => m.folder === 'junkemail' && reasonOf(m) === 'junk')).toBe(true);
    expect(inbound.some((m) => m.toRecipients.every((r) => r.address !== owner.mail) && m.ccRecipients.some((r) => r.address === owner.mail) && reasonOf(m) === 'cc')).toBe(true);
    expect(inbound.some((m) => m.from.address.endsWith('@contoso.example') && reasonOf(m) === 'internal')).toBe(true);
  });

  it('marks "No reply needed" after delivery, and moves mail to Archive, Deleted Items and custom folders', () => {
    const marked = inbound.filter((m) => outcomeOf.get(m.id)?.status === 'excluded' && (outcomeOf.get(m.id) as { reason: string }).reason === 'marked');
    expect(marked.length).toBeGreaterThan(0);
    for (const message of marked) {
      expect(message.categories).toEqual([]);
      const categorized = eventsFor(message.id).find((event) => event.kind === 'categorize');
      expect(categorized).toMatchObject({ categories: ['No reply needed'] });
      expect(categorized!.at).toBeGreaterThan(message.receivedDateTime);
    }
    const folders = new Set(seed.events.flatMap((event) => (event.kind === 'move' ? [event.folder] : [])));
    for (const folder of ['archive', 'deleteditems', 'clients', 'newsletters', 'receipts']) expect(folders).toContain(folder);
    expect(seed.mailboxes[0]!.folders.find((f) => f.key === 'clients')).toMatchObject({ parentKey: 'inbox' });
  });

  it('archives some mail before its reply, and it still counts as answered', () => {
    const archivedEarly = outcomes.filter((o) => {
      if (o.status !== 'onTime' && o.status !== 'late') return false;
      return eventsFor(o.messageId).some((event) => event.kind === 'move' && event.folder === 'archive' && event.at < o.answeredAt);
    });
    expect(archivedEarly.length).toBeGreaterThan(0);
  });

  it('hard-deletes only 48 h or more after delivery and after the answer', () => {
    const deletes = seed.events.filter((event) => event.kind === 'delete');
    expect(deletes.length).toBeGreaterThan(0);
    const byId = new Map(messages.map((m) => [m.id, m]));
    for (const event of deletes) {
      const message = byId.get(event.messageId)!;
      expect(event.at - message.receivedDateTime).toBeGreaterThanOrEqual(48 * HOUR_MS);
      const outcome = outcomeOf.get(event.messageId);
      if (outcome !== undefined && 'answeredAt' in outcome) expect(event.at).toBeGreaterThan(outcome.answeredAt);
    }
    expect(deletes.some((event) => (outcomeOf.get(event.messageId)?.status ?? 'excluded') !== 'excluded')).toBe(true);
  });

  it('has replies by the VA as delegate and by the owner', () => {
    expect(sent.some((m) => m.from.address === owner.mail && m.sender.address === va.mail)).toBe(true);
    expect(sent.every((m) => m.from.address === owner.mail)).toBe(true);
    const answeredBy = seed.groundTruth.weeks.reduce((sum, week) => ({ va: sum.va + week.answeredBy.va, owner: sum.owner + week.answeredBy.owner }), { va: 0, owner: 0 });
    expect(answeredBy.va).toBeGreaterThan(0);
    expect(answeredBy.owner).toBeGreaterThan(0);
  });

  it('has a VA leave week and a separate out-of-office period scheduled in her mailbox', () => {
    const [leave] = seed.groundTruth.pairing.leave;
    const [ooo] = seed.groundTruth.outOfOffice;
    expect(leave!.end - leave!.start).toBeGreaterThanOrEqual(7 * 24 * HOUR_MS - HOUR_MS);
    expect(ooo!.end <= leave!.start || ooo!.start >= leave!.end).toBe(true);
    const replies = seed.events.filter((event) => event.kind === 'automaticReplies');
    expect(replies.every((event) => event.mailbox === va.id)).toBe(true);
    expect(replies[0]).toMatchObject({ setting: { status: 'scheduled', scheduledStart: ooo!.start, scheduledEnd: ooo!.end } });
    expect(replies[0]!.at).toBeLessThanOrEqual(ooo!.start);
    expect(replies.at(-1)).toMatchObject({ setting: { status: 'disabled' } });
    expect(replies.at(-1)!.at).toBeGreaterThanOrEqual(ooo!.end);
  });

  it('has late, missed and (at the end) pending mail, and Focused and Other mail', () => {
    const total = (key: 'late' | 'missed' | 'pending') => seed.groundTruth.weeks.reduce((sum, week) => sum + week[key], 0);
    expect(total('late')).toBeGreaterThan(0);
    expect(total('missed')).toBeGreaterThan(0);
    expect(seed.groundTruth.weeks.at(-1)!.pending).toBeGreaterThan(0);
    const classes = new Set(inbound.map((m) => m.inferenceClassification));
    expect(classes).toEqual(new Set(['focused', 'other']));
    expect(outcomes.some((o) => o.status === 'onTime' && inbound.find((m) => m.id === o.messageId)?.inferenceClassification === 'other')).toBe(true);
  });

  it('keeps designed durations away from the window edge, and weeks consistent', () => {
    for (const outcome of outcomes) if ('minutes' in outcome) expect(Math.abs(outcome.minutes - 480)).toBeGreaterThan(10);
    for (const week of seed.groundTruth.weeks) expect(week.counted).toBe(week.onTime + week.late + week.missed);
    const zone = OWNER_TIME_ZONE.iana;
    expect(seed.groundTruth.weeks[0]!.week).toBe(DateTime.fromMillis(seed.start, { zone }).toFormat("kkkk-'W'WW"));
    expect(seed.groundTruth.evaluatedAt).toBe(seed.end);
  });

  it('has an empty Inbox at the Friday cut-off in some weeks and not in others', () => {
    const monday = DateTime.fromMillis(seed.start, { zone: OWNER_TIME_ZONE.iana });
    const fridays = Array.from({ length: seed.groundTruth.weeks.length - 1 }, (_, i) => monday.plus({ weeks: i, days: 4 }).set({ hour: 17 }).toMillis());
    const counts = fridays.map((friday) => inboxCountAt(seed, mailbox, friday));
    expect(counts).toContain(0);
    expect(counts.some((count) => count > 0)).toBe(true);
  });

  it('has the edge cases the spec pins down', () => {
    const reason = (m: DevMessage) => {
      const outcome = outcomeOf.get(m.id);
      return outcome?.status === 'excluded' ? outcome.reason : outcome?.status;
    };
    const answered = outcomes.filter((o) => o.status === 'onTime' || o.status === 'late');
    // Received on the instants where an off-by-one would show: a week's first instant, a pause's edges.
    const zone = OWNER_TIME_ZONE.iana;
    const counted = outcomes.filter((o) => o.status !== 'excluded');
    expect(counted.some((o) => o.receivedAt > seed.start && DateTime.fromMillis(o.receivedAt, { zone }).equals(DateTime.fromMillis(o.receivedAt, { zone }).startOf('week')))).toBe(true);
    const edges = [...seed.groundTruth.pairing.leave, ...seed.groundTruth.outOfOffice].flatMap((pause) => [pause.start, pause.end]);
    expect(counted.some((o) => edges.includes(o.receivedAt))).toBe(true);
    // Answered by another delegate, and a reply at the evaluation instant itself.
    expect(answered.some((o) => 'answeredBy' in o && o.answeredBy === 'other')).toBe(true);
    expect(answered.some((o) => 'answeredAt' in o && o.answeredAt === seed.end)).toBe(true);
    // A customer's message crossing our reply (same instant) is not answered by it.
    const sentAt = new Set(sent.map((m) => `${m.conversationId}|${m.sentDateTime}`));
    expect(inbound.some((m) => sentAt.has(`${m.conversationId}|${m.receivedDateTime}`) && outcomeOf.get(m.id)?.status !== 'excluded')).toBe(true);
    // An abandoned draft reply to mail that stays unanswered.
    const drafts = ownerMessages.filter((m) => m.folder === 'drafts');
    expect(drafts.some((d) => inbound.some((m) => m.conversationId === d.conversationId && (reason(m) === 'missed' || reason(m) === 'pending')))).toBe(true);
    // Written to the VA with the owner in Cc: addressed directly, counted.
    expect(inbound.some((m) => m.toRecipients.some((r) => r.address === va.mail) && ['onTime', 'late', 'missed', 'pending'].includes(reason(m)!))).toBe(true);
    // Precedence: a colleague with the owner only in Cc is `cc`; a newsletter from a no-reply address is `auto`;
    // junk from a no-reply address is `noreply`; a colleague's mail marked "No reply needed" stays `internal`.
    expect(inbound.some((m) => m.from.address.endsWith('@contoso.example') && reason(m) === 'cc')).toBe(true);
    expect(inbound.some((m) => /reply@/.test(m.from.address) && header(m, 'List-Unsubscribe') !== undefined && reason(m) === 'auto')).toBe(true);
    expect(inbound.some((m) => m.folder === 'junkemail' && reason(m) === 'noreply')).toBe(true);
    const categorized = new Set(seed.events.flatMap((e) => (e.kind === 'categorize' && e.categories.includes('No reply needed') ? [e.messageId] : [])));
    expect(inbound.some((m) => categorized.has(m.id) && reason(m) === 'internal')).toBe(true);
  });

  it('has a timeline Graph could produce: sorted, in range, events only for delivered and not yet deleted mail', () => {
    const ats = seed.events.map((event) => event.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(ats[0]!).toBeGreaterThanOrEqual(seed.start);
    expect(ats.at(-1)!).toBeLessThanOrEqual(seed.end);
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    const gone = new Set<string>();
    const seen = new Set<string>();
    for (const event of seed.events) {
      if (event.kind === 'automaticReplies') continue;
      if (event.kind === 'deliver') {
        seen.add(event.message.id);
        const m = event.message;
        if (m.folder === 'sentitems') expect(event.at).toBe(m.sentDateTime);
        else {
          expect(event.at).toBe(m.receivedDateTime);
          if (m.folder === 'drafts') expect(m.isDraft).toBe(true);
          else {
            expect(['inbox', 'junkemail']).toContain(m.folder);
            expect(m.sentDateTime).toBeLessThan(m.receivedDateTime);
          }
        }
        continue;
      }
      expect(seen.has(event.messageId)).toBe(true);
      expect(gone.has(event.messageId)).toBe(false);
      if (event.kind === 'delete') gone.add(event.messageId);
    }
    // The replayed mailbox keeps hard-deleted mail (Tandem synced it first).
    const replayed = replayMailbox(seed, mailbox);
    expect(replayed.length).toBe(ownerMessages.length);
    expect(replayed.filter((m) => m.deletedAt !== null).length).toBe(gone.size);
  });
});
