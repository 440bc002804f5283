import { describe, expect, it } from 'vitest';
import { labelledAnswers } from './feedback-questions.ts';

describe('labelledAnswers', () => {
  it('reads a rating out of its scale, in the reader\'s language, and a choice by its label', () => {
    const va = { wentWell: 'Calm week', needFromOwner: 'Templates', support: 'Pricing', involved: '4' };
    expect(labelledAnswers('en-GB', 'va', va).at(-1)).toEqual({ question: 'Do you feel involved and heard?', answer: '4 of 5' });
    expect(labelledAnswers('de', 'va', va).at(-1)?.answer).toBe('4 von 5');
    expect(labelledAnswers('en-GB', 'va', { ...va, involved: '1' }).at(-1)?.answer).toBe('1 of 5');
    expect(labelledAnswers('en-GB', 'owner', { kpisFair: 'partly' })).toEqual([{ question: 'Did the targets feel fair this week?', answer: 'Partly' }]);
    expect(labelledAnswers('en-GB', 'va', { kpisFair: 'no' })).toEqual([{ question: 'Did the targets feel fair to you this week?', answer: 'No' }]);
    expect(labelledAnswers('da', 'va', { kpisFair: 'yes' })).toEqual([{ question: 'Føltes målene fair for dig i denne uge?', answer: 'Ja' }]);
  });

  it('shows a value that is not one of the choices as it was stored', () => {
    expect(labelledAnswers('en-GB', 'va', { involved: '7' }).at(-1)?.answer).toBe('7');
  });
});
