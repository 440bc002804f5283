// The OData query options the dev Graph understands on message collections, parsed and checked the way
// Exchange does: `$select`, `$filter` on dates (and `eq` on internetMessageId or conversationId) joined with
// `and`, `$orderby` on dates (whose properties must lead the filter, else InefficientFilter), `$top`;
// anything else is refused in Graph's error shape.
import type { GraphFailure } from './graph-response.ts';

/** Properties a message can be `$select`ed by (meeting messages add `meetingMessageType`). */
export const MESSAGE_PROPERTIES: ReadonlySet<string> = new Set([
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime', 'hasAttachments',
  'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'isDeliveryReceiptRequested',
  'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink', 'inferenceClassification', 'body', 'uniqueBody', 'sender', 'from',
  'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag', 'internetMessageHeaders', 'meetingMessageType',
]);
/** What Mail.ReadBasic.All may not read (docs/graph-facts.md; headers by the brief's stricter reading). */
export const CONTENT_PROPERTIES: ReadonlySet<string> = new Set(['body', 'bodyPreview', 'uniqueBody', 'internetMessageHeaders']);

export type DateProperty = 'receivedDateTime' | 'lastModifiedDateTime' | 'sentDateTime';
const DATE_PROPERTIES: ReadonlySet<string> = new Set<DateProperty>(['receivedDateTime', 'lastModifiedDateTime', 'sentDateTime']);
const ORDERABLE: ReadonlySet<string> = new Set(['receivedDateTime', 'lastModifiedDateTime']);
export type Comparison = 'ge' | 'gt' | 'le' | 'lt';

export type StringProperty = 'internetMessageId' | 'conversationId';

export type FilterClause =
  | { readonly property: DateProperty; readonly op: Comparison; readonly value: number }
  | { readonly property: StringProperty; readonly op: 'eq'; readonly value: string };

/** What a filter reads of a message. */
export type FilterValues = Readonly<Record<DateProperty, number> & Record<StringProperty, string>>;

export interface OrderBy {
  readonly property: DateProperty;
  readonly descending: boolean;
}

export interface MessageQuery {
  /** Absent: no `$select` (Graph's default properties). */
  readonly select?: readonly string[];
  readonly filter: readonly FilterClause[];
  readonly orderBy: readonly OrderBy[];
  /** Absent: no `$top`. */
  readonly top?: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 1_000;

const badRequest = (message: string, code = 'BadRequest'): GraphFailure => ({ status: 400, code, message });
export const INEFFICIENT_FILTER: GraphFailure = { status: 400, code: 'InefficientFilter', message: 'The restriction or sort order is too complex for this operation.' };

const CLAUSE = /^\s*([A-Za-z]+)\s+(ge|gt|le|lt)\s+(\S+)\s*$/;
/** `internetMessageId eq '<a@b>'`, with OData's doubled quote inside the literal. */
const STRING_CLAUSE = /^\s*(internetMessageId|conversationId)\s+eq\s+'((?:[^']|'')*)'\s*$/;

/** Splits a filter on `and` outside string literals. */
function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === "'") quoted = !quoted;
    else if (!quoted && /^\s+and\s+/i.test(text.slice(index, index + 6))) {
      const separator = /^\s+and\s+/i.exec(text.slice(index))![0];
      parts.push(text.slice(start, index));
      index += separator.length - 1;
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
/** OData's DateTimeOffset literal, unquoted: `2026-11-02T08:00:00Z` (fraction and offset optional). */
const DATE_LITERAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseFilter(text: string): FilterClause[] | GraphFailure {
  const clauses: FilterClause[] = [];
  for (const part of splitAnd(text)) {
    const equality = STRING_CLAUSE.exec(part);
    if (equality) {
      clauses.push({ property: equality[1] as StringProperty, op: 'eq', value: equality[2]!.replaceAll("''", "'") });
      continue;
    }
    const match = CLAUSE.exec(part);
    const [, property, op, value] = match ?? [];
    if (!property || !op || !value) return badRequest(`Invalid filter clause: '${part.trim()}'.`);
    if (!DATE_PROPERTIES.has(property)) return badRequest(`The property '${property}' cannot be used in a filter clause by this dev Graph.`, 'ErrorInvalidProperty');
    if (!DATE_LITERAL.test(value)) return badRequest(`Invalid filter clause: '${value}' is not a valid DateTimeOffset literal.`);
    clauses.push({ property: property as DateProperty, op: op as Comparison, value: Date.parse(value) });
  }
  return clauses;
}

function parseOrderBy(text: string): OrderBy[] | GraphFailure {
  const order: OrderBy[] = [];
  for (const part of text.split(',')) {
    const [property, direction = 'asc', ...rest] = part.trim().split(/\s+/);
    if (!property || rest.length > 0 || !/^(asc|desc)$/i.test(direction)) return badRequest(`Invalid $orderby: '${part.trim()}'.`);
    if (!ORDERABLE.has(property)) return badRequest(`The property '${property}' cannot be used in $orderby by this dev Graph.`, 'ErrorInvalidProperty');
    order.push({ property: property as DateProperty, descending: direction.toLowerCase() === 'desc' });
  }
  return order;
}

function parseSelect(text: string): string[] | GraphFailure {
  const names = text.split(',').map((name) => name.trim().replace(/^microsoft\.graph\.eventMessage\//, ''));
  const unknown = names.find((name) => !MESSAGE_PROPERTIES.has(name));
  if (unknown !== undefined) return badRequest(`Could not find a property named '${unknown}' on type 'microsoft.graph.message'.`, 'RequestBroker--ParseUri');
  return names;
}

/** Graph's rule: the `$orderby` properties appear first in `$filter`, in the same order. */
function orderLeadsFilter(orderBy: readonly OrderBy[], filter: readonly FilterClause[]): boolean {
  if (filter.length === 0) return true;
  const filtered = [...new Set(filter.map((clause) => clause.property))];
  return orderBy.every((order, index) => filtered[index] === order.property);
}

export interface QueryRules {
  /** Query options besides the four parsed here that the endpoint accepts (`$skiptoken`, `$deltatoken`). */
  readonly extra: readonly string[];
}

export function parseMessageQuery(params: URLSearchParams, rules: QueryRules): MessageQuery | GraphFailure {
  for (const name of params.keys()) {
    if (!name.startsWith('$')) continue;
    if (!['$select', '$filter', '$orderby', '$top', ...rules.extra].includes(name)) return badRequest(`Query option '${name}' is not supported on this resource.`);
  }
  const selectText = params.get('$select');
  const select = selectText === null ? undefined : parseSelect(selectText);
  if (select && !Array.isArray(select)) return select;
  const filterText = params.get('$filter');
  const filter = filterText === null ? [] : parseFilter(filterText);
  if (!Array.isArray(filter)) return filter;
  const orderText = params.get('$orderby');
  const orderBy = orderText === null ? [] : parseOrderBy(orderText);
  if (!Array.isArray(orderBy)) return orderBy;
  if (!orderLeadsFilter(orderBy, filter)) return INEFFICIENT_FILTER;
  const topText = params.get('$top');
  const top = topText === null ? undefined : Number(topText);
  if (top !== undefined && (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE)) return badRequest(`Invalid $top value '${topText}': it must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  return { ...(select ? { select } : {}), filter, orderBy, ...(top === undefined ? {} : { top }) };
}

export function isFailure(value: unknown): value is GraphFailure {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}

/** Whether a message passes every clause. */
export function matchesFilter(values: FilterValues, filter: readonly FilterClause[]): boolean {
  return filter.every((clause) => {
    if (clause.op === 'eq') return values[clause.property] === clause.value;
    const actual = values[clause.property];
    const { op, value } = clause;
    return op === 'ge' ? actual >= value : op === 'gt' ? actual > value : op === 'le' ? actual <= value : actual < value;
  });
}

/** A comparator for `$orderby`; Graph's default for messages is newest received first. */
export function orderComparator(orderBy: readonly OrderBy[]): (a: Readonly<Record<DateProperty, number>> & { id: string }, b: Readonly<Record<DateProperty, number>> & { id: string }) => number {
  const order = orderBy.length > 0 ? orderBy : [{ property: 'receivedDateTime' as const, descending: true }];
  return (a, b) => {
    for (const { property, descending } of order) {
      const difference = a[property] - b[property];
      if (difference !== 0) return descending ? -difference : difference;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
