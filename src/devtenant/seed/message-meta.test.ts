// DevMessage → MessageMeta: the same reading of a message the Graph sync makes, and the pairing's people.
import { describe, expect, it } from 'vitest';
import type { DevMessage } from '../tenant-seed.ts';
import { generateTenantSeed } from './generate.ts';
import { folderKindOf, seedPairingPeople, toMessageMeta } from './message-meta.ts';

const message: DevMessage = {
  id: 'AAMkAD1',
  conversationId: 'AAQkAD1',
  internetMessageId: '<1@fabrikam.example>',
  subject: 'Quote',
  from: { name: 'Ines', address: 'Ines.Novak@Fabrikam.example' },
  sender: { name: 'Ines', address: 'Ines.Novak@Fabrikam.example' },
  toRecipients: [{ name: 'Owner', address: 'OWNER@contoso.example' }, { name: 'Owner', address: 'owner@contoso.example' }],
  ccRecipients: [],
  receivedDateTime: 1_000_000,
  sentDateTime: 999_000,
  folder: 'inbox',
  isDraft: false,
  isRead: false,
  categories: [],
  inferenceClassification: 'other',
  internetMessageHeaders: [{ name: 'Content-Type', value: 'multipart/alternative; boundary=x' }],
  body: 'secret',
};

describe('toMessageMeta', () => {
  it('lower-cases and de-duplicates addresses and keeps the instants, class and subject', () => {
    expect(toMessageMeta(message)).toEqual({
      id: 'AAMkAD1',
      conversationId: 'AAQkAD1',
      receivedAt: 1_000_000,
      sentAt: 999_000,
      from: 'ines.novak@fabrikam.example',
      sender: 'ines.novak@fabrikam.example',
      to: ['owner@contoso.example'],
      cc: [],
      folder: 'inbox',
      isDraft: false,
      categories: [],
      inference: 'other',
      automatic: false,
      subject: 'Quote',
    });
  });

  it('takes the folder and categories the timeline gave it later', () => {
    const meta = toMessageMeta(message, 'clients', ['No reply needed']);
    expect(meta.folder).toBe('other');
    expect(meta.categories).toEqual(['No reply needed']);
  });

  it('flags automatic mail from headers and from the meeting type', () => {
    expect(toMessageMeta({ ...message, internetMessageHeaders: [{ name: 'Auto-Submitted', value: 'auto-replied' }] }).automatic).toBe(true);
    expect(toMessageMeta({ ...message, internetMessageHeaders: [{ name: 'List-Unsubscribe', value: '<mailto:u@x.example>' }] }).automatic).toBe(true);
    expect(toMessageMeta({ ...message, meetingMessageType: 'meetingRequest' }).automatic).toBe(true);
  });

  it('maps well-known folder keys to themselves and custom keys to other', () => {
    expect(['inbox', 'sentitems', 'archive', 'deleteditems', 'junkemail', 'drafts', 'outbox', 'receipts'].map(folderKindOf)).toEqual([
      'inbox',
      'sentitems',
      'archive',
      'deleteditems',
      'junkemail',
      'drafts',
      'outbox',
      'other',
    ]);
  });
});

describe('seedPairingPeople', () => {
  it('names the owner (also the mailbox), the VA and the verified domains', () => {
    const seed = generateTenantSeed(7);
    const people = seedPairingPeople(seed);
    const owner = seed.users.find((u) => u.id === seed.groundTruth.pairing.ownerUserId)!;
    const va = seed.users.find((u) => u.id === seed.groundTruth.pairing.vaUserId)!;
    expect(people).toEqual({ mailbox: [owner.mail], owner: [owner.mail], va: [va.mail], internalDomains: ['contoso.example'] });
  });
});
