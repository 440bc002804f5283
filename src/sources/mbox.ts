// Streams an mbox file and yields each message's header block with its byte offset; bodies are skipped unread.
import { createReadStream } from 'node:fs';
import { MAX_HEADER_BYTES } from './message-file.ts';

export interface MboxEntry {
  /** Byte offset of the message's `From ` separator line (or of its first line when it has none). */
  readonly offset: number;
  /** Header lines, LF-terminated, without the separator line and without the body. */
  readonly headerBlock: Buffer;
}

const LF = 0x0a;
const CR = 0x0d;
const FROM_SEPARATOR = Buffer.from('From ', 'latin1');

type State = 'before-first' | 'headers' | 'body';

/**
 * Splits the byte stream into lines and tracks where messages start. A `From ` line separates messages
 * only at the start of the file or after a blank line, so an unescaped "From " inside a body paragraph
 * does not split a message. Text before the first separator (e.g. a lone .eml file) is a message too.
 */
class MboxSplitter {
  private state: State = 'before-first';
  private previousBlank = true;
  private messageOffset = 0;
  private headerLines: Buffer[] = [];
  private headerBytes = 0;
  private readonly ready: MboxEntry[] = [];

  /** Takes one line (without its LF) at `offset`. */
  line(line: Buffer, offset: number): void {
    const blank = line.length === 0 || (line.length === 1 && line[0] === CR);
    const separator = this.previousBlank && line.subarray(0, FROM_SEPARATOR.length).equals(FROM_SEPARATOR);
    this.previousBlank = blank;
    if (separator) {
      this.finish();
      this.begin(offset);
      return;
    }
    if (this.state === 'before-first') {
      if (blank) return;
      this.begin(offset);
    }
    if (this.state !== 'headers') return;
    if (blank) {
      this.state = 'body';
    } else if (this.headerBytes < MAX_HEADER_BYTES) {
      this.headerLines.push(Buffer.concat([line, Buffer.of(LF)]));
      this.headerBytes += line.length + 1;
    }
  }

  /** Messages completed so far; the list is emptied. */
  take(): MboxEntry[] {
    return this.ready.splice(0, this.ready.length);
  }

  finish(): void {
    if (this.state === 'before-first') return;
    this.ready.push({ offset: this.messageOffset, headerBlock: Buffer.concat(this.headerLines, this.headerBytes) });
    this.headerLines = [];
    this.headerBytes = 0;
    this.state = 'before-first';
  }

  private begin(offset: number): void {
    this.state = 'headers';
    this.messageOffset = offset;
  }
}

/** Yields the header block of each message in an mbox file, in file order, reading it as a stream. */
export async function* readMbox(path: string): AsyncGenerator<MboxEntry> {
  const splitter = new MboxSplitter();
  let pending: Buffer = Buffer.alloc(0);
  // File offset of `pending`'s first byte, and bytes cut from the middle of an overlong line after it.
  let pendingOffset = 0;
  let dropped = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const data = pending.length > 0 ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    const offsetOf = (index: number): number => (index === 0 ? pendingOffset : pendingOffset + dropped + index);
    let start = 0;
    for (let lf = data.indexOf(LF); lf >= 0; lf = data.indexOf(LF, start)) {
      splitter.line(data.subarray(start, lf), offsetOf(start));
      start = lf + 1;
    }
    if (start > 0) {
      pendingOffset = offsetOf(start);
      dropped = 0;
    }
    pending = data.subarray(start);
    // Only a line's start matters (separator, blank, capped header), so a huge line without LF is not kept whole.
    if (pending.length > MAX_HEADER_BYTES) {
      dropped += pending.length - MAX_HEADER_BYTES;
      pending = Buffer.from(pending.subarray(0, MAX_HEADER_BYTES));
    }
    yield* splitter.take();
  }
  if (pending.length > 0) splitter.line(pending, pendingOffset);
  splitter.finish();
  yield* splitter.take();
}
