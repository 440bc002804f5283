// Runs file reads a few at a time but hands their results on in input order, so imports are deterministic.

/**
 * Calls `work` on every item with at most `limit` running at once and passes each result to `emit`
 * in the order of `items`. Results that finish early wait only until the ones before them are done.
 */
export async function forEachOrdered<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  emit: (result: R) => void,
): Promise<void> {
  const done = new Map<number, { readonly value: R }>();
  let nextToStart = 0;
  let nextToEmit = 0;

  const flush = (): void => {
    for (let entry = done.get(nextToEmit); entry !== undefined; entry = done.get(nextToEmit)) {
      done.delete(nextToEmit);
      nextToEmit += 1;
      emit(entry.value);
    }
  };

  const worker = async (): Promise<void> => {
    for (let index = nextToStart; index < items.length; index = nextToStart) {
      nextToStart += 1;
      done.set(index, { value: await work(items[index]!) });
      flush();
    }
  };

  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
