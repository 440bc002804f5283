// The audit log on both engines: lines per pairing in order, details kept as JSON.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { appendAudit, listAudit } from './audit.ts';

describe.each(testEngines())('audit log on %s', (engine) => {
  const db = useTestDatabase(engine);

  it("lists a pairing's lines in the order written, and only its own", async () => {
    const [pairing, other] = [await newTestPairing(db()), await newTestPairing(db())];
    await appendAudit(db(), { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'cli', action: 'imported', details: { stored: 3, nested: { ok: true } } });
    await appendAudit(db(), { tenantId: other.tenantId, pairingId: other.id, actor: 'owner', action: 'other' });
    await appendAudit(db(), { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'system', action: 'second' });
    await appendAudit(db(), { tenantId: pairing.tenantId, pairingId: null, actor: 'system', action: 'tenant_wide' });

    const lines = await listAudit(db(), pairing.id);
    expect(lines.map(({ tenantId, pairingId, actor, action, details }) => ({ tenantId, pairingId, actor, action, details }))).toEqual([
      { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'cli', action: 'imported', details: { stored: 3, nested: { ok: true } } },
      { tenantId: pairing.tenantId, pairingId: pairing.id, actor: 'system', action: 'second', details: {} },
    ]);
    expect(lines[0]!.id).toBeLessThan(lines[1]!.id);
    expect(Math.abs(lines[0]!.at - Date.now())).toBeLessThan(60_000);
  });
});
