// Message metadata on both engines: exact round trips, idempotent batched upserts, reads by receipt, retention.
import { describe, expect, it } from 'vitest';
import type { MessageMeta } from '../kpi/message.ts';
import { at, inbound, reply } from '../../test/support/mail.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { listMarks, markNoReply } from './marks.ts';
import { countMessages, findConversationByInternetId, listMessagesSince, purgeMessagesOlderThan, upsertMessages, UPSERT_CHUNK } from './messages.ts';
import { NotFoundError } from './not-found-error.ts';

const byReceipt = (a: MessageMeta, b: MessageMeta) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1);

/** `count` messages a minute apart from `start`, every field varied. */
function manyMessages(count: number, start: number): MessageMeta[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bulk-${i}`,
    conversationId: `conv-${i % 97}`,
    receivedAt: start + i * 60_000 + (i % 1000),
    sentAt: start + i * 60_000 - 5_000,
    from: i % 10 === 0 ? null : `sender${i % 50}@fabrikam.com`,
    sender: i % 7 === 0 ? `delegate${i % 3}@fabrikam.com` : null,
    to: ['owner@contoso.com', ...(i % 3 === 0 ? [`x${i}@contoso.com`] : [])],
    cc: i % 4 === 0 ? ['cc@fabrikam.com', 'cc2@fabrikam.com'] : [],
    folder: i % 5 === 0 ? 'sentitems' : 'inbox',
    isDraft: i % 11 === 0,
    categories: i % 6 === 0 ? ['No reply needed', 'Red, "quoted" {category}'] : [],
    inference: i % 2 === 0 ? 'focused' : i % 3 === 0 ? 'other' : null,
    automatic: i % 9 === 0,
    subject: `Order ${i} — ünïcødé 'quotes' \\ backslash`,
    ...(i % 8 === 0 ? {} : { internetMessageId: `<bulk-${i}@fabrikam.com>` }),
  }));
}

describe.each(testEngines())('messages on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('reads back exactly what was stored, oldest first', async () => {
    const pairing = await newTestPairing(db());
    const question = inbound('2026-11-16T09:00:00.123Z', { cc: ['cc@fabrikam.com'], categories: ['Blue'], sender: 'assistant@fabrikam.com' });
    const answer = reply('2026-11-16T10:30:00.999Z', question.conversationId, { inference: null, automatic: true });
    const draft = inbound('2026-11-15T08:00:00Z', { from: null, isDraft: true, folder: 'drafts', inference: 'other', subject: '' });
    expect(await upsertMessages(db(), pairing.id, [answer, question, draft])).toBe(3);
    expect(await listMessagesSince(db(), pairing.id, 0)).toEqual([draft, question, answer]);
    expect(await countMessages(db(), pairing.id)).toBe(3);
  });

  it('finds a message by the Message-ID Outlook knows it by, within its pairing only, with its conversation and their marks', async () => {
    const pairing = await newTestPairing(db());
    const other = await newTestPairing(db());
    const DAY = 86_400_000;
    const question = { ...inbound('2026-11-16T09:00:00Z'), internetMessageId: '<q1@fabrikam.com>' };
    const answer = reply('2026-11-16T10:30:00Z', question.conversationId);
    const earlier = inbound('2026-11-01T09:00:00Z', { conversationId: question.conversationId });
    const sameDay = inbound('2026-11-09T09:00:00Z', { conversationId: question.conversationId });
    // A later copy with the same Message-ID (another folder's): the earliest received is the one.
    const copy = { ...inbound('2026-11-17T09:00:00Z'), internetMessageId: '<q1@fabrikam.com>' };
    await upsertMessages(db(), pairing.id, [answer, question, earlier, sameDay, copy, inbound('2026-11-16T10:00:00Z')]);
    await markNoReply(db(), pairing.id, question.id, 'va', 'handled by phone');
    await markNoReply(db(), pairing.id, earlier.id, 'owner', 'old');

    const now = at('2026-11-20T12:00:00Z');
    const found = await findConversationByInternetId(db(), pairing.id, '<q1@fabrikam.com>', now, 7 * DAY);
    expect(found?.message).toEqual(question);
    expect(found?.messages).toEqual([sameDay, question, answer]);
    expect([...found!.marks]).toEqual([[question.id, { by: 'va', reason: 'handled by phone', at: expect.any(Number) }]]);
    // A message that arrived after `now` is read from `now` back.
    expect((await findConversationByInternetId(db(), pairing.id, '<q1@fabrikam.com>', at('2026-11-09T00:00:00Z'), 8 * DAY))?.messages.map((m) => m.id)).toEqual([earlier.id, sameDay.id, question.id, answer.id]);
    expect(await findConversationByInternetId(db(), other.id, '<q1@fabrikam.com>', now, 7 * DAY)).toBeNull();
    expect(await findConversationByInternetId(db(), pairing.id, '<nope@fabrikam.com>', now, 7 * DAY)).toBeNull();
  });

  it('lists from the given instant on, inclusive', async () => {
    const pairing = await newTestPairing(db());
    const messages = [inbound('2026-11-16T08:59:59.999Z'), inbound('2026-11-16T09:00:00Z'), inbound('2026-11-17T09:00:00Z')];
    await upsertMessages(db(), pairing.id, messages);
    expect((await listMessagesSince(db(), pairing.id, at('2026-11-16T09:00:00Z'))).map((m) => m.id)).toEqual([messages[1]!.id, messages[2]!.id]);
  });

  it('writes only new or changed messages, the last copy of an id winning', async () => {
    const pairing = await newTestPairing(db());
    const message = inbound('2026-11-16T09:00:00Z');
    expect(await upsertMessages(db(), pairing.id, [message])).toBe(1);
    expect(await upsertMessages(db(), pairing.id, [message])).toBe(0);
    const moved = { ...message, folder: 'archive' as const, categories: ['Done'] };
    expect(await upsertMessages(db(), pairing.id, [message, moved])).toBe(1);
    expect(await listMessagesSince(db(), pairing.id, 0)).toEqual([moved]);

    // A message the mailbox deleted comes back to life when it is synced again.
    await db().execute('update messages set deleted_in_mailbox = true where pairing_id = $1', [pairing.id]);
    expect(await upsertMessages(db(), pairing.id, [moved])).toBe(1);
    expect(await db().query('select deleted_in_mailbox from messages where pairing_id = $1', [pairing.id])).toEqual([{ deleted_in_mailbox: false }]);
  });

  it('keeps pairings apart: the same id in two mailboxes is two messages', async () => {
    const [a, b] = [await newTestPairing(db()), await newTestPairing(db())];
    const message = inbound('2026-11-16T09:00:00Z');
    await upsertMessages(db(), a.id, [message]);
    await upsertMessages(db(), b.id, [{ ...message, subject: 'other mailbox' }]);
    expect((await listMessagesSince(db(), a.id, 0))[0]!.subject).toBe(message.subject);
    expect((await listMessagesSince(db(), b.id, 0))[0]!.subject).toBe('other mailbox');
  });

  it('stores many messages in chunks and round-trips every field', async () => {
    const pairing = await newTestPairing(db());
    const messages = manyMessages(UPSERT_CHUNK * 2 + 17, at('2026-01-05T00:00:00Z'));
    expect(await upsertMessages(db(), pairing.id, messages)).toBe(messages.length);
    expect(await listMessagesSince(db(), pairing.id, 0)).toEqual([...messages].sort(byReceipt));
    expect(await upsertMessages(db(), pairing.id, messages)).toBe(0);
  });

  it('stores damaged text instead of failing the batch', async () => {
    const pairing = await newTestPairing(db());
    const damaged = inbound('2026-11-16T09:00:00Z', { id: 'nul\u0000id', subject: 'a\u0000b \uD800 c \uDC00', categories: ['x\u0000'] });
    expect(await upsertMessages(db(), pairing.id, [damaged, inbound('2026-11-16T10:00:00Z')])).toBe(2);
    const [stored] = await listMessagesSince(db(), pairing.id, 0);
    expect(stored).toMatchObject({ id: 'nulid', subject: 'ab \uFFFD c \uFFFD', categories: ['x'] });
    expect(await upsertMessages(db(), pairing.id, [damaged])).toBe(0);
  });

  it('refuses messages for an unknown pairing', async () => {
    await expect(upsertMessages(db(), '00000000-0000-4000-8000-000000000000', [inbound('2026-11-16T09:00:00Z')])).rejects.toThrow(NotFoundError);
  });

  it("purges every pairing's messages received before the cut-off, with their marks", async () => {
    const [a, b] = [await newTestPairing(db()), await newTestPairing(db())];
    const old = inbound('2020-01-01T00:00:00Z');
    const edge = inbound('2020-06-01T00:00:00Z');
    const recent = inbound('2026-11-16T09:00:00Z');
    await upsertMessages(db(), a.id, [old, edge, recent]);
    await upsertMessages(db(), b.id, [old]);
    await markNoReply(db(), a.id, old.id, 'va', 'newsletter');
    await markNoReply(db(), a.id, recent.id, 'va', 'thanks only');

    const purged = await purgeMessagesOlderThan(db(), at('2020-06-01T00:00:00Z'));
    expect(purged).toBe(2);
    expect((await listMessagesSince(db(), a.id, 0)).map((m) => m.id)).toEqual([edge.id, recent.id]);
    expect(await countMessages(db(), b.id)).toBe(0);
    expect(await listMarks(db(), a.id)).toEqual(new Set([recent.id]));
  });
});
