// The sweep's watermark after a finished sweep, against a Graph whose answers take their time (throttled
// batches waited out): it moves to when the sweep was asked for, not to when the answer was finally read.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { SYNC_POSITION_VERSION, type SyncPosition } from '../store/sync-position.ts';
import { graphMailboxSource, SWEEP_OVERLAP_MS } from './mailbox-sync.ts';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-25T10:00:00Z');
const SETTINGS = { timeZone: 'UTC', workingHours: { daysOfWeek: ['monday'], startTime: '09:00:00', endTime: '17:00:00', timeZone: { name: 'UTC' } }, automaticRepliesSetting: { status: 'disabled' } };

/** Answers each batched GET by what it asks: an empty sweep, the mailbox settings, an empty Inbox. */
function answer(url: string): unknown {
  if (url.includes('/messages?')) return { value: [] };
  if (url.includes('/mailboxSettings')) return SETTINGS;
  if (url.includes('/mailFolders/inbox?')) return { totalItemCount: 0 };
  throw new Error(`unexpected ${url}`);
}

describe('the sweep watermark', () => {
  it('moves to the instant the finished sweep was asked for, less the overlap, however long the answer took', async () => {
    let now = T0;
    const graph = {
      get: async () => {
        throw new Error('no request outside the batch is expected');
      },
      patch: async () => ({}),
      // Twenty minutes pass before the batch is answered: waits for Retry-After, a slow network.
      post: async (_path: string, body: unknown) => {
        now += 20 * MINUTE;
        const { requests } = body as { requests: Array<{ id: string; url: string }> };
        return { responses: requests.map((request) => ({ id: request.id, status: 200, body: answer(request.url) })) };
      },
    };
    const source = graphMailboxSource({ graph, mode: 'basic', clock: { now: () => now }, logger: silentLogger });
    const position: SyncPosition = {
      version: SYNC_POSITION_VERSION,
      phase: 'incremental',
      folders: {},
      notMail: [],
      backfill: { since: T0 - 90 * 24 * 60 * MINUTE, fetched: 0 },
      nextLink: null,
      watermark: T0 - 60 * MINUTE,
      outOfOffice: null,
      vaMailbox: null,
      domainsReadAt: T0,
      inbox: { untracked: 0, listedAt: T0 },
    };
    const step = await source.sync({ mailbox: 'owner@contoso.example', va: null, position, storedInInbox: async () => [] });
    expect(now).toBe(T0 + 20 * MINUTE);
    expect((step.position as SyncPosition).watermark).toBe(T0 - SWEEP_OVERLAP_MS);
  });
});
