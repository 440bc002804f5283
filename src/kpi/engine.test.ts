import { describe, expect, it } from 'vitest';
import { at, CLIENT, inbound, OWNER, PEOPLE, reply, VA } from '../../test/support/mail.ts';
import { computeKpi, defaultPeriod, evaluate, type KpiInput } from './engine.ts';
import type { InboxSnapshot, Interval, MessageMeta } from './message.ts';
import { parseSettings, type SettingsInput } from './settings.ts';

// 2026-11-16 is a Monday: ISO week 2026-W47.
const PERIOD = { from: '2026-11-16', to: '2026-11-22' };

function input(messages: MessageMeta[], now: string, settings: SettingsInput = {}, extra: Partial<KpiInput> = {}): KpiInput {
  return { messages, people: PEOPLE, settings: parseSettings(settings), now: at(now), period: PERIOD, ...extra };
}

function week(messages: MessageMeta[], now: string, settings: SettingsInput = {}, extra: Partial<KpiInput> = {}) {
  const report = computeKpi(input(messages, now, settings, extra));
  expect(report.weeks).toHaveLength(1);
  return report.weeks[0]!;
}

/** Response minutes of each counted message, in input order (for checking individual clocks). */
function minutesOf(messages: MessageMeta[], now: string, settings: SettingsInput = {}, extra: Partial<KpiInput> = {}) {
  const evaluation = evaluate(input(messages, now, settings, extra));
  return messages.map((_, i) => (evaluation.answer[i]! >= 0 ? evaluation.clockMs[i]! / 60_000 : null));
}

describe('worked examples of the KPI spec (calendar clock, 24 h window, UTC)', () => {
  it('1: received Mon 09:00, answered Mon 15:00 → 6 h, on time', () => {
    const m = inbound('2026-11-16T09:00Z');
    const w = week([m, reply('2026-11-16T15:00Z', m.conversationId)], '2026-11-23T00:00Z');
    expect(w).toMatchObject({ week: '2026-W47', counted: 1, onTime: 1, late: 0, rate: 1, met: true, medianMinutes: 360 });
  });

  it('2: two messages in one conversation answered by one reply → 24.5 h late, 23.5 h on time', () => {
    const first = inbound('2026-11-16T09:00Z', { conversationId: 'c1' });
    const second = inbound('2026-11-16T10:00Z', { conversationId: 'c1' });
    const messages = [first, second, reply('2026-11-17T09:30Z', 'c1')];
    expect(week(messages, '2026-11-23T00:00Z')).toMatchObject({ counted: 2, onTime: 1, late: 1, rate: 0.5 });
    expect(minutesOf(messages, '2026-11-23T00:00Z').slice(0, 2)).toEqual([24.5 * 60, 23.5 * 60]);
  });

  it('3: received Fri 18:00, unanswered → pending at Sat 17:59, missed at Sat 18:01', () => {
    const m = inbound('2026-11-20T18:00Z');
    expect(week([m], '2026-11-21T17:59Z')).toMatchObject({ counted: 0, pending: 1, missed: 0, rate: null, met: null });
    expect(week([m], '2026-11-21T18:01Z')).toMatchObject({ counted: 1, pending: 0, missed: 1, rate: 0, met: false });
  });

  it('4: working clock Mon–Fri 09:00–17:00, received Fri 16:30, answered Mon 09:15 → 45 min', () => {
    const m = inbound('2026-11-20T16:30Z');
    const w = week([m, reply('2026-11-23T09:15Z', m.conversationId)], '2026-11-24T00:00Z', { clock: 'working' });
    expect(w).toMatchObject({ onTime: 1, medianMinutes: 45, p90Minutes: 45 });
  });

  it('5: VA leave Tue 00:00–Wed 00:00, received Mon 12:00, answered Wed 11:00 → 23 h, on time', () => {
    const m = inbound('2026-11-16T12:00Z');
    const paused: Interval[] = [{ start: at('2026-11-17T00:00Z'), end: at('2026-11-18T00:00Z') }];
    const w = week([m, reply('2026-11-18T11:00Z', m.conversationId)], '2026-11-23T00:00Z', {}, { paused });
    expect(w).toMatchObject({ onTime: 1, late: 0, medianMinutes: 23 * 60 });
  });

  it('6: 9 on time, 1 missed, 3 pending, 4 auto → rate 90 %, met at target 90', () => {
    const messages: MessageMeta[] = [];
    for (let i = 0; i < 9; i++) {
      const m = inbound(`2026-11-16T0${i}:00Z`);
      messages.push(m, reply(`2026-11-16T0${i}:30Z`, m.conversationId));
    }
    messages.push(inbound('2026-11-19T08:00Z'));
    for (let i = 0; i < 3; i++) messages.push(inbound(`2026-11-21T1${i}:00Z`));
    for (let i = 0; i < 4; i++) messages.push(inbound(`2026-11-17T1${i}:00Z`, { automatic: true }));
    const w = week(messages, '2026-11-21T20:00Z', { responseTargetPct: 90 });
    expect(w).toMatchObject({ counted: 10, onTime: 9, missed: 1, pending: 3, rate: 0.9, met: true });
    expect(w.excluded.auto).toBe(4);
    expect(week(messages, '2026-11-21T20:00Z', { responseTargetPct: 91 }).met).toBe(false);
  });
});

describe('exclusions', () => {
  const now = '2026-11-23T12:00Z';
  const cases: Array<[string, Partial<MessageMeta>, SettingsInput]> = [
    ['auto', { automatic: true }, {}],
    ['noreply', { from: 'no-reply@shop.example' }, {}],
    ['noreply', { from: 'DoNotReply@bank.example' }, {}],
    ['noreply', { from: 'mailer-daemon@fabrikam.com' }, {}],
    ['noreply', { from: 'postmaster@fabrikam.com' }, {}],
    ['noreply', { from: 'bounces+123@lists.example' }, {}],
    ['junk', { folder: 'junkemail' }, {}],
    ['cc', { to: ['someone@fabrikam.com'], cc: [OWNER] }, {}],
    ['cc', { to: ['all-staff@contoso.com'] }, {}],
    ['internal', { from: 'colleague@contoso.com' }, { excludeInternal: true }],
    ['other', { inference: 'other' }, { excludeOtherFocused: true }],
    ['marked', { categories: ['No reply needed'] }, {}],
    ['marked', { categories: ['no reply NEEDED'] }, {}],
    ['marked', { categories: ['FYI'] }, { noReplyCategory: 'FYI' }],
  ];
  it.each(cases)('%s: %j', (reason, overrides, settings) => {
    const w = week([inbound('2026-11-16T09:00Z', overrides)], now, settings);
    expect(w.counted + w.pending).toBe(0);
    expect(w.excluded).toMatchObject({ [reason]: 1 });
  });

  it('marks made in Tandem exclude a message as marked', () => {
    const m = inbound('2026-11-16T09:00Z');
    expect(week([m], now, {}, { marks: new Set([m.id]) }).excluded.marked).toBe(1);
  });

  it('the settings that switch a reason off make the message count again', () => {
    expect(week([inbound('2026-11-16T09:00Z', { to: ['x@fabrikam.com'], cc: [OWNER] })], now, { countCcOnly: true }).missed).toBe(1);
    expect(week([inbound('2026-11-16T09:00Z', { from: 'colleague@contoso.com' })], now).missed).toBe(1);
    expect(week([inbound('2026-11-16T09:00Z', { inference: 'other' })], now).missed).toBe(1);
  });

  it('mail addressed to the VA or an owner alias in To counts', () => {
    const people = { ...PEOPLE, owner: [OWNER, 'boss@contoso.com'] };
    const w = week([inbound('2026-11-16T09:00Z', { to: [VA] }), inbound('2026-11-16T10:00Z', { to: ['boss@contoso.com'] })], now, {}, { people });
    expect(w.missed).toBe(2);
  });

  it('a message matching several reasons keeps the first in the spec order', () => {
    const w = week([inbound('2026-11-16T09:00Z', { automatic: true, from: 'noreply@x.example', folder: 'junkemail' })], now);
    expect(w.excluded).toMatchObject({ auto: 1, noreply: 0, junk: 0 });
  });

  it("own mail, drafts and mail in Sent Items are not inbound at all", () => {
    const messages = [
      inbound('2026-11-16T09:00Z', { from: OWNER }),
      inbound('2026-11-16T09:00Z', { from: VA, to: [OWNER] }),
      inbound('2026-11-16T09:00Z', { isDraft: true }),
      inbound('2026-11-16T09:00Z', { folder: 'sentitems' }),
      inbound('2026-11-16T09:00Z', { folder: 'drafts' }),
    ];
    const w = week(messages, now);
    expect(w.counted + w.pending + Object.values(w.excluded).reduce((a, b) => a + b)).toBe(0);
  });

  it('inbound mail stays counted after it is moved, archived or deleted', () => {
    const folders = ['archive', 'deleteditems', 'other'] as const;
    expect(week(folders.map((folder) => inbound('2026-11-16T09:00Z', { folder })), now).missed).toBe(3);
  });
});

describe('answers', () => {
  const now = '2026-11-23T12:00Z';
  it('a forward to a third party and a reply-all answer like a reply', () => {
    const a = inbound('2026-11-16T09:00Z', { conversationId: 'fw' });
    const b = inbound('2026-11-16T09:00Z', { conversationId: 'ra', cc: ['colleague@fabrikam.com'] });
    const messages = [
      a,
      reply('2026-11-16T10:00Z', 'fw', { to: ['accountant@northwind.example'], subject: 'FW: Quote' }),
      b,
      reply('2026-11-16T11:00Z', 'ra', { to: [CLIENT], cc: ['colleague@fabrikam.com'] }),
    ];
    expect(week(messages, now)).toMatchObject({ onTime: 2, medianMinutes: 60, p90Minutes: 120 });
  });

  it('a reply before the message arrived, or after now, does not answer it', () => {
    const m = inbound('2026-11-16T09:00Z', { conversationId: 'c' });
    const messages = [reply('2026-11-16T08:00Z', 'c'), m, reply('2026-11-18T09:00Z', 'c')];
    expect(week(messages, '2026-11-16T20:00Z')).toMatchObject({ onTime: 0, pending: 1 });
    expect(week(messages, now)).toMatchObject({ late: 1 });
  });

  it('a reply sent at the very instant of receipt does not answer (strictly after)', () => {
    const m = inbound('2026-11-16T09:00Z', { conversationId: 'c' });
    expect(week([m, reply('2026-11-16T09:00Z', 'c')], now).missed).toBe(1);
  });

  it('replies from a later message in the conversation do not answer an already answered one twice', () => {
    const first = inbound('2026-11-16T09:00Z', { conversationId: 'c' });
    const later = inbound('2026-11-16T12:00Z', { conversationId: 'c' });
    const messages = [first, reply('2026-11-16T10:00Z', 'c'), later, reply('2026-11-16T13:30Z', 'c')];
    expect(minutesOf(messages, now)).toEqual([60, null, 90, null]);
  });

  it('answeredBy follows sender: VA as delegate, owner himself, Send As counts as owner, shared mailbox as other', () => {
    const ms = ['a', 'b', 'c', 'd'].map((c, i) => inbound(`2026-11-16T0${i}:00Z`, { conversationId: c }));
    const messages = [
      ...ms,
      reply('2026-11-16T09:00Z', 'a', { from: OWNER, sender: VA }),
      reply('2026-11-16T09:00Z', 'b', { from: OWNER, sender: null }),
      reply('2026-11-16T09:00Z', 'c', { from: OWNER, sender: OWNER }),
      reply('2026-11-16T09:00Z', 'd', { from: 'sales@contoso.com', sender: 'sales@contoso.com' }),
    ];
    const people = { ...PEOPLE, mailbox: [OWNER, 'sales@contoso.com'] };
    expect(week(messages, now, {}, { people }).answeredBy).toEqual({ va: 1, owner: 2, other: 1 });
  });
});

describe('status over time and the oldest waiting mail', () => {
  it('an unanswered message moves from pending to missed as the window passes', () => {
    const m = inbound('2026-11-16T09:00Z');
    expect(week([m], '2026-11-17T08:59Z')).toMatchObject({ pending: 1, missed: 0 });
    expect(week([m], '2026-11-17T09:00Z')).toMatchObject({ pending: 1, missed: 0 });
    expect(week([m], '2026-11-17T09:00:01Z')).toMatchObject({ pending: 0, missed: 1 });
  });

  it('mail received after now is not known yet', () => {
    expect(week([inbound('2026-11-20T09:00Z')], '2026-11-18T00:00Z')).toMatchObject({ counted: 0, pending: 0 });
  });

  it('lists the oldest missed and pending mail first with the time left', () => {
    const messages = [5, 1, 3, 2, 4, 6].map((d) => inbound(`2026-11-${15 + d}T09:00Z`, { subject: `day ${d}` }));
    // Day 6 arrives after now; day 5 is 12 h old.
    const w = week(messages, '2026-11-20T21:00Z');
    expect(w.oldestWaiting.map((item) => item.subject)).toEqual(['day 1', 'day 2', 'day 3', 'day 4', 'day 5']);
    expect(w.oldestWaiting.map((item) => item.status)).toEqual(['missed', 'missed', 'missed', 'missed', 'pending']);
    expect(w.oldestWaiting[4]!.remainingMinutes).toBe(12 * 60);
  });
});

describe('periods and weeks', () => {
  it('reports every ISO week of the period, with "no mail" weeks as null rates', () => {
    const m = inbound('2026-11-30T09:00Z');
    const report = computeKpi({ ...input([m], '2026-12-10T00:00Z'), period: { from: '2026-11-16', to: '2026-12-06' } });
    expect(report.weeks.map((w) => [w.week, w.start, w.end, w.rate])).toEqual([
      ['2026-W47', '2026-11-16', '2026-11-22', null],
      ['2026-W48', '2026-11-23', '2026-11-29', null],
      ['2026-W49', '2026-11-30', '2026-12-06', 0],
    ]);
  });

  it('uses ISO week-years at the turn of the year', () => {
    const report = computeKpi({ ...input([], '2027-01-10T00:00Z'), period: { from: '2026-12-28', to: '2027-01-04' } });
    expect(report.weeks.map((w) => w.week)).toEqual(['2026-W53', '2027-W01']);
  });

  it('the default period runs from the first to the last received message', () => {
    const messages = [inbound('2026-11-18T23:30Z'), inbound('2026-11-02T01:00Z'), inbound('2026-12-30T00:00Z')];
    expect(defaultPeriod(messages, at('2026-12-01T00:00Z'), 'Europe/Copenhagen')).toEqual({ from: '2026-11-02', to: '2026-11-19' });
    expect(defaultPeriod([], at('2026-12-01T00:00Z'), 'UTC')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});

describe('inbox-zero Friday', () => {
  const cutoff = '2026-11-20T17:00Z';
  const snap = (takenAt: string, count: number): InboxSnapshot => ({ takenAt: at(takenAt), count });
  const inboxZero = (snapshots: InboxSnapshot[] | undefined, now = '2026-11-23T00:00Z', settings: SettingsInput = {}) =>
    week([], now, settings, snapshots === undefined ? {} : { snapshots }).inboxZero;

  it('passes at or under the maximum and fails above it, keeping the count', () => {
    expect(inboxZero([snap(cutoff, 0)])).toMatchObject({ status: 'pass', count: 0, late: false });
    expect(inboxZero([snap(cutoff, 3)])).toMatchObject({ status: 'fail', count: 3 });
    expect(inboxZero([snap(cutoff, 3)], undefined, { inboxZeroMaxItems: 3 })).toMatchObject({ status: 'pass' });
  });

  it('accepts a late snapshot up to 2 hours after the cut-off, marked late; later the week is unknown', () => {
    expect(inboxZero([snap('2026-11-20T19:00Z', 0)])).toMatchObject({ status: 'pass', late: true });
    expect(inboxZero([snap('2026-11-20T19:00:01Z', 0)])).toMatchObject({ status: 'unknown', count: null });
    expect(inboxZero([snap('2026-11-20T16:59Z', 0)])).toMatchObject({ status: 'unknown' });
  });

  it('is undecided (null) before the cut-off grace has passed, and absent without snapshots', () => {
    expect(inboxZero([], '2026-11-20T18:00Z')).toBeNull();
    expect(inboxZero(undefined)).toBeNull();
  });

  it('uses the configured day, time and time zone', () => {
    const settings = { inboxZeroDay: 'thursday', inboxZeroCutoff: '16:30', timeZone: 'Europe/Copenhagen' } as const;
    expect(inboxZero([snap('2026-11-19T15:30Z', 0)], undefined, settings)).toMatchObject({ status: 'pass', late: false, cutoff: at('2026-11-19T15:30Z') });
  });

  it('counts the streak of passing weeks; unknown weeks neither break nor extend it, a fail resets it', () => {
    const fridays = ['2026-10-23', '2026-10-30', '2026-11-06', '2026-11-13', '2026-11-20'];
    const streak = (counts: Array<number | null>) =>
      computeKpi(
        input([], '2026-11-23T00:00Z', {}, {
          snapshots: counts.flatMap((count, i) => (count === null ? [] : [snap(`${fridays[i]}T17:00Z`, count)])),
        }),
      ).inboxZeroStreak;
    expect(streak([0, 0, 0, 0, 0])).toBe(5);
    expect(streak([0, 4, 0, null, 0])).toBe(2);
    expect(streak([0, 0, 0, 0, 1])).toBe(0);
    expect(streak([null, null, null, null, null])).toBe(0);
  });
});

describe('weeks in time zones with DST', () => {
  const zoned = (zone: string, from: string, to: string, messages: MessageMeta[], now: string, settings: SettingsInput = {}) =>
    computeKpi({ ...input(messages, now, { timeZone: zone, ...settings }), period: { from, to } }).weeks;

  it('puts mail at Monday 00:30 local in the new week after the Copenhagen autumn change (25-hour Sunday)', () => {
    // Monday 2026-10-26 00:30 CET is 2026-10-25T23:30Z, still Sunday in UTC.
    const weeks = zoned('Europe/Copenhagen', '2026-10-19', '2026-11-01', [inbound('2026-10-25T23:30Z'), inbound('2026-10-25T22:30Z')], '2026-11-10T00:00Z');
    expect(weeks.map((w) => [w.week, w.missed])).toEqual([['2026-W43', 1], ['2026-W44', 1]]);
  });

  it('puts mail at Monday 00:30 local in the new week in New York (23-hour Sunday in spring)', () => {
    // Monday 2026-03-09 00:30 EDT is 04:30Z; Sunday 23:30 EDT is 03:30Z.
    const weeks = zoned('America/New_York', '2026-03-02', '2026-03-15', [inbound('2026-03-09T04:30Z'), inbound('2026-03-09T03:30Z')], '2026-03-20T00:00Z');
    expect(weeks.map((w) => [w.week, w.missed])).toEqual([['2026-W10', 1], ['2026-W11', 1]]);
  });

  for (const clock of ['calendar', 'working'] as const) {
    it(`judges the window on the ${clock} clock across the Copenhagen change`, () => {
      // Received Fri 23 Oct 16:00 CEST, answered Mon 26 Oct 10:00 CET: 67 h of wall time, 2 working hours.
      const m = inbound('2026-10-23T14:00Z');
      const weeks = zoned('Europe/Copenhagen', '2026-10-19', '2026-10-25', [m, reply('2026-10-26T09:00Z', m.conversationId)], '2026-11-10T00:00Z', { clock });
      expect(weeks[0]).toMatchObject(clock === 'calendar' ? { late: 1, medianMinutes: 67 * 60 } : { onTime: 1, medianMinutes: 120 });
    });
  }
});
