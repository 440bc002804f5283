// One header block → MessageMeta fields, and why a message is invalid.
import { describe, expect, it } from 'vitest';
import type { FolderKind } from '../kpi/message.ts';
import { parseHeaderBlock, type ParsedMail } from './rfc5322.ts';
import type { SourceMessage } from './source-message.ts';

const BASE = ['Message-ID: <a1@example.com>', 'Date: Mon, 3 Jul 2023 09:00:00 +0000', 'From: a@example.com', 'To: owner@example.org', 'Subject: Hello'];

async function parse(lines: readonly string[], folder: FolderKind = 'inbox'): Promise<ParsedMail> {
  return parseHeaderBlock(Buffer.from(`${lines.join('\r\n')}\r\n`), { location: 'box/inbox/1', folder });
}

async function message(lines: readonly string[], folder: FolderKind = 'inbox'): Promise<SourceMessage> {
  const parsed = await parse(lines, folder);
  if (!parsed.ok) throw new Error(`expected a message: ${parsed.invalid.reason}`);
  return parsed.message;
}

const without = (name: string): string[] => BASE.filter((line) => !line.startsWith(`${name}:`));

describe('parseHeaderBlock', () => {
  it('uses the Message-ID as id and identity, or the location when there is none', async () => {
    expect(await message(BASE)).toMatchObject({ meta: { id: 'a1@example.com' }, identity: ['mid:a1@example.com'] });
    expect(await message(without('Message-ID'))).toMatchObject({ meta: { id: 'box/inbox/1' }, identity: [] });
  });

  it('falls back to Date when the topmost Received date cannot be read', async () => {
    const parsed = await message([...BASE, 'Received: from a by b; not a date', 'Received: from c by d; Mon, 3 Jul 2023 10:00:00 +0000']);
    expect(parsed.meta.receivedAt).toBe(Date.parse('2023-07-03T09:00:00Z'));
  });

  it('flattens groups and lower-cases To, Cc, From and Sender addresses, skipping entries without one', async () => {
    const parsed = await message([
      ...without('To').filter((line) => !line.startsWith('From:')),
      'From: "Doe, Jane" <Jane.Doe@Example.COM>',
      'Sender: Assistant <VA@Example.org>',
      'To: Team: B@x.org, c@x.org;, undisclosed-recipients:;',
      'Cc: "Nobody" <>, D@x.org, d@x.org',
    ]);
    expect(parsed.meta).toMatchObject({ from: 'jane.doe@example.com', sender: 'va@example.org', to: ['b@x.org', 'c@x.org'], cc: ['d@x.org'] });
  });

  it('reads Keywords and X-Keywords as categories', async () => {
    const parsed = await message([...BASE, 'Keywords: No reply needed, Client', 'X-Keywords: Client,$Forwarded']);
    expect(parsed.meta.categories).toEqual(['No reply needed', 'Client', '$Forwarded']);
  });

  it('marks automatic mail by its headers', async () => {
    expect((await message([...BASE, 'Auto-Submitted: auto-replied'])).meta.automatic).toBe(true);
    expect((await message([...BASE, 'Precedence: bulk'])).meta.automatic).toBe(true);
    expect((await message([...BASE, 'Auto-Submitted: no'])).meta.automatic).toBe(false);
  });

  it('decodes raw Latin-1 headers from old mailers', async () => {
    const block = Buffer.concat([Buffer.from(`${BASE.slice(0, 4).join('\n')}\nSubject: Caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    const parsed = await parseHeaderBlock(block, { location: 'x', folder: 'inbox' });
    expect(parsed.ok && parsed.message.meta.subject).toBe('Café');
  });

  it('makes messages in a drafts folder drafts', async () => {
    expect((await message(BASE, 'drafts')).meta.isDraft).toBe(true);
    expect((await message(BASE, 'sentitems')).meta.isDraft).toBe(false);
  });

  it('says why a message is invalid', async () => {
    expect(await parse(without('Date'))).toEqual({ ok: false, invalid: { location: 'box/inbox/1', reason: 'no Date header' } });
    expect(await parse([...without('Date'), 'Date: Tuesday, Dec 12'])).toMatchObject({ invalid: { reason: 'unparseable Date header "Tuesday, Dec 12"' } });
    expect(await parse(without('From'))).toMatchObject({ invalid: { reason: 'no From header' } });
    expect(await parse([...without('From'), 'From: Robert Badeer'])).toMatchObject({ invalid: { reason: 'no address in From header "Robert Badeer"' } });
    expect(await parse([])).toMatchObject({ invalid: { reason: 'no Date header; no From header' } });
  });
});
