// A small in-memory cache with a time to live, a size bound and single flight (concurrent misses for one
// key share one computation). The tab's numbers are derived data: recomputing every request for every
// viewer is what made the API slow, and a minute-old KPI is as good as a fresh one between syncs.
export interface TtlCache<T> {
  /** The cached value for `key`, or `compute()`'s (shared by concurrent callers, kept for the TTL). */
  get(key: string, compute: () => Promise<T>): Promise<T>;
  /** Drops every entry whose key starts with `prefix` (a pairing's, after a change). */
  invalidate(prefix: string): void;
}

/** A time to live of 0 (or less) keeps nothing: every get computes (what a benchmark of the uncached path needs). */
export function ttlCache<T>(ttlMs: number, maxEntries: number, now: () => number = Date.now): TtlCache<T> {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return {
    get(key, compute) {
      if (ttlMs <= 0) return compute();
      const hit = entries.get(key);
      if (hit !== undefined && hit.expires > now()) return hit.value;
      const value = compute();
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttlMs });
      // A failure is not kept: the next caller tries again.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      // Maps iterate in insertion order, so the first key is the oldest.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    invalidate(prefix) {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
