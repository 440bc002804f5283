import { describe, expect, it } from 'vitest';
import { INEFFICIENT_FILTER, isFailure, matchesFilter, orderComparator, parseMessageQuery } from './graph-query.ts';

const parse = (query: string) => parseMessageQuery(new URLSearchParams(query), { extra: ['$skiptoken'] });
const at = (iso: string) => Date.parse(iso);

describe('dev Graph message query options', () => {
  it('parses select, date filters joined with and, orderby and top', () => {
    expect(parse('$select=id,subject,microsoft.graph.eventMessage/meetingMessageType&$filter=lastModifiedDateTime ge 2026-11-02T08:00:00Z and receivedDateTime lt 2026-11-03T00:00:00.1234567%2B01:00&$orderby=lastModifiedDateTime asc&$top=50')).toEqual({
      select: ['id', 'subject', 'meetingMessageType'],
      filter: [
        { property: 'lastModifiedDateTime', op: 'ge', value: at('2026-11-02T08:00:00Z') },
        { property: 'receivedDateTime', op: 'lt', value: at('2026-11-03T00:00:00.123+01:00') },
      ],
      orderBy: [{ property: 'lastModifiedDateTime', descending: false }],
      top: 50,
    });
  });

  it('reads string equality with a doubled quote and an "and" inside the literal', () => {
    const query = parse("$filter=internetMessageId eq '<it''s and more@x.test>' and receivedDateTime ge 2026-01-01T00:00:00Z");
    expect(isFailure(query)).toBe(false);
    if (isFailure(query)) return;
    expect(query.filter[0]).toEqual({ property: 'internetMessageId', op: 'eq', value: "<it's and more@x.test>" });
    const values = { receivedDateTime: at('2026-02-01T00:00:00Z'), sentDateTime: 0, lastModifiedDateTime: 0, internetMessageId: "<it's and more@x.test>", conversationId: 'c' };
    expect(matchesFilter(values, query.filter)).toBe(true);
    expect(matchesFilter({ ...values, internetMessageId: '<other@x.test>' }, query.filter)).toBe(false);
  });

  it('wants the orderby properties to lead the filter, in order', () => {
    const d = '2026-01-01T00:00:00Z';
    expect(parse(`$filter=receivedDateTime ge ${d}&$orderby=receivedDateTime desc`)).not.toHaveProperty('code');
    expect(parse('$orderby=lastModifiedDateTime desc')).not.toHaveProperty('code');
    expect(parse(`$filter=lastModifiedDateTime ge ${d} and receivedDateTime ge ${d}&$orderby=lastModifiedDateTime asc,receivedDateTime desc`)).not.toHaveProperty('code');
    expect(parse(`$filter=receivedDateTime ge ${d}&$orderby=lastModifiedDateTime asc`)).toBe(INEFFICIENT_FILTER);
    expect(parse(`$filter=receivedDateTime ge ${d} and lastModifiedDateTime ge ${d}&$orderby=lastModifiedDateTime asc`)).toBe(INEFFICIENT_FILTER);
  });

  it('refuses what it does not support in Graph error shape', () => {
    for (const query of ['$expand=attachments', '$count=true', '$skip=10', '$filter=receivedDateTime eq 2026-01-01T00:00:00Z', '$filter=receivedDateTime ge 2026-01-01', '$top=0', '$top=abc', '$orderby=receivedDateTime sideways', '$select=']) {
      const result = parse(query);
      expect(isFailure(result), query).toBe(true);
      expect(result, query).toMatchObject({ status: 400, code: expect.any(String), message: expect.any(String) });
    }
    expect(parse('$skiptoken=abc&includeHiddenFolders=true')).toEqual({ filter: [], orderBy: [] });
  });

  it('orders newest received first by default, ties by id', () => {
    const rows = [
      { id: 'b', receivedDateTime: 1, sentDateTime: 0, lastModifiedDateTime: 9 },
      { id: 'a', receivedDateTime: 1, sentDateTime: 0, lastModifiedDateTime: 5 },
      { id: 'c', receivedDateTime: 3, sentDateTime: 0, lastModifiedDateTime: 1 },
    ];
    expect([...rows].sort(orderComparator([])).map((row) => row.id)).toEqual(['c', 'a', 'b']);
    expect([...rows].sort(orderComparator([{ property: 'lastModifiedDateTime', descending: false }])).map((row) => row.id)).toEqual(['c', 'a', 'b']);
  });
});
