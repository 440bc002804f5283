// Inbox snapshots on both engines: one count per instant, a repeated recording changes nothing (read as the engine reads them).
import { describe, expect, it } from 'vitest';
import { at } from '../../test/support/mail.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { readKpiSource } from './kpi-source.ts';
import { recordSnapshot } from './snapshots.ts';

describe.each(testEngines())('inbox snapshots on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('records each instant once and lists them oldest first', async () => {
    const pairing = await newTestPairing(db());
    await recordSnapshot(db(), pairing.id, at('2026-11-27T17:00:30.250Z'), 0);
    await recordSnapshot(db(), pairing.id, at('2026-11-20T17:01:00Z'), 3);
    await recordSnapshot(db(), pairing.id, at('2026-11-20T17:01:00Z'), 9);
    expect((await readKpiSource(db(), pairing.id, pairing.tenantId, 0)).snapshots).toEqual([
      { takenAt: at('2026-11-20T17:01:00Z'), count: 3 },
      { takenAt: at('2026-11-27T17:00:30.250Z'), count: 0 },
    ]);
  });
});
