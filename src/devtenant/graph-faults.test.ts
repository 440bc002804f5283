import { describe, expect, it } from 'vitest';
import { faultInjector } from './graph-faults.ts';
import { seededRandom } from './seeded-random.ts';

describe('dev Graph fault injection', () => {
  it('is deterministic for a seed and close to its rate', () => {
    const draw = (seed: number) => Array.from({ length: 1_000 }, faultInjector({ rate: 0.3, seed })).map((fault) => (fault?.answer.kind === 'status' ? fault.answer.status : 200));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const failed = draw(7).filter((status) => status !== 200).length;
    expect(failed).toBeGreaterThan(250);
    expect(failed).toBeLessThan(350);
  });

  it('sends Retry-After with 429 and Graph error bodies', () => {
    const next = faultInjector({ rate: 1, seed: 3, statuses: [429], retryAfterSeconds: 5 });
    expect(next()).toEqual({ kind: 429, answer: { kind: 'status', status: 429, headers: { 'Retry-After': '5' }, body: { error: { code: 'ApplicationThrottled', message: expect.any(String) } } } });
    expect(faultInjector(undefined)()).toBeUndefined();
  });

  it('draws in [0, 1)', () => {
    const random = seededRandom(123);
    for (let i = 0; i < 1_000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
