// Entry point of the mail sources: detects each path's kind, reads them all, threads and deduplicates the result.
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { MessageMeta } from '../kpi/message.ts';
import { dedupe, type KeyedMessage } from './dedupe.ts';
import { mboxFolder, readGraphFile, readMboxFile } from './file-readers.ts';
import type { ImportResult, InvalidMessage, UnreadableSource } from './import-result.ts';
import { readMailTree } from './mail-tree.ts';
import { readFileStart, sniffKind } from './message-file.ts';
import { errorText, isReadError, type ImportSink, type SourceMessage } from './source-message.ts';
import { collectRoots, conversationKey } from './threading.ts';

/** A path that is missing or not a supported source; the CLI prints the message and exits 2. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

export interface LoadOptions {
  /** Called with the number of messages read so far (valid or not), every {@link PROGRESS_EVERY} messages. */
  onProgress?: (messagesSeen: number) => void;
}

export const PROGRESS_EVERY = 1000;

const SUPPORTED = 'an mbox file, a Maildir, a folder of message files, or a Graph export JSON file';

/** Gathers what the readers report, counting messages for progress. */
class Collector implements ImportSink {
  readonly messages: SourceMessage[] = [];
  readonly invalids: InvalidMessage[] = [];
  readonly unreadables: UnreadableSource[] = [];
  readonly warnings: string[] = [];
  #seen = 0;

  constructor(private readonly onProgress: ((messagesSeen: number) => void) | undefined) {}

  message(message: SourceMessage): void {
    this.messages.push(message);
    this.count();
  }
  invalid(entry: InvalidMessage): void {
    this.invalids.push(entry);
    this.count();
  }
  unreadable(entry: UnreadableSource): void {
    this.unreadables.push(entry);
  }
  warning(text: string): void {
    this.warnings.push(text);
  }
  /** Messages reported so far, valid or not. */
  get seen(): number {
    return this.#seen;
  }
  private count(): void {
    this.#seen += 1;
    if (this.#seen % PROGRESS_EVERY === 0) this.onProgress?.(this.#seen);
  }
}

async function statSource(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    if (!isReadError(error)) throw error;
    const why = error.code === 'ENOENT' ? 'no such file or directory' : errorText(error);
    throw new SourceError(`cannot read source ${path}: ${why}`, { cause: error });
  }
}

/** A file named on the command line must be a source as a whole: when it is not, the user has named the wrong file. */
async function readSourceFile(path: string, sink: ImportSink): Promise<void> {
  let start: Buffer;
  try {
    start = await readFileStart(path);
  } catch (error) {
    if (!isReadError(error)) throw error;
    throw new SourceError(`cannot read source ${path}: ${errorText(error)}`, { cause: error });
  }
  const kind = sniffKind(start);
  if (kind === 'binary') throw new SourceError(`${path} is a binary file; a source must be ${SUPPORTED}`);
  if (kind === 'text') return readMboxFile(path, mboxFolder(path), sink);
  let error: string | null;
  try {
    error = await readGraphFile(path, sink);
  } catch (readError) {
    if (!isReadError(readError)) throw readError;
    throw new SourceError(`cannot read source ${path}: ${errorText(readError)}`, { cause: readError });
  }
  if (error !== null) throw new SourceError(`${path}: ${error}`);
}

async function readSource(path: string, stats: Stats, sink: Collector): Promise<void> {
  const before = sink.seen;
  if (stats.isDirectory()) await readMailTree(path, sink);
  else await readSourceFile(path, sink);
  if (sink.seen === before) sink.warning(`${path}: no messages found`);
}

/** Conversation keys need every message's thread root, across all sources, before any key is given. */
function withConversations(messages: readonly SourceMessage[]): KeyedMessage[] {
  const roots = collectRoots(
    messages.flatMap((message) => (message.conversation.kind === 'thread' ? [message.conversation.thread] : [])),
  );
  return messages.map(({ meta, conversation, identity, matchByContent }) => {
    const conversationId =
      conversation.kind === 'given' ? conversation.conversationId : conversationKey(conversation.thread, roots);
    const full: MessageMeta = { ...meta, conversationId };
    return { meta: full, identity, matchByContent };
  });
}

/**
 * Reads every path (Maildir or folder tree, mbox file, Graph export JSON) into one result; copies of a
 * message across folders and paths count once. Throws SourceError for a path that does not exist (checked
 * for all paths before any is read) and for a named file that is not a source at all (binary, or JSON
 * that is not a Graph export); problems inside a source are reported in the result instead.
 */
export async function loadSources(paths: readonly string[], options: LoadOptions = {}): Promise<ImportResult> {
  if (paths.length === 0) throw new SourceError(`no source given; a source is ${SUPPORTED}`);
  const sources: Array<{ path: string; stats: Stats }> = [];
  for (const path of paths) {
    const stats = await statSource(path);
    if (!stats.isDirectory() && !stats.isFile()) throw new SourceError(`${path} is neither a file nor a directory`);
    sources.push({ path, stats });
  }

  const collector = new Collector(options.onProgress);
  for (const { path, stats } of sources) await readSource(path, stats, collector);

  const { messages, duplicates } = dedupe(withConversations(collector.messages));
  return {
    messages,
    invalid: collector.invalids,
    duplicates,
    unreadable: collector.unreadables,
    warnings: collector.warnings,
  };
}
