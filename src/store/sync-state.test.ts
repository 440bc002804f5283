// Sync state on both engines: positions stored as given, errors recorded without losing the position.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { MAX_ERROR_LENGTH, readSyncState, recordSyncError, recordSyncSuccess } from './sync-state.ts';

describe.each(testEngines())('sync state on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('keeps the position through an error and clears the error on the next success', async () => {
    const pairing = await newTestPairing(db());
    expect(await readSyncState(db(), pairing.id, 'mailbox')).toBeNull();

    const first = { version: 1, deltaLink: 'https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=abc' };
    await recordSyncSuccess(db(), pairing.id, 'mailbox', first);
    const afterSuccess = await readSyncState(db(), pairing.id, 'mailbox');
    expect(afterSuccess).toMatchObject({ position: first, lastError: null, lastErrorAt: null });
    expect(afterSuccess!.lastSuccessAt).not.toBeNull();

    await recordSyncError(db(), pairing.id, 'mailbox', `throttled ${'x'.repeat(MAX_ERROR_LENGTH)}`);
    const afterError = await readSyncState(db(), pairing.id, 'mailbox');
    expect(afterError).toMatchObject({ position: first, lastSuccessAt: afterSuccess!.lastSuccessAt });
    expect(afterError!.lastError).toHaveLength(MAX_ERROR_LENGTH);
    expect(afterError!.lastError!.startsWith('throttled ')).toBe(true);

    const second = { version: 1, deltaLink: 'next' };
    await recordSyncSuccess(db(), pairing.id, 'mailbox', second);
    expect(await readSyncState(db(), pairing.id, 'mailbox')).toMatchObject({ position: second, lastError: null, lastErrorAt: null });
  });

  it('keeps scopes apart, and records an error before any success', async () => {
    const pairing = await newTestPairing(db());
    await recordSyncError(db(), pairing.id, 'backfill', 'mailbox not found');
    await recordSyncSuccess(db(), pairing.id, 'AAMkFolderId', { version: 1, watermark: 1_700_000_000_000 });
    expect(await readSyncState(db(), pairing.id, 'backfill')).toMatchObject({ position: null, lastSuccessAt: null, lastError: 'mailbox not found' });
    expect(await readSyncState(db(), pairing.id, 'AAMkFolderId')).toMatchObject({ position: { version: 1, watermark: 1_700_000_000_000 }, lastError: null });
    expect(await readSyncState(db(), pairing.id, 'mailbox')).toBeNull();
  });
});
