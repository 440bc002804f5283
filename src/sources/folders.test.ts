// Folder names → FolderKind, and which folder of several copies is the most telling.
import { describe, expect, it } from 'vitest';
import { FOLDER_KINDS, type FolderKind } from '../kpi/message.ts';
import { folderKindFromName, folderRank, mostTellingFolder } from './folders.ts';

describe('folderKindFromName', () => {
  it.each<[string, FolderKind]>([
    ['inbox', 'inbox'],
    ['INBOX', 'inbox'],
    ['Inbox', 'inbox'],
    ['sent', 'sentitems'],
    ['sent_items', 'sentitems'],
    ['Sent Items', 'sentitems'],
    ['_sent_mail', 'sentitems'],
    ['sent_mail', 'sentitems'],
    ['Sent Mail', 'sentitems'],
    ['Sent Messages', 'sentitems'],
    ['sentitems', 'sentitems'],
    ['Drafts', 'drafts'],
    ['outbox', 'outbox'],
    ['junk', 'junkemail'],
    ['junk_e-mail', 'junkemail'],
    ['Junk E-mail', 'junkemail'],
    ['junkemail', 'junkemail'],
    ['Spam', 'junkemail'],
    ['deleted_items', 'deleteditems'],
    ['Deleted Items', 'deleteditems'],
    ['deleteditems', 'deleteditems'],
    ['Trash', 'deleteditems'],
    ['Archive', 'archive'],
  ])('%s → %s', (name, kind) => {
    expect(folderKindFromName(name)).toBe(kind);
  });

  it('reads Maildir++ folder names without their leading dot', () => {
    expect(folderKindFromName('.Sent')).toBe('sentitems');
    expect(folderKindFromName('.Junk')).toBe('junkemail');
  });

  it.each(['all_documents', 'discussion_threads', 'notes_inbox', 'california', 'sent_items_old', 'Inbox2', ''])(
    'maps the personal or unknown folder %j to other',
    (name) => {
      expect(folderKindFromName(name)).toBe('other');
    },
  );
});

describe('folder priority', () => {
  it('ranks sentitems > drafts > outbox > inbox > archive > other > deleteditems > junkemail', () => {
    const ranked = [...FOLDER_KINDS].sort((a, b) => folderRank(a) - folderRank(b));
    expect(ranked).toEqual(['sentitems', 'drafts', 'outbox', 'inbox', 'archive', 'other', 'deleteditems', 'junkemail']);
  });

  it('picks the most telling folder, other when there is none', () => {
    expect(mostTellingFolder(['junkemail', 'inbox', 'sentitems'])).toBe('sentitems');
    expect(mostTellingFolder(['deleteditems', 'junkemail'])).toBe('deleteditems');
    expect(mostTellingFolder([])).toBe('other');
  });
});
