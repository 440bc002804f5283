// A SendProgress kept in memory, for sender tests that run without the delivery ledger.
import type { SendProgress } from '../../src/ports/mail.ts';

export interface MemoryProgress extends SendProgress {
  /** Every id recorded, in order (null: forgotten). */
  readonly recorded: Array<string | null>;
}

export function memoryProgress(): MemoryProgress {
  let prepared: string | null = null;
  let sendRequested = false;
  const recorded: Array<string | null> = [];
  return {
    recorded,
    get prepared() {
      return prepared;
    },
    get sendRequested() {
      return sendRequested;
    },
    recordPrepared: async (id) => {
      recorded.push(id);
      prepared = id;
      sendRequested = false;
    },
    recordSendRequested: async () => {
      sendRequested = true;
    },
  };
}
