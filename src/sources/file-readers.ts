// Reads one file of each supported kind (mbox, single message, Graph export JSON) into an ImportSink.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { FolderKind } from '../kpi/message.ts';
import { folderKindFromName } from './folders.ts';
import { parseGraphExport } from './graph-export.ts';
import { readMbox } from './mbox.ts';
import { readHeaderBlock } from './message-file.ts';
import { parseHeaderBlock, type ParsedMail } from './rfc5322.ts';
import { errorText, isReadError, type ImportSink } from './source-message.ts';

function report(parsed: ParsedMail, sink: ImportSink): void {
  if (parsed.ok) sink.message(parsed.message);
  else sink.invalid(parsed.invalid);
}

/** An mbox file is one folder, named like the file without its extension (`Sent.mbox` → Sent Items). */
export function mboxFolder(path: string): FolderKind {
  return folderKindFromName(basename(path, extname(path)));
}

/** Streams an mbox file; a read error part-way is reported as unreadable, keeping the messages before it. */
export async function readMboxFile(path: string, folder: FolderKind, sink: ImportSink): Promise<void> {
  try {
    for await (const entry of readMbox(path)) {
      report(await parseHeaderBlock(entry.headerBlock, { location: `${path}:${entry.offset}`, folder }), sink);
    }
  } catch (error) {
    if (!isReadError(error)) throw error;
    sink.unreadable({ path, error: errorText(error) });
  }
}

/**
 * Reads a Graph export into the sink; returns why the file is not a Graph export, or null when it is.
 * The caller decides whether that is an unreadable file in a tree or a wrong source path.
 */
export async function readGraphFile(path: string, sink: ImportSink): Promise<string | null> {
  const parsed = parseGraphExport(await readFile(path, 'utf8'), path);
  if (!parsed.ok) return parsed.error;
  for (const message of parsed.content.messages) sink.message(message);
  for (const invalid of parsed.content.invalid) sink.invalid(invalid);
  for (const warning of parsed.content.warnings) sink.warning(warning);
  return null;
}

/** One file of a folder tree: a message (`folder` is where it sits), or a Graph export dropped among them. */
export async function readTreeFile(path: string, folder: FolderKind, sink: ImportSink): Promise<void> {
  try {
    const head = await readHeaderBlock(path);
    if (head.kind === 'binary') {
      sink.unreadable({ path, error: 'binary file, not a mail message' });
    } else if (head.kind === 'json') {
      const error = await readGraphFile(path, sink);
      if (error !== null) sink.unreadable({ path, error });
    } else {
      report(await parseHeaderBlock(head.headerBlock, { location: path, folder }), sink);
    }
  } catch (error) {
    if (!isReadError(error)) throw error;
    sink.unreadable({ path, error: errorText(error) });
  }
}
