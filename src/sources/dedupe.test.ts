// Dedupe rules: identity and content keys, folder priority, thread-key adoption.
import { describe, expect, it } from 'vitest';
import type { FolderKind, MessageMeta } from '../kpi/message.ts';
import { dedupe, fingerprint, type KeyedMessage } from './dedupe.ts';

function meta(overrides: Partial<MessageMeta>): MessageMeta {
  return {
    id: 'id-1',
    conversationId: 'subj:quote request',
    receivedAt: Date.parse('2000-08-15T16:15:00Z'),
    sentAt: Date.parse('2000-08-15T16:15:00Z'),
    from: 'client@fabrikam.com',
    sender: null,
    to: ['owner@enron.com'],
    cc: [],
    folder: 'inbox',
    isDraft: false,
    categories: [],
    inference: null,
    automatic: false,
    subject: 'Quote request',
    ...overrides,
  };
}

function file(overrides: Partial<MessageMeta>, messageId: string | null = null): KeyedMessage {
  return { meta: meta(overrides), identity: messageId === null ? [] : [`mid:${messageId}`], matchByContent: true };
}

describe('dedupe', () => {
  it('counts copies with the same Message-ID once, even when their content differs', () => {
    const result = dedupe([
      file({ id: 'a', folder: 'other' }, 'same@x'),
      file({ id: 'b', folder: 'inbox', subject: 'Quote request (edited)' }, 'same@x'),
    ]);
    expect(result.duplicates).toBe(1);
    expect(result.messages.map((m) => m.id)).toEqual(['b']);
  });

  it('counts copies with different Message-IDs but the same Date, From, recipients and Subject once', () => {
    const result = dedupe([
      file({ id: 'a', folder: 'other', to: ['x@y', 'owner@enron.com'], cc: ['c@d'] }, 'one@x'),
      file({ id: 'b', folder: 'sentitems', to: ['owner@enron.com', 'x@y'], cc: ['c@d'], subject: ' Quote \t request ' }, 'two@x'),
    ]);
    expect(result).toMatchObject({ duplicates: 1, messages: [{ id: 'b', folder: 'sentitems' }] });
  });

  it.each<[string, Partial<MessageMeta>]>([
    ['Date', { sentAt: Date.parse('2000-08-15T16:15:01Z') }],
    ['From', { from: 'other@fabrikam.com' }],
    ['To', { to: ['owner@enron.com', 'va@enron.com'] }],
    ['Cc', { cc: ['boss@enron.com'] }],
    ['Subject', { subject: 'RE: Quote request' }],
    // Two forwards of one minute whose subjects differ only in case are two mails (docs/kpi.md §3).
    ['Subject case', { subject: 'Quote Request' }],
  ])('keeps messages apart that differ in %s', (_, difference) => {
    const result = dedupe([file({ id: 'a' }, 'one@x'), file({ id: 'b', ...difference }, 'two@x')]);
    expect(result.duplicates).toBe(0);
    expect(result.messages).toHaveLength(2);
  });

  it('does not match by content where ids are reliable (Graph items)', () => {
    const graph = (id: string): KeyedMessage => ({ meta: meta({ id }), identity: [`gid:${id}`], matchByContent: false });
    expect(dedupe([graph('g1'), graph('g2')]).duplicates).toBe(0);
    expect(dedupe([graph('g1'), graph('g1')]).duplicates).toBe(1);
  });

  it('keeps the copy in the most telling folder, whatever the order', () => {
    const order: FolderKind[] = ['junkemail', 'deleteditems', 'other', 'archive', 'inbox', 'outbox', 'drafts', 'sentitems'];
    const copies = order.map((folder, i) => file({ id: `copy-${i}`, folder }, `id-${i}@x`));
    for (const arrangement of [copies, [...copies].reverse()]) {
      const result = dedupe(arrangement);
      expect(result).toMatchObject({ duplicates: 7, messages: [{ folder: 'sentitems', id: 'copy-7' }] });
    }
    expect(dedupe([copies[0]!, copies[1]!]).messages[0]!.folder).toBe('deleteditems');
    expect(dedupe([copies[2]!, copies[1]!]).messages[0]!.folder).toBe('other');
    expect(dedupe([copies[3]!, copies[2]!]).messages[0]!.folder).toBe('archive');
    expect(dedupe([copies[4]!, copies[3]!]).messages[0]!.folder).toBe('inbox');
  });

  it('keeps the first of equally telling copies', () => {
    const result = dedupe([file({ id: 'first', folder: 'sentitems' }, 'a@x'), file({ id: 'second', folder: 'sentitems' }, 'b@x')]);
    expect(result.messages.map((m) => m.id)).toEqual(['first']);
  });

  it("lets the kept copy take another copy's thread-root key, so the message stays with its replies", () => {
    const result = dedupe([
      file({ id: 'a', folder: 'other', conversationId: 'mid:root@x' }, 'root@x'),
      file({ id: 'b', folder: 'sentitems', conversationId: 'subj:quote request' }, 'renumbered@x'),
    ]);
    expect(result.messages).toMatchObject([{ id: 'b', folder: 'sentitems', conversationId: 'mid:root@x' }]);
  });

  it('keeps first-seen order of distinct messages', () => {
    const result = dedupe([
      file({ id: 'a', subject: 'One' }, 'a@x'),
      file({ id: 'b', subject: 'Two' }, 'b@x'),
      file({ id: 'a2', subject: 'One', folder: 'sentitems' }, 'a@x'),
    ]);
    expect(result.messages.map((m) => m.id)).toEqual(['a2', 'b']);
  });
});

describe('fingerprint', () => {
  it('ignores recipient order and subject spacing, not the recipients themselves', () => {
    expect(fingerprint(meta({ to: ['b@x', 'a@x'], subject: 'Hi  there' }))).toBe(fingerprint(meta({ to: ['a@x', 'b@x'], subject: 'Hi there' })));
    expect(fingerprint(meta({ to: ['a@x'], cc: ['b@x'] }))).not.toBe(fingerprint(meta({ to: ['a@x', 'b@x'], cc: [] })));
  });

  it('keeps the letter case of the subject', () => {
    expect(fingerprint(meta({ subject: 'FW: Contract' }))).not.toBe(fingerprint(meta({ subject: 'FW: contract' })));
  });
});
