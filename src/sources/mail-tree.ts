// Walks a Maildir or a folder tree of message files, reading files a few at a time into an ImportSink.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { FolderKind } from '../kpi/message.ts';
import { mboxFolder, readMboxFile, readTreeFile } from './file-readers.ts';
import { folderKindFromName, MAILDIR_SUBDIRS } from './folders.ts';
import { forEachOrdered } from './ordered-pool.ts';
import { errorText, isReadError, type ImportSink, type SourceMessage } from './source-message.ts';
import type { InvalidMessage, UnreadableSource } from './import-result.ts';

/** Files read at once: enough to hide disk latency, few enough to stay clear of file-descriptor limits. */
const READ_CONCURRENCY = 16;
/** Files in a tree with these extensions hold a whole folder in mbox format. */
const MBOX_EXTENSIONS: ReadonlySet<string> = new Set(['.mbox', '.mbx']);
/** A Maildir folder's messages live in `new` (unseen) and `cur`; `tmp` holds deliveries still being written. */
const MAILDIR_MESSAGE_DIRS = ['cur', 'new'] as const;

export interface MailFile {
  readonly path: string;
  readonly folder: FolderKind;
  readonly format: 'message' | 'mbox';
}

interface Listing {
  readonly files: MailFile[];
  readonly unreadable: UnreadableSource[];
}

const byName = new Intl.Collator('en', { numeric: true });

interface Children {
  readonly files: string[];
  readonly dirs: string[];
  /** Entries that could not be looked at, such as dangling symlinks. */
  readonly broken: UnreadableSource[];
}

/** Names of the files and directories in `dir`, symlinks followed, in natural order (`2` before `10`). */
async function children(dir: string): Promise<Children> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  const dirs: string[] = [];
  const broken: UnreadableSource[] = [];
  for (const entry of entries) {
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const path = join(dir, entry.name);
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        if (!isReadError(error)) throw error;
        broken.push({ path, error: errorText(error) });
      }
    }
    if (isDir) dirs.push(entry.name);
    else if (isFile) files.push(entry.name);
  }
  return { files: files.sort(byName.compare), dirs: dirs.sort(byName.compare), broken };
}

/** Dot-files are system files (.DS_Store, dovecot indexes), never messages. */
function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** A file in folder `folder`: one message, or a whole mbox folder named like the file (`Sent.mbox`). */
function treeFile(path: string, folder: FolderKind): MailFile {
  const extension = extname(path);
  if (!MBOX_EXTENSIONS.has(extension.toLowerCase())) return { path, folder, format: 'message' };
  // An mbox with a name that says nothing (`2019.mbox`) belongs to the folder it sits in.
  const named = mboxFolder(path);
  return { path, folder: named === 'other' ? folder : named, format: 'mbox' };
}

class TreeLister {
  readonly files: MailFile[] = [];
  readonly unreadable: UnreadableSource[] = [];
  private readonly visited = new Set<string>();

  async walk(dir: string, isRoot: boolean): Promise<void> {
    let listing: Children;
    try {
      // A symlink loop would otherwise be walked forever.
      const real = await realpath(dir);
      if (this.visited.has(real)) return;
      this.visited.add(real);
      listing = await children(dir);
      this.unreadable.push(...listing.broken);
    } catch (error) {
      if (!isReadError(error)) throw error;
      this.unreadable.push({ path: dir, error: errorText(error) });
      return;
    }
    const isMaildir = listing.dirs.some((name) => name === 'cur' || name === 'new');
    if (isMaildir) await this.maildir(dir, isRoot, listing);
    else {
      const folder = folderKindFromName(basename(resolve(dir)));
      for (const name of listing.files) {
        if (!isHidden(name)) this.files.push(treeFile(join(dir, name), folder));
      }
    }
    for (const name of listing.dirs) {
      // Inside a Maildir, dot-directories are Maildir++ sub-folders (`.Sent`); elsewhere they are system data.
      if (MAILDIR_SUBDIRS.has(name) && isMaildir) continue;
      if (isHidden(name) && !isMaildir) continue;
      await this.walk(join(dir, name), false);
    }
  }

  /** Files beside `cur`/`new` (dovecot-uidlist, maildirfolder, ...) are bookkeeping, not mail. */
  private async maildir(dir: string, isRoot: boolean, listing: Children): Promise<void> {
    const named = folderKindFromName(basename(resolve(dir)));
    // A Maildir++ root is the INBOX, whatever the directory is called; its folders are the dot-directories.
    const isMaildirRoot = isRoot || listing.dirs.some((name) => isHidden(name));
    const folder = named === 'other' && isMaildirRoot ? 'inbox' : named;
    for (const sub of MAILDIR_MESSAGE_DIRS) {
      if (!listing.dirs.includes(sub)) continue;
      const subdir = join(dir, sub);
      try {
        const messages = await children(subdir);
        this.unreadable.push(...messages.broken);
        for (const name of messages.files) {
          if (!isHidden(name)) this.files.push({ path: join(subdir, name), folder, format: 'message' });
        }
      } catch (error) {
        if (!isReadError(error)) throw error;
        this.unreadable.push({ path: subdir, error: errorText(error) });
      }
    }
  }
}

/** Every mail file under `root` with the folder it belongs to; directories that cannot be listed are reported. */
export async function listMailFiles(root: string): Promise<Listing> {
  const lister = new TreeLister();
  await lister.walk(root, true);
  return { files: lister.files, unreadable: lister.unreadable };
}

/** Collects one file's results so the tree can hand them on in file order. */
class RecordingSink implements ImportSink {
  readonly messages: SourceMessage[] = [];
  readonly invalids: InvalidMessage[] = [];
  readonly unreadables: UnreadableSource[] = [];
  readonly warnings: string[] = [];
  message(message: SourceMessage): void {
    this.messages.push(message);
  }
  invalid(entry: InvalidMessage): void {
    this.invalids.push(entry);
  }
  unreadable(entry: UnreadableSource): void {
    this.unreadables.push(entry);
  }
  warning(text: string): void {
    this.warnings.push(text);
  }
  replayInto(sink: ImportSink): void {
    for (const message of this.messages) sink.message(message);
    for (const entry of this.invalids) sink.invalid(entry);
    for (const entry of this.unreadables) sink.unreadable(entry);
    for (const text of this.warnings) sink.warning(text);
  }
}

/** Reads every message of a Maildir or folder tree; a bad file is reported and the rest goes on. */
export async function readMailTree(root: string, sink: ImportSink): Promise<void> {
  const { files, unreadable } = await listMailFiles(root);
  for (const entry of unreadable) sink.unreadable(entry);
  await forEachOrdered(
    files,
    READ_CONCURRENCY,
    async (file) => {
      const recording = new RecordingSink();
      if (file.format === 'mbox') await readMboxFile(file.path, file.folder, recording);
      else await readTreeFile(file.path, file.folder, recording);
      return recording;
    },
    (recording) => recording.replayInto(sink),
  );
}
