// "No reply needed" marks on both engines: set, replaced, undone, each change audited.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { listAudit } from './audit.ts';
import { listMarks, markNoReply, unmark } from './marks.ts';
import { NotFoundError } from './not-found-error.ts';

describe.each(testEngines())('marks on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('marks, re-marks and unmarks a message, auditing each change', async () => {
    const pairing = await newTestPairing(db());
    await markNoReply(db(), pairing.id, 'm1', 'va', 'newsletter');
    await markNoReply(db(), pairing.id, 'm2', 'owner', 'handled by phone');
    await markNoReply(db(), pairing.id, 'm1', 'owner', 'no action needed');
    expect(await listMarks(db(), pairing.id)).toEqual(new Set(['m1', 'm2']));
    expect(await db().query('select marked_by, reason from message_marks where pairing_id = $1 and message_id = $2', [pairing.id, 'm1'])).toEqual([
      { marked_by: 'owner', reason: 'no action needed' },
    ]);

    expect(await unmark(db(), pairing.id, 'm1', 'va')).toBe(true);
    expect(await unmark(db(), pairing.id, 'm1', 'va')).toBe(false);
    expect(await listMarks(db(), pairing.id)).toEqual(new Set(['m2']));

    const audit = await listAudit(db(), pairing.id);
    expect(audit.map(({ actor, action, details, tenantId }) => ({ actor, action, details, tenantId }))).toEqual([
      { actor: 'va', action: 'message_marked_no_reply', details: { messageId: 'm1', reason: 'newsletter' }, tenantId: pairing.tenantId },
      { actor: 'owner', action: 'message_marked_no_reply', details: { messageId: 'm2', reason: 'handled by phone' }, tenantId: pairing.tenantId },
      { actor: 'owner', action: 'message_marked_no_reply', details: { messageId: 'm1', reason: 'no action needed' }, tenantId: pairing.tenantId },
      { actor: 'va', action: 'message_unmarked', details: { messageId: 'm1' }, tenantId: pairing.tenantId },
    ]);
  });

  it('refuses a mark for an unknown pairing and writes nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(markNoReply(db(), unknown, 'm1', 'va', 'x')).rejects.toThrow(NotFoundError);
    expect(await listAudit(db(), unknown)).toEqual([]);
  });
});
