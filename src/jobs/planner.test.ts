import { describe, expect, it } from 'vitest';
import { at } from '../../test/support/mail.ts';
import { parseSettings, type SettingsInput } from '../kpi/settings.ts';
import { latestWeekly } from '../kpi/occurrences.ts';
import { planDeliveries, type PairingSchedule } from './planner.ts';

function schedule(settings: SettingsInput = {}, extra: Partial<PairingSchedule> = {}): PairingSchedule {
  return { pairingId: 'p1', settings: parseSettings(settings), createdAt: at('2026-01-01T00:00Z'), recorded: new Map(), feedbackBy: new Map(), ...extra };
}

const WEEKLY = ['inbox_snapshot', 'scorecard', 'summary_mail', 'feedback_reminder'];
/** The planned deliveries as readable lines, by default only the weekly kinds. */
const plan = (now: string, s: PairingSchedule = schedule(), kinds = WEEKLY) =>
  planDeliveries(s, at(now))
    .filter((d) => kinds.includes(d.kind))
    .map((d) => `${d.kind} ${d.period}${d.late ? ' late' : ''}`);

describe('weekly occurrences across DST (Europe/Copenhagen)', () => {
  it('fires the Friday cut-off at 17:00 local in the week before and the week after the change', () => {
    // DST ends Sunday 25 Oct 2026: 17:00 is 15:00Z on Friday 23 Oct and 16:00Z on Friday 30 Oct.
    expect(latestWeekly('friday', '17:00', 'Europe/Copenhagen', at('2026-10-24T12:00Z'))).toEqual({ dueAt: at('2026-10-23T15:00Z'), date: '2026-10-23' });
    expect(latestWeekly('friday', '17:00', 'Europe/Copenhagen', at('2026-10-31T12:00Z'))).toEqual({ dueAt: at('2026-10-30T16:00Z'), date: '2026-10-30' });
    // One minute before the cut-off, the previous week's is the latest.
    expect(latestWeekly('friday', '17:00', 'Europe/Copenhagen', at('2026-10-30T15:59Z')).date).toBe('2026-10-23');
  });

  it('plans the inbox snapshot at 17:00 local both weeks, and not before', () => {
    const copenhagen = schedule({ timeZone: 'Europe/Copenhagen' });
    expect(plan('2026-10-23T14:59Z', copenhagen)).not.toContain('inbox_snapshot 2026-W43');
    expect(plan('2026-10-23T15:00Z', copenhagen)).toContain('inbox_snapshot 2026-W43');
    expect(plan('2026-10-30T15:00Z', copenhagen)).not.toContain('inbox_snapshot 2026-W44');
    expect(plan('2026-10-30T16:00Z', copenhagen)).toContain('inbox_snapshot 2026-W44');
  });
});

describe('planning deliveries', () => {
  it('plans Monday 09:00 scorecard and summary for the week before', () => {
    expect(plan('2026-11-23T09:00Z')).toEqual(['scorecard 2026-W47', 'summary_mail 2026-W47']);
  });

  it('marks a delivery missed while Tandem was down as late, and never plans a recorded one again', () => {
    expect(plan('2026-11-24T12:00Z')).toEqual(['scorecard 2026-W47 late', 'summary_mail 2026-W47 late']);
    const recorded = new Map([['scorecard:2026-W47', { sentAt: at('2026-11-23T09:00Z') }], ['summary_mail:2026-W47', { sentAt: null }]]);
    expect(plan('2026-11-24T12:00Z', schedule({}, { recorded }))).toEqual([]);
  });

  it('takes a late inbox snapshot up to two hours after the cut-off, then gives the week up', () => {
    const snapshots = ['inbox_snapshot'];
    expect(plan('2026-11-20T17:05Z', schedule(), snapshots)).toEqual(['inbox_snapshot 2026-W47']);
    expect(plan('2026-11-20T18:00Z', schedule(), snapshots)).toEqual(['inbox_snapshot 2026-W47 late']);
    expect(plan('2026-11-20T19:01Z', schedule(), snapshots)).toEqual([]);
  });

  it('reminds 48 hours after the scorecard when one side has not answered', () => {
    const recorded = new Map([
      ['scorecard:2026-W47', { sentAt: at('2026-11-23T09:00Z') }],
      ['summary_mail:2026-W47', { sentAt: at('2026-11-23T09:00Z') }],
    ]);
    expect(plan('2026-11-25T08:59Z', schedule({}, { recorded }))).toEqual([]);
    expect(plan('2026-11-25T09:00Z', schedule({}, { recorded, feedbackBy: new Map([['2026-W47', new Set(['owner'] as const)]]) }))).toEqual(['feedback_reminder 2026-W47']);
    expect(plan('2026-11-25T09:00Z', schedule({}, { recorded, feedbackBy: new Map([['2026-W47', new Set(['owner', 'va'] as const)]]) }))).toEqual([]);
  });

  it('asks the monthly question on the first scorecard day of the month', () => {
    // 1 December 2026 is a Tuesday: the first Monday is the 7th.
    expect(plan('2026-12-07T09:00Z', schedule(), ['monthly_question'])).toEqual(['monthly_question 2026-12']);
    expect(plan('2026-12-07T08:59Z', schedule(), ['monthly_question'])).toEqual(['monthly_question 2026-11 late']);
  });

  it('reviews the KPIs every reviewEveryWeeks weeks after the pairing started', () => {
    const s = schedule({ reviewEveryWeeks: 13 }, { createdAt: at('2026-08-17T10:00Z') });
    // 13 weeks after the week of Monday 17 August is Monday 16 November.
    expect(plan('2026-11-16T09:00Z', s, ['review'])).toEqual(['review review-1']);
    expect(plan('2026-11-09T09:00Z', s, ['review'])).toEqual([]);
  });

  it('plans nothing that fell due before the pairing existed', () => {
    expect(planDeliveries(schedule({}, { createdAt: at('2026-11-23T10:00Z') }), at('2026-11-23T12:00Z'))).toEqual([]);
  });
});
