// Paused intervals on both engines: stored per pairing, read back in order as half-open intervals.
import { describe, expect, it } from 'vitest';
import { at } from '../../test/support/mail.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { addPause, listPauses } from './paused.ts';

describe.each(testEngines())('paused intervals on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('lists the pairing’s pauses in order of start, to the millisecond', async () => {
    const [pairing, other] = [await newTestPairing(db()), await newTestPairing(db())];
    await addPause(db(), pairing.id, { kind: 'out_of_office', start: at('2026-12-24T00:00:00.500Z'), end: at('2027-01-02T00:00:00Z'), createdBy: 'sync' });
    await addPause(db(), pairing.id, { kind: 'leave', start: at('2026-08-01T00:00:00Z'), end: at('2026-08-15T00:00:00.001Z'), createdBy: 'owner' });
    await addPause(db(), other.id, { kind: 'leave', start: at('2026-01-01T00:00:00Z'), end: at('2026-01-02T00:00:00Z'), createdBy: 'va' });
    expect(await listPauses(db(), pairing.id)).toEqual([
      { start: at('2026-08-01T00:00:00Z'), end: at('2026-08-15T00:00:00.001Z') },
      { start: at('2026-12-24T00:00:00.500Z'), end: at('2027-01-02T00:00:00Z') },
    ]);
    expect(await db().query('select kind, created_by from paused_intervals where pairing_id = $1 order by starts_at', [pairing.id])).toEqual([
      { kind: 'leave', created_by: 'owner' },
      { kind: 'out_of_office', created_by: 'sync' },
    ]);
  });

  it('refuses a pause that does not end after it starts', async () => {
    const pairing = await newTestPairing(db());
    await expect(addPause(db(), pairing.id, { kind: 'leave', start: at('2026-08-01T00:00:00Z'), end: at('2026-08-01T00:00:00Z'), createdBy: 'va' })).rejects.toThrow(RangeError);
    expect(await listPauses(db(), pairing.id)).toEqual([]);
  });
});
