// A memo for values that are costly to build and keyed by what users send: it starts over when full, so a
// stream of made-up keys costs memory up to the bound and no more.
export function boundedCache<T>(capacity: number): (key: string, build: () => T) => T {
  const values = new Map<string, T>();
  return (key, build) => {
    let found = values.get(key);
    if (found === undefined) {
      if (values.size >= capacity) values.clear();
      values.set(key, (found = build()));
    }
    return found;
  };
}
