// One RFC 5322 header block → a SourceMessage (or the reason it is unusable). Bodies never get here.
import { isUtf8 } from 'node:buffer';
import PostalMime, { decodeWords, type Address, type Email, type Header } from 'postal-mime';
import { detectAutomatic } from '../kpi/automatic.ts';
import type { FolderKind } from '../kpi/message.ts';
import type { InvalidMessage } from './import-result.ts';
import { folderKindFromName, mostTellingFolder } from './folders.ts';
import { parseMailDate, parseReceivedDate } from './rfc-date.ts';
import { messageIdKey, errorText, type SourceMessage } from './source-message.ts';
import { messageIds, threadInfo } from './threading.ts';

export interface MessageOrigin {
  /** Where the message sits (`file` or `file:byteOffset`): reported when unusable, and its id without a Message-ID. */
  readonly location: string;
  /** Folder the message was stored in. */
  readonly folder: FolderKind;
}

export type ParsedMail =
  | { readonly ok: true; readonly message: SourceMessage }
  | { readonly ok: false; readonly invalid: InvalidMessage };

/** Longest header value quoted in a report, so one broken header cannot flood it. */
const QUOTE_LIMIT = 80;

function quote(value: string): string {
  const short = value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
  return JSON.stringify(short);
}

/** Raw 8-bit headers are usually UTF-8; what is not valid UTF-8 is almost always Latin-1 from old mailers. */
function decodeHeaderBytes(block: Uint8Array): string | Uint8Array {
  return isUtf8(block) ? block : Buffer.from(block.buffer, block.byteOffset, block.byteLength).toString('latin1');
}

function firstValue(headers: readonly Header[], key: string): string | undefined {
  return headers.find((header) => header.key === key)?.value;
}

function mailboxAddresses(addresses: readonly Address[] | Address | undefined): string[] {
  if (addresses === undefined) return [];
  const list = Array.isArray(addresses) ? addresses : [addresses];
  const out: string[] = [];
  for (const entry of list) {
    const members = entry.group ?? [entry];
    for (const member of members) {
      const address = member.address?.trim().toLowerCase() ?? '';
      if (address !== '' && !out.includes(address)) out.push(address);
    }
  }
  return out;
}

function categoriesOf(headers: readonly Header[]): string[] {
  const categories: string[] = [];
  for (const header of headers) {
    if (header.key !== 'keywords' && header.key !== 'x-keywords') continue;
    for (const part of decodeWords(header.value).split(',')) {
      const category = part.trim();
      if (category !== '' && !categories.includes(category)) categories.push(category);
    }
  }
  return categories;
}

/** Gmail (Takeout) mbox files hold every folder in one file; the labels say which folder each message was in. */
function gmailFolder(headers: readonly Header[]): FolderKind | null {
  const labels = firstValue(headers, 'x-gmail-labels');
  if (labels === undefined) return null;
  const kinds = decodeWords(labels)
    .split(',')
    .map((label) => folderKindFromName(label))
    .filter((kind) => kind !== 'other');
  return kinds.length > 0 ? mostTellingFolder(kinds) : null;
}

interface Dates {
  readonly sentAt: number | null;
  readonly receivedAt: number | null;
  readonly problem: string | null;
}

function datesOf(headers: readonly Header[]): Dates {
  const dateValue = firstValue(headers, 'date');
  const sentAt = dateValue === undefined ? null : parseMailDate(dateValue);
  // The topmost Received header is the one the mailbox's own server added on delivery.
  const received = firstValue(headers, 'received');
  const receivedAt = (received === undefined ? null : parseReceivedDate(received)) ?? sentAt;
  let problem: string | null = null;
  if (dateValue === undefined) problem = 'no Date header';
  else if (sentAt === null) problem = `unparseable Date header ${quote(dateValue)}`;
  return { sentAt, receivedAt, problem };
}

/** The parsed headers, or why they could not be parsed (postal-mime rejects e.g. oversized header blocks). */
async function parseHeaders(block: Uint8Array): Promise<Email | string> {
  try {
    return await PostalMime.parse(decodeHeaderBytes(block));
  } catch (error) {
    return `unparseable headers: ${errorText(error)}`;
  }
}

/** Parses the header block of one message; a message without a usable Date or From address is invalid. */
export async function parseHeaderBlock(block: Uint8Array, origin: MessageOrigin): Promise<ParsedMail> {
  const email = await parseHeaders(block);
  if (typeof email === 'string') return { ok: false, invalid: { location: origin.location, reason: email } };
  const headers = email.headers;
  const dates = datesOf(headers);
  const from = mailboxAddresses(email.from)[0] ?? null;
  const problems: string[] = [];
  if (dates.problem !== null) problems.push(dates.problem);
  if (from === null) {
    const fromValue = firstValue(headers, 'from');
    problems.push(fromValue === undefined ? 'no From header' : `no address in From header ${quote(fromValue)}`);
  }
  if (problems.length > 0 || dates.sentAt === null || dates.receivedAt === null) {
    return { ok: false, invalid: { location: origin.location, reason: problems.join('; ') } };
  }

  const messageId = messageIds(email.messageId)[0] ?? null;
  const id = messageId ?? origin.location;
  const subject = (email.subject ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const folder = origin.folder === 'other' ? (gmailFolder(headers) ?? 'other') : origin.folder;
  const message: SourceMessage = {
    meta: {
      id,
      receivedAt: dates.receivedAt,
      sentAt: dates.sentAt,
      from,
      sender: mailboxAddresses(email.sender)[0] ?? null,
      to: mailboxAddresses(email.to),
      cc: mailboxAddresses(email.cc),
      folder,
      isDraft: folder === 'drafts',
      categories: categoriesOf(headers),
      inference: null,
      automatic: detectAutomatic(headers.map((header) => ({ name: header.key, value: header.value }))),
      subject,
    },
    conversation: {
      kind: 'thread',
      thread: threadInfo({
        messageId: email.messageId,
        references: email.references,
        inReplyTo: email.inReplyTo,
        subject,
        ownId: id,
      }),
    },
    identity: messageId === null ? [] : [messageIdKey(messageId)],
    matchByContent: true,
  };
  return { ok: true, message };
}
