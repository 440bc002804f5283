/** Promises still running, so a shutdown can wait for the last of them before the database closes. */
export interface InFlight {
  track<T>(promise: Promise<T>): Promise<T>;
  /** Resolves once nothing tracked is running, including what a settling promise started in turn. */
  settled(): Promise<void>;
}

export function inFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(promise) {
      running.add(promise);
      promise.then(
        () => running.delete(promise),
        () => running.delete(promise),
      );
      return promise;
    },
    async settled() {
      do {
        await Promise.allSettled([...running]);
        // A settled handler's continuation (pg-boss's complete or fail) starts on a later turn.
        await new Promise((resolve) => setImmediate(resolve));
      } while (running.size > 0);
    },
  };
}
