// loadSources end to end on fixtures: source detection, SourceError, merging paths, progress.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources, PROGRESS_EVERY, SourceError } from './load.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/sources/', import.meta.url));

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-load-'));
  tempDirs.push(dir);
  return dir;
}

describe('loadSources: what a path is', () => {
  it('reads a directory with cur/ or new/ as a Maildir, another directory as a folder tree', async () => {
    expect((await loadSources([`${FIXTURES}maildir`])).messages).toHaveLength(4);
    expect((await loadSources([`${FIXTURES}tree`])).messages).toHaveLength(4);
  });

  it('reads a file starting with { or [ as a Graph export and any other text file as an mbox', async () => {
    expect((await loadSources([`${FIXTURES}graph/bare-array.json`])).messages).toHaveLength(2);
    expect((await loadSources([`${FIXTURES}mbox/INBOX.mbox`])).messages).toHaveLength(3);
    // A lone message file is an mbox of one message without a separator line.
    expect((await loadSources([`${FIXTURES}eml/reply-to-digest.eml`])).messages).toMatchObject([{ id: 'm6@example.org', folder: 'other' }]);
  });

  it('throws SourceError for a missing path, before reading any other', async () => {
    const attempt = loadSources([`${FIXTURES}mbox/INBOX.mbox`, `${FIXTURES}nowhere.mbox`]);
    await expect(attempt).rejects.toThrow(SourceError);
    await expect(attempt).rejects.toThrow(`cannot read source ${FIXTURES}nowhere.mbox: no such file or directory`);
  });

  it('throws SourceError for a named file that is not a source: bad JSON, another JSON shape, binary data', async () => {
    await expect(loadSources([`${FIXTURES}graph/not-json.json`])).rejects.toThrow(/not-json\.json: not valid JSON/);
    await expect(loadSources([`${FIXTURES}graph/not-graph.json`])).rejects.toThrow(/not-graph\.json: not a Graph export/);
    const pst = join(await tempDir(), 'backup.pst');
    await writeFile(pst, Buffer.from('!BDN\x00\x00\x00\x00SM', 'latin1'));
    await expect(loadSources([pst])).rejects.toThrow(`${pst} is a binary file`);
    await expect(loadSources([])).rejects.toThrow(SourceError);
  });

  it('throws SourceError for something that is neither file nor directory', async () => {
    await expect(loadSources(['/dev/null'])).rejects.toThrow('/dev/null is neither a file nor a directory');
  });

  it('reports files inside a tree that cannot be read, and goes on', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'inbox'));
    await writeFile(join(root, 'inbox', '1'), 'From: a@b.c\nDate: Mon, 3 Jul 2023 09:00:00 +0000\nSubject: ok\n\nbody\n');
    await writeFile(join(root, 'inbox', '2'), Buffer.from([0x00, 0x01, 0x02]));
    await writeFile(join(root, 'inbox', '3'), 'no headers at all');
    const result = await loadSources([root]);
    expect(result.messages).toHaveLength(1);
    expect(result.unreadable).toEqual([{ path: join(root, 'inbox', '2'), error: 'binary file, not a mail message' }]);
    expect(result.invalid).toEqual([{ location: join(root, 'inbox', '3'), reason: 'no Date header; no From header' }]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read as unreadable', async () => {
    const root = await tempDir();
    await writeFile(join(root, '1'), 'From: a@b.c\nDate: Mon, 3 Jul 2023 09:00:00 +0000\n\n');
    await chmod(join(root, '1'), 0o000);
    const result = await loadSources([root]);
    expect(result.unreadable).toMatchObject([{ path: join(root, '1'), error: expect.stringContaining('EACCES') }]);
  });

  it('warns about a source with no messages', async () => {
    const root = await tempDir();
    const result = await loadSources([root]);
    expect(result.warnings).toEqual([`${root}: no messages found`]);
  });
});

describe('loadSources: several paths', () => {
  it('merges them into one result, deduplicating across paths', async () => {
    const once = await loadSources([`${FIXTURES}tree`]);
    const twice = await loadSources([`${FIXTURES}tree`, `${FIXTURES}tree`]);
    expect(twice.messages).toEqual(once.messages);
    expect(twice.duplicates).toBe(once.duplicates + 8);
    expect(twice.unreadable).toHaveLength(2);
  });

  it('threads across paths: a root in one file joins its reply in another', async () => {
    const result = await loadSources([`${FIXTURES}mbox/INBOX.mbox`, `${FIXTURES}eml/reply-to-digest.eml`]);
    const conversation = (id: string) => result.messages.find((m) => m.id === id)?.conversationId;
    expect(conversation('m5@example.com')).toBe('mid:m5@example.com');
    expect(conversation('m6@example.org')).toBe('mid:m5@example.com');
  });

  it('mixes kinds of source', async () => {
    const result = await loadSources([`${FIXTURES}graph/export.json`, `${FIXTURES}maildir`, `${FIXTURES}mbox/INBOX.mbox`]);
    expect(result.messages).toHaveLength(6 + 4 + 3);
    expect(result.invalid).toHaveLength(4 + 2);
  });
});

describe('loadSources: progress', () => {
  it(`reports every ${PROGRESS_EVERY} messages seen, valid or not`, async () => {
    const path = join(await tempDir(), 'big.mbox');
    const messages = Array.from({ length: 2500 }, (_, i) =>
      i % 10 === 0
        ? `From x\nFrom: a@b.c\nSubject: no date ${i}\n\nbody\n`
        : `From x\nMessage-ID: <${i}@b.c>\nFrom: a@b.c\nDate: Mon, 3 Jul 2023 09:00:00 +0000\nSubject: ${i}\n\nbody\n`,
    );
    await writeFile(path, messages.join('\n'));
    const seen: number[] = [];
    const result = await loadSources([path], { onProgress: (count) => seen.push(count) });
    expect(seen).toEqual([1000, 2000]);
    expect(result.messages).toHaveLength(2250);
    expect(result.invalid).toHaveLength(250);
  });
});
