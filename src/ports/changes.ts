// The change feed: an action announces "this pairing changed", and every instance's read models drop what
// they keep about it. PostgreSQL carries it between instances (LISTEN/NOTIFY); PGlite is one process.

export interface ChangeFeed {
  /** Tells every instance, this one included, that the pairing's data changed. */
  announce(pairingId: string): Promise<void>;
  /** Calls `listener` for every change announced on any instance; returns the unsubscribe. */
  subscribe(listener: (pairingId: string) => void): () => void;
  close(): Promise<void>;
}
