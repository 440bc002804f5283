import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, CLIENT, OWNER, PEOPLE, VA } from '../../test/support/mail.ts';
import { computeKpi, evaluate, type KpiInput } from './engine.ts';
import { FOLDER_KINDS, type Interval, type MessageMeta } from './message.ts';
import { parseSettings } from './settings.ts';

const BASE = at('2026-11-14T00:00Z');
const SPAN_MINUTES = 20 * 24 * 60;
const PERIOD = { from: '2026-11-16', to: '2026-11-29' };
const MINUTE = 60_000;

const minuteOffset = fc.integer({ min: 0, max: SPAN_MINUTES });

const draftMessage = fc.record({
  offset: minuteOffset,
  conversation: fc.integer({ min: 0, max: 6 }),
  outbound: fc.boolean(),
  from: fc.constantFrom(CLIENT, 'noreply@shop.example', 'colleague@contoso.com', OWNER, 'other@northwind.example'),
  sender: fc.constantFrom(null, VA, OWNER),
  to: fc.constantFrom([OWNER], [VA], ['someone@fabrikam.com']),
  folder: fc.constantFrom(...FOLDER_KINDS),
  automatic: fc.boolean(),
  inference: fc.constantFrom('focused' as const, 'other' as const, null),
  categories: fc.constantFrom([], ['No reply needed'], ['Blue']),
});
type Draft = typeof draftMessage extends fc.Arbitrary<infer T> ? T : never;

function toMessage(draft: Draft, index: number): MessageMeta {
  const instant = BASE + draft.offset * MINUTE;
  return {
    id: `m${index}`,
    conversationId: `c${draft.conversation}`,
    receivedAt: instant,
    sentAt: instant,
    from: draft.outbound ? OWNER : draft.from,
    sender: draft.outbound ? draft.sender : null,
    to: draft.outbound ? [CLIENT] : draft.to,
    cc: [],
    folder: draft.outbound ? 'sentitems' : draft.folder,
    isDraft: false,
    categories: draft.categories,
    inference: draft.inference,
    automatic: draft.automatic,
    subject: `subject ${draft.conversation}`,
  };
}

const pause = fc.tuple(minuteOffset, fc.integer({ min: 1, max: 3 * 24 * 60 })).map(([start, length]): Interval => ({
  start: BASE + start * MINUTE,
  end: BASE + (start + length) * MINUTE,
}));

const scenario = fc.record({
  messages: fc.array(draftMessage, { maxLength: 60 }).map((drafts) => drafts.map(toMessage)),
  paused: fc.array(pause, { maxLength: 3 }),
  nowOffset: minuteOffset,
  zone: fc.constantFrom('UTC', 'Europe/Copenhagen', 'America/New_York'),
  clock: fc.constantFrom('calendar' as const, 'working' as const),
  windowHours: fc.integer({ min: 1, max: 72 }),
  responseTargetPct: fc.integer({ min: 1, max: 100 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function toInput(s: Scenario, overrides: Partial<KpiInput> = {}): KpiInput {
  return {
    messages: s.messages,
    people: PEOPLE,
    settings: parseSettings({ timeZone: s.zone, clock: s.clock, windowHours: s.windowHours, responseTargetPct: s.responseTargetPct }),
    paused: s.paused,
    now: BASE + s.nowOffset * MINUTE,
    period: PERIOD,
    ...overrides,
  };
}

describe('KPI engine invariants', () => {
  it('the rate never leaves [0, 1], and the counts add up', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const week of computeKpi(toInput(s)).weeks) {
          expect(week.counted).toBe(week.onTime + week.late + week.missed);
          if (week.counted === 0) expect(week.rate).toBeNull();
          else {
            expect(week.rate).toBeGreaterThanOrEqual(0);
            expect(week.rate).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('shuffling the input order changes nothing', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.messages, { minLength: s.messages.length }), fc.shuffledSubarray(s.paused, { minLength: s.paused.length }))),
        ([s, messages, paused]) => {
          expect(computeKpi(toInput(s, { messages, paused }))).toEqual(computeKpi(toInput(s)));
        },
      ),
    );
  });

  it('adding an excluded message changes nothing but its reason count', () => {
    fc.assert(
      fc.property(scenario, draftMessage, (s, extra) => {
        const input = toInput(s);
        const excluded = { ...toMessage({ ...extra, outbound: false, folder: 'inbox' }, 9999), automatic: true, from: CLIENT };
        fc.pre(excluded.receivedAt <= input.now && excluded.receivedAt >= at('2026-11-16T00:00Z') && excluded.receivedAt < at('2026-11-30T00:00Z') && s.zone === 'UTC');
        const before = computeKpi(input);
        const after = computeKpi({ ...input, messages: [...input.messages, excluded] });
        const week = Math.floor((excluded.receivedAt - at('2026-11-16T00:00Z')) / (7 * 24 * 60 * MINUTE));
        const expected = structuredClone(before);
        (expected.weeks[week]!.excluded as Record<string, number>).auto! += 1;
        expect(after).toEqual(expected);
      }),
    );
  });

  it('a response time on the working clock never exceeds the calendar one', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const calendar = evaluate(toInput({ ...s, clock: 'calendar' }));
        const working = evaluate(toInput({ ...s, clock: 'working' }));
        calendar.answer.forEach((answer, i) => {
          if (answer >= 0) expect(working.clockMs[i]).toBeLessThanOrEqual(calendar.clockMs[i]!);
        });
      }),
    );
  });
});
