import { describe, expect, it } from 'vitest';
import { boundedCache } from './bounded-cache.ts';

describe('boundedCache', () => {
  it('builds each key once while there is room, and starts over when full', () => {
    const builds: string[] = [];
    const memo = boundedCache<string>(2);
    const get = (key: string) => memo(key, () => (builds.push(key), key.toUpperCase()));
    expect([get('a'), get('b'), get('a'), get('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(builds).toEqual(['a', 'b']);
    // A third key fills it past its bound: everything is built afresh from then on.
    expect(get('c')).toBe('C');
    expect(get('a')).toBe('A');
    expect(builds).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps nothing when building throws', () => {
    const memo = boundedCache<number>(4);
    expect(() => memo('x', () => { throw new RangeError('no'); })).toThrow(RangeError);
    expect(memo('x', () => 7)).toBe(7);
  });
});
