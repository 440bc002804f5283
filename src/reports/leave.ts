// The pairing's leave as the tab lists it, with ids for removal.
import type { Queryable } from '../store/database.ts';
import { listLeave, type Leave } from '../store/leave.ts';

export function leaveOf(db: Queryable, pairingId: string): Promise<Leave[]> {
  return listLeave(db, pairingId);
}
