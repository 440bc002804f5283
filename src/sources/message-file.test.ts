// Sniffing file kinds and finding header blocks without reading bodies.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headerEnd, headerStart, readHeaderBlock, sniffKind } from './message-file.ts';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('sniffKind', () => {
  it('tells JSON, binary and text apart by the first bytes', () => {
    expect(sniffKind(bytes(' \r\n\t{"messages": []}'))).toBe('json');
    expect(sniffKind(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), bytes('[]')]))).toBe('json');
    expect(sniffKind(bytes('!BDN\x00\x00pst'))).toBe('binary');
    expect(sniffKind(bytes('From: a@b\n'))).toBe('text');
    expect(sniffKind(bytes(''))).toBe('text');
  });
});

describe('header block bounds', () => {
  it('skips leading blank lines and an mbox envelope line, and ends at the first blank line (LF or CRLF)', () => {
    const lf = bytes('\nFrom a@b Mon Jul  3 09:00:00 2023\nSubject: x\n\nbody\n');
    expect(headerStart(lf)).toBe(35);
    expect(headerEnd(lf, headerStart(lf))).toBe(46);
    const crlf = bytes('Subject: x\r\nTo: y\r\n\r\nbody');
    expect(crlf.subarray(0, headerEnd(crlf, 0)).toString()).toBe('Subject: x\r\nTo: y\r\n');
    expect(headerEnd(bytes('Subject: x\r\n'), 0)).toBe(-1);
  });
});

describe('readHeaderBlock', () => {
  const tempDirs: string[] = [];
  afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  const tempPath = async (name: string): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-head-'));
    tempDirs.push(dir);
    return join(dir, name);
  };

  it('returns only the headers of a message file', async () => {
    const path = await tempPath('1');
    await writeFile(path, `Subject: x\r\n\r\n${'body '.repeat(100_000)}`);
    expect(await readHeaderBlock(path)).toEqual({ kind: 'text', headerBlock: bytes('Subject: x\r\n') });
  });

  it('finds a header block that ends beyond the first chunk', async () => {
    const path = await tempPath('2');
    const long = `X-Long: ${'a'.repeat(100_000)}\n`;
    await writeFile(path, `${long}Subject: x\n\nbody`);
    expect((await readHeaderBlock(path)).headerBlock.toString()).toBe(`${long}Subject: x\n`);
  });
});
