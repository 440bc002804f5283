// The engine's stored input in one statement, on both engines: every field of what was written comes back
// exactly, from the instant asked for on, with only this pairing's marks, pauses and snapshots and only its
// tenant's domains. Expectations are the values the test wrote.
import { describe, expect, it } from 'vitest';
import type { MessageMeta } from '../kpi/message.ts';
import { at, inbound, reply } from '../../test/support/mail.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing, pairingInTenant } from '../../test/support/pairings.ts';
import { readKpiSource } from './kpi-source.ts';
import { markNoReply } from './marks.ts';
import { upsertMessages } from './messages.ts';
import { addPause } from './paused.ts';
import { recordSnapshot } from './snapshots.ts';
import { ensureTenant } from './tenants.ts';

describe.each(testEngines())('the KPI source on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('reads back every field of the mail from the instant on, oldest first, with the marks on it', async () => {
    const pairing = await newTestPairing(db());
    const before = inbound('2026-11-16T08:59:59.999Z');
    const question = inbound('2026-11-16T09:00:00Z', {
      cc: ['cc@fabrikam.com', 'cc2@fabrikam.com'],
      categories: ['Blue', 'Red, "quoted" {category} \\ NULL'],
      sender: 'assistant@fabrikam.com',
      subject: `Order 7 — ünïcødé 'quotes' \\ backslash 😀`,
      internetMessageId: '<q1@fabrikam.com>',
      webLink: 'https://outlook.office365.com/owa/?ItemID=AAk%3D&exvsurl=1',
    });
    const answer = reply('2026-11-16T10:30:00.123Z', question.conversationId, { inference: null, automatic: true });
    const draft = inbound('2026-11-17T08:00:00Z', { from: null, isDraft: true, folder: 'drafts', inference: 'other', subject: '', to: [] });
    await upsertMessages(db(), pairing.id, [draft, answer, question, before]);
    await markNoReply(db(), pairing.id, question.id, 'va', 'handled by "phone"');
    await markNoReply(db(), pairing.id, before.id, 'owner', 'older than the instant');

    const source = await readKpiSource(db(), pairing.id, pairing.tenantId, at('2026-11-16T09:00:00Z'));
    expect(source.messages).toEqual<MessageMeta[]>([question, answer, draft]);
    expect([...source.marks.keys()]).toEqual([question.id]);
    expect(source.marks.get(question.id)).toEqual({ by: 'va', reason: 'handled by "phone"', at: expect.any(Number) });
    const [stored] = await db().query<{ marked_at: Date }>('select marked_at from message_marks where pairing_id = $1 and message_id = $2', [pairing.id, question.id]);
    expect(source.marks.get(question.id)!.at).toBe(stored!.marked_at.getTime());
  });

  it('orders mail received at the same instant by id, and reads only its own marks when another pairing has the same id', async () => {
    const pairing = await newTestPairing(db());
    const neighbour = await newTestPairing(db());
    // Imported mail is keyed by its Message-ID, so two mailboxes can hold one id; Date headers have whole seconds.
    const [b, a] = [inbound('2026-11-16T09:00:00Z', { id: '<b@fabrikam.com>' }), inbound('2026-11-16T09:00:00Z', { id: '<a@fabrikam.com>' })];
    await upsertMessages(db(), pairing.id, [b, a]);
    await upsertMessages(db(), neighbour.id, [a]);
    await markNoReply(db(), neighbour.id, a.id, 'va', "the neighbour's");
    const source = await readKpiSource(db(), pairing.id, pairing.tenantId, 0);
    expect(source.messages.map((m) => m.id)).toEqual([a.id, b.id]);
    expect(source.marks.size).toBe(0);
  });

  it('cuts stored microseconds to the millisecond, as a timestamp read as a Date is', async () => {
    const pairing = await newTestPairing(db());
    const message = inbound('2026-11-16T09:00:00Z');
    await upsertMessages(db(), pairing.id, [message]);
    await db().execute(`update messages set received_at = '2026-11-16T09:00:00.123999Z', sent_at = '2026-11-16T08:59:59.000001Z' where pairing_id = $1`, [pairing.id]);
    // Before 1970 too: half a millisecond before the epoch is the millisecond -1 (cut toward the past, not toward 0).
    await db().execute(
      `insert into inbox_snapshots (pairing_id, taken_at, item_count) values ($1, '2026-11-20T17:00:00.999999Z', 2), ($1, '1969-12-31T23:59:59.999500Z', 1)`,
      [pairing.id],
    );
    const source = await readKpiSource(db(), pairing.id, pairing.tenantId, 0);
    expect(source.messages.map((m) => [m.receivedAt, m.sentAt])).toEqual([[at('2026-11-16T09:00:00.123Z'), at('2026-11-16T08:59:59.000Z')]]);
    const all = await readKpiSource(db(), pairing.id, pairing.tenantId, at('0001-01-01T00:00:00Z'));
    expect(all.snapshots).toEqual([
      { takenAt: -1, count: 1 },
      { takenAt: at('2026-11-20T17:00:00.999Z'), count: 2 },
    ]);
    expect(source.snapshots).toEqual(all.snapshots);
  });

  it("reads the pairing's pauses and snapshots in order and its tenant's domains, nobody else's", async () => {
    const pairing = await newTestPairing(db());
    const neighbour = await pairingInTenant(db(), pairing.tenantId);
    await ensureTenant(db(), { id: pairing.tenantId, name: 'Contoso', verifiedDomains: ['contoso.example', 'Fabrikam.example'] });
    await addPause(db(), pairing.id, { kind: 'out_of_office', start: at('2026-11-20T00:00:00Z'), end: at('2026-11-21T00:00:00Z'), createdBy: 'sync' });
    await addPause(db(), pairing.id, { kind: 'leave', start: at('2026-11-10T00:00:00Z'), end: at('2026-11-12T12:00:00.500Z'), createdBy: 'va' });
    await addPause(db(), pairing.id, { kind: 'leave', start: at('2026-11-10T00:00:00Z'), end: at('2026-11-11T00:00:00Z'), createdBy: 'owner' });
    await addPause(db(), neighbour.id, { kind: 'leave', start: at('2026-11-01T00:00:00Z'), end: at('2026-11-02T00:00:00Z'), createdBy: 'owner' });
    // Years below 100 stay years (PGlite's own timestamp parsing read year 50 as 1950).
    await addPause(db(), pairing.id, { kind: 'leave', start: at('0050-03-01T00:00:00Z'), end: at('0050-03-02T00:00:00Z'), createdBy: 'owner' });
    await recordSnapshot(db(), pairing.id, at('2026-11-27T17:00:30.250Z'), 0);
    await recordSnapshot(db(), pairing.id, at('2026-11-20T17:01:00Z'), 3);
    await recordSnapshot(db(), neighbour.id, at('2026-11-20T17:01:00Z'), 9);
    await upsertMessages(db(), neighbour.id, [inbound('2026-11-16T09:00:00Z')]);

    const source = await readKpiSource(db(), pairing.id, pairing.tenantId, 0);
    expect(source.messages).toEqual([]);
    expect(source.marks.size).toBe(0);
    expect(source.paused).toEqual([
      { start: at('0050-03-01T00:00:00Z'), end: at('0050-03-02T00:00:00Z') },
      { start: at('2026-11-10T00:00:00Z'), end: at('2026-11-11T00:00:00Z') },
      { start: at('2026-11-10T00:00:00Z'), end: at('2026-11-12T12:00:00.500Z') },
      { start: at('2026-11-20T00:00:00Z'), end: at('2026-11-21T00:00:00Z') },
    ]);
    expect(source.snapshots).toEqual([
      { takenAt: at('2026-11-20T17:01:00Z'), count: 3 },
      { takenAt: at('2026-11-27T17:00:30.250Z'), count: 0 },
    ]);
    // ensureTenant stores domains lower-cased.
    expect([...source.verifiedDomains].sort()).toEqual(['contoso.example', 'fabrikam.example']);
    expect((await readKpiSource(db(), pairing.id, 'no-such-tenant', 0)).verifiedDomains).toEqual([]);
  });
});
