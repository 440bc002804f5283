// The feedback form's rules: which week it asks about, the monthly question, and submission checks.
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../src/kpi/settings.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { checkInWeek, isMonthlyWeek } from '../src/reports/check-in.ts';
import { checkFeedback } from './feedback-flow.ts';

const pairing = { settings: parseSettings({ timeZone: 'Pacific/Auckland' }) } as Pairing;

describe('feedback rules', () => {
  it('asks about the last full week in the pairing’s time zone', () => {
    // Sunday 22:00 UTC is already Monday of W48 in Auckland, so the week asked about is W47.
    expect(checkInWeek(pairing.settings, Date.parse('2026-11-22T22:00:00Z'))).toBe('2026-W47');
    expect(checkInWeek(parseSettings({}), Date.parse('2026-11-22T22:00:00Z'))).toBe('2026-W46');
  });

  it('adds the monthly question to the check-in posted in a month’s first days', () => {
    const monday = { scorecardDay: 'monday' } as const;
    expect(isMonthlyWeek('2026-W48', monday)).toBe(false); // scorecard on Mon 30 Nov
    expect(isMonthlyWeek('2026-W49', monday)).toBe(true); // scorecard on Mon 7 Dec
    expect(isMonthlyWeek('2026-W52', monday)).toBe(false);
    // A Friday scorecard day: December's first scorecard, Fri 4 Dec, reports week 48.
    expect(isMonthlyWeek('2026-W48', { scorecardDay: 'friday' })).toBe(true);
  });

  it('requires the required answers, caps each at 2,000 characters, knows the choices, and keeps what was typed', () => {
    const bad = checkFeedback('en', 'va', false, { wentWell: '  ', needFromOwner: 'y'.repeat(2001), support: 'ok', involved: '7' });
    expect(bad).toEqual({
      ok: false,
      // The VA's optional question about the targets, left out, comes back empty for the form to show again.
      values: { wentWell: '  ', needFromOwner: 'y'.repeat(2001), support: 'ok', involved: '7', kpisFair: '' },
      errors: { wentWell: 'Please answer this question.', needFromOwner: 'Please keep this under 2000 characters (now 2001).', involved: 'Please pick one of the options.' },
    });
    const good = checkFeedback('en', 'owner', true, { wentWell: ' Fast ', improve: 'x'.repeat(2000), nextTime: 'Plan', kpisFair: 'partly', gladAbout: '', extra: 'ignored' });
    expect(good).toEqual({ ok: true, answers: { wentWell: 'Fast', improve: 'x'.repeat(2000), nextTime: 'Plan', kpisFair: 'partly' } });
    // NUL cannot be stored by PostgreSQL; it is dropped, not refused.
    expect(checkFeedback('en', 'va', false, { wentWell: 'a\u0000b', needFromOwner: 'n', support: 's', involved: 3 })).toMatchObject({ ok: true, answers: { wentWell: 'ab', involved: '3' } });
  });
});
