// Robustness on real mail: the two Enron mailboxes vendored in test/fixtures/enron load completely and plausibly.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emailAddress } from '../kpi/address.ts';
import { loadSources } from './load.ts';

const ENRON = fileURLToPath(new URL('../../test/fixtures/enron/', import.meta.url));

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).length;
}

describe.each([
  ['badeer-r', 'robert.badeer@enron.com'],
  ['cuilla-m', 'martin.cuilla@enron.com'],
])('Enron mailbox %s', (mailbox, owner) => {
  it('loads every file, counting each stored copy once', async () => {
    const root = `${ENRON}${mailbox}`;
    const result = await loadSources([root]);
    expect(result.unreadable).toEqual([]);
    expect(result.invalid).toEqual([]);
    expect(result.warnings).toEqual([]);
    // Every file is accounted for: a message, a copy of one, or an invalid entry.
    expect(result.messages.length + result.duplicates + result.invalid.length).toBe(await countFiles(root));
    expect(result.messages.length).toBeGreaterThan(100);
    expect(result.duplicates).toBeGreaterThan(0);

    const sent = result.messages.filter((m) => m.folder === 'sentitems');
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((m) => m.from === owner).length / sent.length).toBeGreaterThan(0.9);
    expect(result.messages.some((m) => m.folder === 'inbox')).toBe(true);

    const ids = new Set(result.messages.map((m) => m.id));
    expect(ids.size).toBe(result.messages.length);
    for (const message of result.messages) {
      expect(message.sentAt).toBeGreaterThan(Date.parse('1999-01-01T00:00:00Z'));
      expect(message.sentAt).toBeLessThan(Date.parse('2003-01-01T00:00:00Z'));
      expect(message.conversationId).toMatch(/^(mid|subj|self):/);
    }
    // Every address the mail carries (h..lewis@, .williams@ among them) can be named in a flag or a setting as it is.
    const addresses = new Set(result.messages.flatMap((m) => [m.from, m.sender, ...m.to, ...m.cc].filter((a) => a !== null)));
    expect([...addresses].some((a) => a.includes('..'))).toBe(true);
    expect([...addresses].filter((a) => emailAddress().safeParse(a).data !== a)).toEqual([]);

    // Subject threading must join replies to their originals, so there are fewer conversations than messages.
    expect(new Set(result.messages.map((m) => m.conversationId)).size).toBeLessThan(result.messages.length);
  });
});

describe('Enron mailbox cuilla-m: copies and lookalikes', () => {
  it('keeps two forwards of one minute whose subjects differ only in case (other photos attached)', async () => {
    // all_documents/92 "FW: wedding photos continued" and all_documents/94 "FW: Wedding photos continued":
    // same sender, recipient and Date, different attachments, so two mails (docs/kpi.md §3).
    const result = await loadSources([`${ENRON}cuilla-m/all_documents`]);
    // Date: Tue, 17 Oct 2000 02:34:00 -0700 (PDT)
    const sentAt = Date.parse('2000-10-17T09:34:00Z');
    const forwards = result.messages.filter((m) => m.sentAt === sentAt && m.subject.toLowerCase() === 'fw: wedding photos continued');
    expect(forwards.map((m) => [m.subject, m.from, m.to])).toEqual([
      ['FW: wedding photos continued', 'zwharton@dawray.com', ['mcuilla@enron.com']],
      ['FW: Wedding photos continued', 'zwharton@dawray.com', ['mcuilla@enron.com']],
    ]);
  });
});
