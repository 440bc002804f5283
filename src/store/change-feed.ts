// The change feed over the database (src/ports/changes.ts): an announcement reaches this instance's listeners
// at once and every other instance through PostgreSQL's NOTIFY on CHANNEL (PGlite: this process only).
import type { ChangeFeed } from '../ports/changes.ts';
import type { Database } from './database.ts';

const CHANNEL = 'tandem_pairing_changed';

/** A feed that only this process hears: one-off commands and tests without a database. */
export function localChangeFeed(): ChangeFeed & { readonly deliver: (pairingId: string) => void } {
  const listeners = new Set<(pairingId: string) => void>();
  const deliver = (pairingId: string) => {
    for (const listener of listeners) listener(pairingId);
  };
  return {
    deliver,
    announce: async (pairingId) => deliver(pairingId),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: async () => listeners.clear(),
  };
}

export async function openChangeFeed(db: Database): Promise<ChangeFeed> {
  const local = localChangeFeed();
  const unlisten = await db.listen(CHANNEL, (pairingId) => local.deliver(pairingId));
  return {
    async announce(pairingId) {
      // Here at once, so the next read on this instance sees the change; the others when NOTIFY arrives.
      local.deliver(pairingId);
      await db.execute('select pg_notify($1, $2)', [CHANNEL, pairingId]);
    },
    subscribe: local.subscribe,
    async close() {
      await unlisten();
      await local.close();
    },
  };
}
