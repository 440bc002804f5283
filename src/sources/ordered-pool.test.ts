// Limited concurrency with results in input order.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { forEachOrdered } from './ordered-pool.ts';

describe('forEachOrdered', () => {
  it('emits in input order with at most `limit` tasks running', async () => {
    const delays = [30, 5, 20, 1, 10, 0, 15, 2];
    let running = 0;
    let most = 0;
    const emitted: number[] = [];
    await forEachOrdered(
      delays.map((delay, index) => ({ delay, index })),
      3,
      async ({ delay, index }) => {
        running += 1;
        most = Math.max(most, running);
        await sleep(delay);
        running -= 1;
        return index;
      },
      (index) => emitted.push(index),
    );
    expect(emitted).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('does nothing for no items', async () => {
    const emitted: number[] = [];
    await forEachOrdered([], 4, async (item: number) => item, (item) => emitted.push(item));
    expect(emitted).toEqual([]);
  });
});
