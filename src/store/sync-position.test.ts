// Stored sync positions: anything unreadable starts over; progress is the share of the backfill's days read.
import { describe, expect, it } from 'vitest';
import { readSyncPosition, syncProgressOf, type SyncPosition } from './sync-position.ts';

const DAY = 24 * 60 * 60 * 1000;
const position: SyncPosition = {
  version: 1,
  phase: 'backfill',
  folders: { 'inbox-id': 'inbox' },
  notMail: [],
  backfill: { since: 0, fetched: 1_000, oldestReceived: 60 * DAY },
  nextLink: 'https://graph.example/v1.0/users/x/messages?$skiptoken=abc',
  watermark: 90 * DAY,
  outOfOffice: null,
  vaMailbox: true,
  domainsReadAt: null,
  inbox: null,
};

describe('sync positions', () => {
  it('reads back what the sync stored, and refuses anything else', () => {
    expect(readSyncPosition(JSON.parse(JSON.stringify(position)))).toEqual(position);
    expect(readSyncPosition({ ...position, version: 2 })).toBeNull();
    expect(readSyncPosition({ version: 1, kind: 'import' })).toBeNull();
    expect(readSyncPosition(null)).toBeNull();
  });

  it('measures a backfill by the days it has covered, newest first', () => {
    expect(syncProgressOf(position)).toEqual({ phase: 'backfill', fetched: 1_000, fraction: 1 / 3 });
    expect(syncProgressOf({ ...position, backfill: { since: 0, fetched: 0 } })).toEqual({ phase: 'backfill', fetched: 0, fraction: 0 });
    expect(syncProgressOf({ ...position, phase: 'incremental', nextLink: null })).toEqual({ phase: 'incremental', fetched: 1_000, fraction: 1 });
    expect(syncProgressOf({ version: 1, kind: 'import' })).toBeNull();
  });
});
