import { describe, expect, it } from 'vitest';
import { ttlCache } from './ttl-cache.ts';

describe('ttlCache', () => {
  it('computes once for concurrent callers and keeps the value for its time to live', async () => {
    let clock = 0;
    let computed = 0;
    const cache = ttlCache<number>(1_000, 10, () => clock);
    const compute = async () => ++computed;
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1]);
    clock = 999;
    expect(await cache.get('a', compute)).toBe(1);
    clock = 1_000;
    expect(await cache.get('a', compute)).toBe(2);
  });

  it('forgets a pairing\'s entries on invalidate, and failures at once', async () => {
    const cache = ttlCache<string>(60_000, 10, () => 0);
    await cache.get('p1:w1', async () => 'old');
    await cache.get('p2:w1', async () => 'other');
    cache.invalidate('p1:');
    expect(await cache.get('p1:w1', async () => 'new')).toBe('new');
    expect(await cache.get('p2:w1', async () => 'recomputed')).toBe('other');
    await expect(cache.get('bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('bad', async () => 'fine')).toBe('fine');
  });

  it('drops the oldest entry beyond its size', async () => {
    const cache = ttlCache<string>(60_000, 2, () => 0);
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    expect(await cache.get('a', async () => 'again')).toBe('again');
    expect(await cache.get('c', async () => 'again')).toBe('c');
  });

  it('keeps nothing with a time to live of 0', async () => {
    let computed = 0;
    const cache = ttlCache<number>(0, 10, () => 0);
    const compute = async () => ++computed;
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 2]);
    expect(await cache.get('a', compute)).toBe(3);
  });
});
