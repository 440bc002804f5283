// Reading just enough of a file: its kind (JSON, binary, mail text) and, for one-message files, the header block.
import { open } from 'node:fs/promises';

export type FileKind = 'json' | 'binary' | 'text';

/** Enough of a file to tell JSON, binary and mail text apart. */
export const SNIFF_BYTES = 8 * 1024;
const CHUNK_BYTES = 64 * 1024;
/** Header blocks beyond this are not mail (postal-mime itself refuses 2 MiB); the rest is ignored. */
export const MAX_HEADER_BYTES = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;

function startAfterBom(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** JSON when the first non-space character is `{` or `[`; binary when a NUL byte shows up early; else text. */
export function sniffKind(head: Uint8Array): FileKind {
  const sample = head.subarray(0, SNIFF_BYTES);
  for (let i = startAfterBom(sample); i < sample.length; i += 1) {
    const byte = sample[i]!;
    if (byte === 0x20 || byte === 0x09 || byte === LF || byte === CR) continue;
    if (byte === 0x7b || byte === 0x5b) return 'json';
    break;
  }
  return sample.includes(NUL) ? 'binary' : 'text';
}

/** Index just past the end of the line that starts at `start` (past its LF), or the length when there is none. */
function lineEnd(bytes: Uint8Array, start: number): number {
  const lf = bytes.indexOf(LF, start);
  return lf < 0 ? bytes.length : lf + 1;
}

function isBlankLine(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return true;
  if (length === 1) return bytes[start] === LF;
  return length === 2 && bytes[start] === CR && bytes[start + 1] === LF;
}

function startsWithFromLine(bytes: Uint8Array, start: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(5, bytes.length - start)).toString('latin1') === 'From ';
}

/**
 * Where the headers of a lone message start: after a BOM, leading blank lines and an mbox-style
 * `From ` envelope line, which some exporters put at the top of each message file.
 */
export function headerStart(bytes: Uint8Array): number {
  let start = startAfterBom(bytes);
  for (;;) {
    const end = lineEnd(bytes, start);
    if (start >= bytes.length || !isBlankLine(bytes, start, end)) break;
    start = end;
  }
  return startsWithFromLine(bytes, start) ? lineEnd(bytes, start) : start;
}

/** Index of the blank line that ends the header block starting at `start`, or -1 when not (yet) found. */
export function headerEnd(bytes: Uint8Array, start: number): number {
  for (let lf = bytes.indexOf(LF, start); lf >= 0; lf = bytes.indexOf(LF, lf + 1)) {
    const next = lf + 1;
    if (bytes[next] === LF) return next;
    if (bytes[next] === CR && bytes[next + 1] === LF) return next;
  }
  return -1;
}

export interface FileHead {
  readonly kind: FileKind;
  /** The header block of a `text` file (no body); empty for the other kinds. */
  readonly headerBlock: Buffer;
}

/** Reads a file only as far as its header block ends, so large bodies and attachments are never loaded. */
export async function readHeaderBlock(path: string): Promise<FileHead> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let kind: FileKind | null = null;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead > 0) {
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
      }
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
      kind ??= sniffKind(bytes);
      if (kind !== 'text') return { kind, headerBlock: Buffer.alloc(0) };
      const start = headerStart(bytes);
      const end = headerEnd(bytes, start);
      if (end >= 0) return { kind, headerBlock: bytes.subarray(start, end) };
      if (bytesRead === 0 || total >= MAX_HEADER_BYTES) return { kind, headerBlock: bytes.subarray(start) };
    }
  } finally {
    await handle.close();
  }
}

/** The first bytes of a file, for sniffing its kind. */
export async function readFileStart(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
