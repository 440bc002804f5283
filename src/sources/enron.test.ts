// Robustness on real mail: the two Enron mailboxes vendored in test/fixtures/enron load completely and plausibly.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
    // Subject threading must join replies to their originals, so there are fewer conversations than messages.
    expect(new Set(result.messages.map((m) => m.conversationId)).size).toBeLessThan(result.messages.length);
  });
});
