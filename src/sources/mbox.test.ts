// mbox splitting and byte offsets, and an mbox read end to end.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from './load.ts';
import { readMbox, type MboxEntry } from './mbox.ts';

const INBOX_MBOX = fileURLToPath(new URL('../../test/fixtures/sources/mbox/INBOX.mbox', import.meta.url));

async function entries(path: string): Promise<MboxEntry[]> {
  const out: MboxEntry[] = [];
  for await (const entry of readMbox(path)) out.push(entry);
  return out;
}

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-mbox-'));
  tempDirs.push(dir);
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readMbox', () => {
  it('splits on From lines that start the file or follow a blank line, with byte offsets', async () => {
    const raw = await readFile(INBOX_MBOX);
    const found = await entries(INBOX_MBOX);
    expect(found.map((entry) => entry.offset)).toEqual([
      0,
      raw.indexOf('From bob@example.net'),
      raw.indexOf('From MAILER-DAEMON'),
      raw.indexOf('From nobody'),
      raw.indexOf('From robot@example.com'),
    ]);
  });

  it('yields headers only, never the body', async () => {
    const [first] = await entries(INBOX_MBOX);
    const headers = first!.headerBlock.toString('utf8');
    expect(headers).toMatch(/^Return-Path: <alice@example.com>\n/);
    expect(headers).toContain('Content-Type: text/plain; charset=utf-8\n');
    expect(headers).not.toContain('Body line one');
    expect(headers).not.toContain('From alice@example.com Mon');
  });

  it('reads CRLF files, and text before the first separator as a message of its own', async () => {
    const path = await tempFile('crlf.mbox', 'Subject: no separator\r\n\r\nbody\r\n\r\nFrom x Mon Jul  3 09:00:00 2023\r\nSubject: second\r\n\r\nbody\r\nFrom here\r\n');
    const found = await entries(path);
    expect(found.map((entry) => [entry.offset, entry.headerBlock.toString()])).toEqual([
      [0, 'Subject: no separator\r\n'],
      [33, 'Subject: second\r\n'],
    ]);
  });

  it('yields nothing for an empty file and keeps a final message without a trailing newline', async () => {
    expect(await entries(await tempFile('empty.mbox', ''))).toEqual([]);
    const found = await entries(await tempFile('tail.mbox', 'From a\nSubject: x'));
    expect(found.map((entry) => entry.headerBlock.toString())).toEqual(['Subject: x\n']);
  });
});

describe('loading an mbox file', () => {
  it('reads MIME-encoded, folded headers, Received and zone-less dates, and reports unusable messages by offset', async () => {
    const raw = await readFile(INBOX_MBOX);
    const result = await loadSources([INBOX_MBOX]);
    expect(result.messages).toEqual([
      {
        id: 'm1@example.com',
        conversationId: 'mid:m1@example.com',
        // The topmost Received header (the mailbox's server), not the lower one or Date.
        receivedAt: Date.parse('2023-07-03T16:00:05Z'),
        sentAt: Date.parse('2023-07-03T15:59:58Z'),
        from: 'alice@example.com',
        sender: null,
        to: ['owner@example.org', 'va@example.org'],
        cc: ['bjorn@example.net'],
        folder: 'inbox',
        isDraft: false,
        categories: ['Important', 'Follow up'],
        inference: null,
        automatic: false,
        subject: 'Grüße aus München and a long folded subject',
      },
      expect.objectContaining({
        id: 'm2@example.net',
        conversationId: 'mid:m1@example.com',
        receivedAt: Date.parse('2023-07-03T17:00:00Z'),
        sentAt: Date.parse('2023-07-03T17:00:00Z'),
        subject: 'RE: AW: Grüße aus München and a long folded subject',
      }),
      expect.objectContaining({
        id: 'm5@example.com',
        conversationId: 'subj:your weekly digest',
        sentAt: Date.parse('2023-07-03T18:00:00Z'),
        from: 'noreply@example.com',
        automatic: true,
      }),
    ]);
    expect(result.invalid).toEqual([
      { location: `${INBOX_MBOX}:${raw.indexOf('From MAILER-DAEMON')}`, reason: 'no Date header' },
      { location: `${INBOX_MBOX}:${raw.indexOf('From nobody')}`, reason: 'no From header' },
    ]);
    expect(result).toMatchObject({ duplicates: 0, unreadable: [], warnings: [] });
  });

  it('takes the folder of each message of a Gmail Takeout file from its labels', async () => {
    const path = fileURLToPath(new URL('../../test/fixtures/sources/gmail/All mail Including Spam and Trash.mbox', import.meta.url));
    const result = await loadSources([path]);
    expect(result.messages.map((m) => [m.id, m.folder, m.conversationId])).toEqual([
      ['g1@client.example', 'inbox', 'mid:g1@client.example'],
      ['g2@gmail.example', 'sentitems', 'mid:g1@client.example'],
      ['g3@spam.example', 'junkemail', 'subj:you won'],
    ]);
  });
});
