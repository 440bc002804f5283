import { describe, expect, it } from 'vitest';
import { defaultMessageId, MailboxStore } from './mailbox-store.ts';
import { deliverAt, devSeed, inbound, OWNER, START, VA } from '../../test/support/dev-tenant-seed.ts';

const HOUR = 3_600_000;

describe('dev tenant mailbox store', () => {
  it('shows nothing before its time and applies events in order as the clock advances', () => {
    const first = inbound(60);
    const second = inbound(120);
    const store = new MailboxStore(
      devSeed([
        deliverAt(first),
        deliverAt(second),
        { at: START + 3 * HOUR, kind: 'move', mailbox: OWNER.id, messageId: first.id, folder: 'archive' },
        { at: START + 4 * HOUR, kind: 'categorize', mailbox: OWNER.id, messageId: second.id, categories: ['No reply needed'] },
        { at: START + 5 * HOUR, kind: 'delete', mailbox: OWNER.id, messageId: second.id },
        { at: START + 6 * HOUR, kind: 'automaticReplies', mailbox: VA.userPrincipalName, setting: { status: 'alwaysEnabled' } },
      ]),
    );
    const owner = store.mailbox('OWNER@contoso.test')!;
    const inbox = store.folder(owner, 'Inbox')!;
    const archive = store.folder(owner, 'archive')!;
    expect(store.now()).toBe(START);
    expect(owner.messages.size).toBe(0);

    store.advanceTo(START + 90 * 60_000);
    expect([...owner.messages.keys()]).toEqual([first.id]);
    expect(store.counts(owner, inbox)).toEqual({ total: 1, unread: 1, children: 1 });

    store.advanceTo(START + 3 * HOUR);
    expect(owner.messages.get(first.id)).toMatchObject({ folder: 'archive', moves: 1, lastModified: START + 3 * HOUR, version: 2 });
    expect(store.counts(owner, inbox).total).toBe(1);
    expect(store.counts(owner, archive).total).toBe(1);

    store.advanceTo(START + 4 * HOUR);
    expect(owner.messages.get(second.id)).toMatchObject({ categories: ['No reply needed'], lastModified: START + 4 * HOUR });
    store.advanceTo(START + 6 * HOUR);
    expect(owner.messages.has(second.id)).toBe(false);
    expect(store.counts(owner, inbox).total).toBe(0);
    expect(store.mailbox(VA.id)!.automaticReplies.status).toBe('alwaysEnabled');
    expect(() => store.advanceTo(START)).toThrow(RangeError);
  });

  it('logs every change per folder, with the id the message had there', () => {
    const message = inbound(10);
    const store = new MailboxStore(devSeed([deliverAt(message)]));
    const owner = store.mailbox(OWNER.id)!;
    const before = store.position();
    store.advanceTo(START + HOUR);
    const inboxId = defaultMessageId(message.id, 'inbox', 0);
    store.move(OWNER.id, message.id, 'clients');
    store.markRead(OWNER.id, message.id, true);
    expect(store.changesSince(owner, 'inbox', before).map((change) => change.defaultId)).toEqual([inboxId, inboxId]);
    expect(store.changesSince(owner, 'clients', before)).toHaveLength(2);
    // A default id finds the message only while it is where that id says.
    expect(store.message(owner, inboxId)).toBeUndefined();
    expect(store.message(owner, defaultMessageId(message.id, 'clients', 1))?.message.id).toBe(message.id);
    expect(store.message(owner, message.id)?.isRead).toBe(true);
  });

  it('keeps the well-known folders, custom and hidden ones, and refuses unknown references loudly', () => {
    const store = new MailboxStore(devSeed());
    const owner = store.mailbox(OWNER.id)!;
    expect([...owner.folders.keys()]).toEqual(expect.arrayContaining(['inbox', 'sentitems', 'deleteditems', 'archive', 'junkemail', 'clients', 'clients-2026', 'scratch']));
    expect(owner.folders.get('scratch')?.hidden).toBe(true);
    expect(store.folder(owner, owner.folders.get('clients')!.id)?.key).toBe('clients');
    expect(() => store.move(OWNER.id, 'nope', 'inbox')).toThrow(/no message nope/);
    expect(() => store.deliver(OWNER.id, inbound(1, { folder: 'nowhere' }))).toThrow(/no folder nowhere/);
  });
});
