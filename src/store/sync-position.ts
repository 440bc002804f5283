// Where a pairing's Graph sync stands, as versioned data: zod-parsed on every read, and anything that does
// not parse (an older version, a damaged row) starts a clean backfill instead of a crash loop.
import { z } from 'zod';
import { FOLDER_KINDS } from '../kpi/message.ts';

export const SYNC_POSITION_VERSION = 1;

export const syncPositionSchema = z.object({
  version: z.literal(SYNC_POSITION_VERSION),
  /** Mail folders of the mailbox met so far → their kind (well-known ones by name, any other mail folder `other`). */
  folders: z.record(z.string(), z.enum(FOLDER_KINDS)),
  /**
   * Folders met that hold no mail (hidden ones such as Teams' chat copies, Conversation History): their
   * items are left out. Absent in positions stored before it existed.
   */
  notMail: z.array(z.string()).default([]),
  /** `backfill` until the last N days have been read once, then `incremental` sweeps. */
  phase: z.enum(['backfill', 'incremental']),
  backfill: z.object({
    /** Oldest receivedDateTime the backfill reads (epoch ms). */
    since: z.number(),
    /** Messages read so far, for progress. */
    fetched: z.number().int().nonnegative(),
    /** The earliest receivedDateTime read so far (epoch ms): newest first, so how far back the backfill got. */
    oldestReceived: z.number().optional(),
  }),
  /** The next page of the listing under way (backfill or sweep); null between cycles. */
  nextLink: z.string().nullable(),
  /** The mailbox-wide sweep reads messages modified at or after this instant (epoch ms), minus a safety overlap. */
  watermark: z.number(),
  /** An out-of-office of the VA observed on and not yet observed off: when it started (epoch ms). */
  outOfOffice: z.object({ start: z.number(), scheduledEnd: z.number().optional() }).nullable(),
  /** Whether the VA has a mailbox in the tenant Tandem may read; null until asked. */
  vaMailbox: z.boolean().nullable(),
  /** When the tenant's verified domains were last read (epoch ms). */
  domainsReadAt: z.number().nullable(),
  /**
   * The Inbox backstop's baseline, from its last id listing: items in the Inbox the store does not hold
   * (older than the backfill; Inbox `totalItemCount` minus the store's Inbox), and when it listed (epoch ms).
   * Null until the first incremental cycle lists the Inbox.
   */
  inbox: z.object({ untracked: z.number().int(), listedAt: z.number() }).nullable().default(null),
});
export type SyncPosition = z.infer<typeof syncPositionSchema>;

/** The stored position, or null when there is none or it cannot be trusted (then the sync starts over). */
export function readSyncPosition(stored: unknown): SyncPosition | null {
  const parsed = syncPositionSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export interface SyncProgress {
  readonly phase: 'backfill' | 'incremental';
  /** Messages the backfill has read. */
  readonly fetched: number;
  /** Share of the backfill's days read (0–1); 1 once it is done. */
  readonly fraction: number;
}

/** How far a stored position has got, for the tab; null for a position that is not a Graph sync's. */
export function syncProgressOf(stored: unknown): SyncProgress | null {
  const position = readSyncPosition(stored);
  if (position === null) return null;
  const { since, fetched, oldestReceived } = position.backfill;
  if (position.phase === 'incremental') return { phase: 'incremental', fetched, fraction: 1 };
  const span = position.watermark - since;
  const fraction = oldestReceived === undefined || span <= 0 ? 0 : Math.min(1, Math.max(0, (position.watermark - oldestReceived) / span));
  return { phase: 'backfill', fetched, fraction };
}
