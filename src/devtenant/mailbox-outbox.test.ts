import { describe, expect, it } from 'vitest';
import { DevOutbox } from './mailbox-outbox.ts';
import { MailboxStore } from './mailbox-store.ts';
import { devSeed, OWNER, START, VA } from '../../test/support/dev-tenant-seed.ts';

const HOUR = 3_600_000;

describe('dev tenant outbox', () => {
  it('sends: a copy in Sent Items, the outbox, and the Inbox of a recipient in the tenant', () => {
    const store = new MailboxStore(devSeed());
    store.advanceTo(START + HOUR);
    const outbox = new DevOutbox(store);
    const sent = outbox.send(VA.id, { subject: 'Weekly', body: 'b', toRecipients: [{ name: 'O', address: 'Owner@contoso.test' }], ccRecipients: [], bccRecipients: [], internetMessageHeaders: [] }, true);
    expect(outbox.sent).toEqual([sent]);
    const va = store.mailbox(VA.id)!;
    expect(va.messages.get(sent.message.id)).toMatchObject({ folder: 'sentitems', created: START + HOUR });
    const delivered = [...store.mailbox(OWNER.id)!.messages.values()];
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ folder: 'inbox', isRead: false, message: { subject: 'Weekly', from: { address: VA.mail } } });
  });
});
