// The seeded random source: reproducible, in range, and seed-sensitive.
import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws whole numbers within bounds (both ends reached) and picks from lists', () => {
    const random = new Random(3);
    const values = new Set(Array.from({ length: 2_000 }, () => random.int(1, 6)));
    expect([...values].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow(RangeError);
    expect(new Set(random.sample([1, 2, 3, 4], 4)).size).toBe(4);
    expect(random.guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
