// Graph export files: the accepted shapes, folder mapping, per-message validation, incomplete-export warning.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGraphExport, type GraphExportContent } from './graph-export.ts';
import { loadSources } from './load.ts';

const GRAPH = fileURLToPath(new URL('../../test/fixtures/sources/graph/', import.meta.url));

function content(text: string, path = 'x.json'): GraphExportContent {
  const result = parseGraphExport(text, path);
  if (!result.ok) throw new Error(`expected a Graph export: ${result.error}`);
  return result.content;
}

describe('Graph export file', () => {
  it('maps folders through the folders map, lower-cases addresses and keeps Graph fields', async () => {
    const path = `${GRAPH}export.json`;
    const result = await loadSources([path]);
    expect(result.messages.map((m) => [m.id, m.folder, m.isDraft, m.automatic])).toEqual([
      ['AAMkAG-m1', 'inbox', false, false],
      ['AAMkAG-r1', 'sentitems', false, false],
      ['AAMkAG-j1', 'junkemail', false, false],
      ['AAMkAG-d1', 'drafts', true, false],
      ['AAMkAG-e1', 'inbox', false, true],
      ['AAMkAG-o1', 'other', false, false],
    ]);
    expect(result.messages[0]).toEqual({
      id: 'AAMkAG-m1',
      conversationId: 'CONV-1',
      receivedAt: Date.parse('2024-03-04T09:00:00Z'),
      sentAt: Date.parse('2024-03-04T08:59:30Z'),
      from: 'client@fabrikam.com',
      sender: 'client@fabrikam.com',
      to: ['owner@contoso.com'],
      cc: ['assistant@contoso.com'],
      folder: 'inbox',
      isDraft: false,
      categories: ['No reply needed'],
      inference: 'focused',
      automatic: false,
      subject: 'Quote for the spring catalogue',
      internetMessageId: '<AAMkAG-m1@mail.example>',
    });
    expect(result.messages[1]).toMatchObject({ from: 'owner@contoso.com', sender: 'va@contoso.com' });
    expect(result.messages[2]).toMatchObject({ inference: 'other' });
    // A draft needs neither from nor receivedDateTime; its creation time stands in.
    expect(result.messages[3]).toMatchObject({ from: null, receivedAt: Date.parse('2024-03-04T16:00:00Z') });
  });

  it('reports malformed messages by index and keeps the others', async () => {
    const path = `${GRAPH}export.json`;
    const result = await loadSources([path]);
    expect(result.invalid).toEqual([
      { location: `${path}#3`, reason: 'not a Graph message (toRecipients: Invalid input: expected array, received string)' },
      { location: `${path}#4`, reason: 'no receivedDateTime' },
      { location: `${path}#5`, reason: 'no from address' },
      { location: `${path}#10`, reason: 'not a Graph message (Invalid input: expected object, received string)' },
    ]);
    // #9 is #0 again under another item id (same internetMessageId), in Deleted Items: the inbox copy stays.
    expect(result.duplicates).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it('accepts a bare array of messages; without a folders map every folder is other', async () => {
    const result = await loadSources([`${GRAPH}bare-array.json`]);
    expect(result.messages.map((m) => [m.id, m.folder, m.conversationId])).toEqual([
      ['B1', 'other', 'CB1'],
      ['B2', 'other', 'CB1'],
    ]);
  });

  it("accepts one Graph page, takes its folder from @odata.context, and warns when the last page has a nextLink", async () => {
    const path = `${GRAPH}page-incomplete.json`;
    const result = await loadSources([path]);
    expect(result.messages.map((m) => [m.id, m.folder])).toEqual([['P1', 'inbox']]);
    expect(result.warnings).toEqual([`${path}: the last page has an @odata.nextLink, so the export looks incomplete (later pages are missing)`]);
  });

  it('accepts an array of pages, numbering messages across them; earlier pages may link on', async () => {
    const path = `${GRAPH}pages.json`;
    const result = await loadSources([path]);
    expect(result.messages.map((m) => [m.id, m.folder])).toEqual([
      ['S1', 'sentitems'],
      ['S2', 'sentitems'],
    ]);
    expect(result.invalid).toEqual([{ location: `${path}#2`, reason: 'unparseable receivedDateTime "yesterday"' }]);
    expect(result.warnings).toEqual([]);
  });

  it('refuses JSON that is not one of the shapes, and text that is not JSON', async () => {
    expect(parseGraphExport(await readFile(`${GRAPH}not-graph.json`, 'utf8'), 'a.json')).toEqual({
      ok: false,
      error: 'not a Graph export: expected {"messages": [...]}, a page {"value": [...]}, or an array of messages or pages',
    });
    expect(parseGraphExport(await readFile(`${GRAPH}not-json.json`, 'utf8'), 'a.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^not valid JSON: /) });
    expect(parseGraphExport('"a string"', 'a.json')).toMatchObject({ ok: false });
  });

  it('reads an empty export, a BOM, a zone-less instant as UTC, and an export whose own nextLink is set', () => {
    expect(content('[]').messages).toEqual([]);
    const message = { id: 'z', receivedDateTime: '2024-01-01T10:00:00', from: { emailAddress: { address: 'A@B.C' } } };
    const exported = content(`\uFEFF${JSON.stringify({ messages: [message], '@odata.nextLink': 'https://graph/next' })}`);
    expect(exported.messages[0]!.meta).toMatchObject({ receivedAt: Date.parse('2024-01-01T10:00:00Z'), sentAt: Date.parse('2024-01-01T10:00:00Z'), from: 'a@b.c' });
    expect(exported.messages[0]!.conversation).toEqual({ kind: 'given', conversationId: 'self:z' });
    expect(exported.warnings).toHaveLength(1);
  });

  it('keys copies by Graph id and internetMessageId, so the same mail from an mbox matches', () => {
    const message = { id: 'g', internetMessageId: '<abc@x>', receivedDateTime: '2024-01-01T10:00:00Z', from: { emailAddress: { address: 'a@b.c' } } };
    expect(content(JSON.stringify([message])).messages[0]!.identity).toEqual(['gid:g', 'mid:abc@x']);
  });
});
