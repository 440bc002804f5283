// Instants cross the database boundary as ISO strings in and `Date`s out; the domain speaks epoch milliseconds.

/** A parameter for a `timestamptz` placeholder (cast it: `$1::timestamptz`), exact to the millisecond. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

export function millis(value: Date): number {
  return value.getTime();
}

export function millisOrNull(value: Date | null): number | null {
  return value === null ? null : value.getTime();
}
