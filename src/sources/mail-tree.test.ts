// Maildir and folder-tree walking, with the Enron-style duplicate copies.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from './load.ts';
import { listMailFiles } from './mail-tree.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/sources/', import.meta.url));
const MAILDIR = `${FIXTURES}maildir`;
const TREE = `${FIXTURES}tree`;

describe('Maildir', () => {
  it('lists cur/ and new/ of the root (the INBOX) and of Maildir++ folders, skipping tmp/ and bookkeeping files', async () => {
    const { files, unreadable } = await listMailFiles(MAILDIR);
    expect(unreadable).toEqual([]);
    expect(files.map((file) => [relative(MAILDIR, file.path), file.folder])).toEqual([
      ['cur/1688371200.M1P100.mailhost!2,S', 'inbox'],
      ['new/1688378400.M2P100.mailhost', 'inbox'],
      ['.Drafts/cur/1688389200.M5P100.mailhost!2,DS', 'drafts'],
      ['.Sent/cur/1688385600.M4P100.mailhost!2,S', 'sentitems'],
    ]);
  });

  it('reads its messages, CRLF or not, threaded by References and In-Reply-To', async () => {
    const result = await loadSources([MAILDIR]);
    expect(result).toMatchObject({ invalid: [], duplicates: 0, unreadable: [], warnings: [] });
    expect(result.messages).toEqual([
      expect.objectContaining({
        id: 'inv42@client.example',
        folder: 'inbox',
        conversationId: 'mid:inv42@client.example',
        receivedAt: Date.parse('2023-07-03T08:00:07Z'),
        sentAt: Date.parse('2023-07-03T08:00:00Z'),
        from: 'dana@client.example',
        to: ['owner@example.org'],
      }),
      expect.objectContaining({ id: 'inv42-2@client.example', folder: 'inbox', conversationId: 'mid:inv42@client.example', subject: 'Re[2]: Invoice 42' }),
      expect.objectContaining({ id: 'draft1@example.org', folder: 'drafts', isDraft: true, conversationId: 'subj:half-written' }),
      expect.objectContaining({
        id: 'reply42@example.org',
        folder: 'sentitems',
        isDraft: false,
        from: 'owner@example.org',
        sender: 'va@example.org',
        conversationId: 'mid:inv42@client.example',
      }),
    ]);
  });
});

describe('folder tree (Enron layout)', () => {
  it('takes each folder from the directory holding the message, and ignores hidden files', async () => {
    const { files } = await listMailFiles(TREE);
    expect(files.map((file) => [relative(TREE, file.path), file.folder])).toEqual([
      ['owner-a/broken.json', 'other'],
      ['owner-a/_sent_mail/1.', 'sentitems'],
      ['owner-a/deleted_items/1', 'deleteditems'],
      ['owner-a/discussion_threads/1', 'other'],
      ['owner-a/inbox/1', 'inbox'],
      ['owner-a/inbox/2', 'inbox'],
      ['owner-a/junk/1', 'junkemail'],
      ['owner-a/personal/1', 'other'],
      ['owner-a/sent_items/1', 'sentitems'],
    ]);
  });

  it('counts copies once (by Message-ID, and by content when Message-IDs differ), keeps the telling copy, and reports the unreadable file', async () => {
    const result = await loadSources([TREE]);
    expect(result.messages.map((m) => [m.subject, m.folder, m.conversationId])).toEqual([
      ['RE: Quote request', 'sentitems', 'subj:quote request'],
      ['Delivery date', 'inbox', 'subj:delivery date'],
      ['Quote request', 'inbox', 'subj:quote request'],
      ['You have won', 'junkemail', 'subj:you have won'],
    ]);
    // sent_items/1 and discussion_threads/1 repeat _sent_mail/1. under other Message-IDs; personal/1 and deleted_items/1 repeat inbox mail.
    expect(result.duplicates).toBe(4);
    expect(result.invalid).toEqual([]);
    expect(result.unreadable).toEqual([{ path: `${TREE}/owner-a/broken.json`, error: expect.stringMatching(/^not valid JSON: /) }]);
    expect(result.messages.find((m) => m.folder === 'sentitems')).toMatchObject({
      from: 'owner@enron.com',
      to: ['client@fabrikam.com'],
      sentAt: Date.parse('2000-08-15T18:30:00Z'),
    });
  });
});

describe('mixed trees', () => {
  let root = '';
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('reads .mbox files as whole folders and Maildirs nested in a tree under their own names', async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-tree-'));
    const message = (id: string) => `From x\nMessage-ID: <${id}>\nFrom: a@b.c\nDate: Mon, 3 Jul 2023 09:00:00 +0000\nSubject: ${id}\n\nbody\n`;
    await mkdir(join(root, 'sent'), { recursive: true });
    await writeFile(join(root, 'Sent.mbox'), message('s1'));
    await writeFile(join(root, 'sent', '2019.mbox'), message('s2'));
    await writeFile(join(root, 'Archive.MBOX'), message('a1'));
    await mkdir(join(root, 'Work', 'cur'), { recursive: true });
    await writeFile(join(root, 'Work', 'cur', '1'), message('w1').replace('From x\n', ''));
    const { files } = await listMailFiles(root);
    expect(files.map((file) => [relative(root, file.path), file.folder, file.format])).toEqual([
      ['Archive.MBOX', 'archive', 'mbox'],
      ['Sent.mbox', 'sentitems', 'mbox'],
      ['sent/2019.mbox', 'sentitems', 'mbox'],
      ['Work/cur/1', 'other', 'message'],
    ]);
    const result = await loadSources([root]);
    expect(result.messages.map((m) => [m.id, m.folder])).toEqual([
      ['a1', 'archive'],
      ['s1', 'sentitems'],
      ['s2', 'sentitems'],
      ['w1', 'other'],
    ]);
  });
});
