// Message metadata per pairing: batched upserts from syncs and imports, reads by receipt and by Message-ID (the
// Outlook pane's), and the retention purge; the KPI engine reads mail through kpi-source.ts. Metadata only: no
// body or preview has a column here.
import type { FolderKind, InferenceClass, MessageMeta } from '../kpi/message.ts';
import { atomically } from './atomically.ts';
import type { Queryable } from './database.ts';
import { prepared } from './prepared.ts';
import { isoInstant, millis } from './instants.ts';
import type { MarkDetail, MarkActor } from './marks.ts';
import { NotFoundError } from './not-found-error.ts';

/**
 * Rows per statement. Each chunk travels as one JSON parameter expanded by jsonb_to_recordset, which (unlike
 * unnest of parallel arrays) carries the per-row address arrays; 5,000 rows keep a statement near a few MB.
 */
export const UPSERT_CHUNK = 5_000;

const RECORD_TYPE = `r(id text, conversation_id text, received_at timestamptz, sent_at timestamptz, from_address text,
  sender_address text, to_addresses text[], cc_addresses text[], folder text, is_draft boolean, categories text[],
  inference text, automatic boolean, subject text, internet_message_id text, web_link text)`;

const DATA_COLUMNS = [
  'conversation_id',
  'received_at',
  'sent_at',
  'from_address',
  'sender_address',
  'to_addresses',
  'cc_addresses',
  'folder',
  'is_draft',
  'categories',
  'inference',
  'automatic',
  'subject',
  'internet_message_id',
  'web_link',
] as const;

// A re-synced message that did not change is left alone: no dead row, not counted as written.
const UPSERT_SQL = `
  insert into messages (pairing_id, id, ${DATA_COLUMNS.join(', ')})
  select $1::uuid, r.id, ${DATA_COLUMNS.map((column) => `r.${column}`).join(', ')}
  from jsonb_to_recordset($2::jsonb) as ${RECORD_TYPE}
  on conflict (pairing_id, id) do update set
    ${DATA_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}, deleted_in_mailbox = false, synced_at = now()
  where messages.deleted_in_mailbox
     or (${DATA_COLUMNS.map((column) => `messages.${column}`).join(', ')})
        is distinct from (${DATA_COLUMNS.map((column) => `excluded.${column}`).join(', ')})`;

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text PostgreSQL accepts: it refuses NUL in text and a lone UTF-16 surrogate in JSON, and one such character
 * in a damaged header must not abort a whole import. The same input always maps to the same text, so ids stay stable.
 */
export function storableText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

const storableOrNull = (text: string | null) => (text === null ? null : storableText(text));

function toRecord(message: MessageMeta) {
  return {
    id: storableText(message.id),
    conversation_id: storableText(message.conversationId),
    received_at: isoInstant(message.receivedAt),
    sent_at: isoInstant(message.sentAt),
    from_address: storableOrNull(message.from),
    sender_address: storableOrNull(message.sender),
    to_addresses: message.to.map(storableText),
    cc_addresses: message.cc.map(storableText),
    folder: message.folder,
    is_draft: message.isDraft,
    categories: message.categories.map(storableText),
    inference: message.inference,
    automatic: message.automatic,
    subject: storableText(message.subject),
    internet_message_id: message.internetMessageId === undefined ? null : storableText(message.internetMessageId),
    web_link: message.webLink === undefined ? null : storableText(message.webLink),
  };
}

/**
 * Inserts new messages and updates changed ones (a later copy of the same id wins); returns how many rows
 * were written, i.e. new or changed. Runs in one transaction; throws NotFoundError for an unknown pairing.
 */
export async function upsertMessages(db: Queryable, pairingId: string, messages: readonly MessageMeta[]): Promise<number> {
  // One statement may not touch a row twice, so the batch keeps the last copy of each (stored) id.
  const records = [...new Map(messages.map((message) => [storableText(message.id), message])).values()].map(toRecord);
  return atomically(db, async (tx) => {
    // The key-share lock keeps the pairing from being offboarded while its messages are written.
    const pairing = await tx.query('select 1 from pairings where id = $1 for key share', [pairingId]);
    if (pairing.length === 0) throw new NotFoundError('pairing', pairingId);
    let written = 0;
    for (let start = 0; start < records.length; start += UPSERT_CHUNK) {
      written += await tx.execute(UPSERT_SQL, [pairingId, JSON.stringify(records.slice(start, start + UPSERT_CHUNK))]);
    }
    return written;
  });
}

interface MessageRow {
  id: string;
  conversation_id: string;
  received_at: Date;
  sent_at: Date;
  from_address: string | null;
  sender_address: string | null;
  to_addresses: string[];
  cc_addresses: string[];
  folder: FolderKind;
  is_draft: boolean;
  categories: string[];
  inference: InferenceClass | null;
  automatic: boolean;
  subject: string;
  internet_message_id: string | null;
  web_link: string | null;
}

function toMessage(row: MessageRow): MessageMeta {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    receivedAt: millis(row.received_at),
    sentAt: millis(row.sent_at),
    from: row.from_address,
    sender: row.sender_address,
    to: row.to_addresses,
    cc: row.cc_addresses,
    folder: row.folder,
    isDraft: row.is_draft,
    categories: row.categories,
    inference: row.inference,
    automatic: row.automatic,
    subject: row.subject,
    ...(row.internet_message_id === null ? {} : { internetMessageId: row.internet_message_id }),
    ...(row.web_link === null ? {} : { webLink: row.web_link }),
  };
}

/**
 * The pairing's messages received at or after `sinceMs`, oldest first. Messages deleted in the mailbox are
 * included: the spec keeps them counted.
 */
export async function listMessagesSince(db: Queryable, pairingId: string, sinceMs: number): Promise<MessageMeta[]> {
  const rows = await db.query<MessageRow>(
    `select id, ${DATA_COLUMNS.join(', ')} from messages where pairing_id = $1 and received_at >= $2::timestamptz order by received_at, id`,
    [pairingId, isoInstant(sinceMs)],
  );
  return rows.map(toMessage);
}

/** A message row with its "no reply needed" mark, if any (left join on message_marks). */
interface MarkedRow extends MessageRow {
  marked_by: MarkActor | null;
  reason: string | null;
  marked_at: Date | null;
}

const MARKED_COLUMNS = `${['id', ...DATA_COLUMNS].map((column) => `m.${column}`).join(', ')}, mm.marked_by, mm.reason, mm.marked_at`;
/** Messages `m` with their marks `mm`; the pairing is part of the key, since imported mail of two mailboxes may share an id. */
export const MARKS_JOIN = 'left join message_marks mm on mm.pairing_id = m.pairing_id and mm.message_id = m.id';

const CONVERSATION_BY_INTERNET_ID = prepared(
  'conversation-by-internet-id',
  `with found as (
     select id, conversation_id, received_at from messages where pairing_id = $1 and internet_message_id = $2 order by received_at limit 1
   )
   select ${MARKED_COLUMNS}, m.id = found.id as found
   from found join messages m on m.pairing_id = $1 and m.conversation_id = found.conversation_id
     and m.received_at >= least(found.received_at, $3::timestamptz) - $4::bigint * interval '1 millisecond'
   ${MARKS_JOIN}
   order by m.received_at, m.id`,
);

/** Messages read with their marks, and the marks by message id (only those of these messages). */
export interface MarkedMessages {
  readonly messages: MessageMeta[];
  readonly marks: Map<string, MarkDetail>;
}

function toMarkedMessages(rows: readonly MarkedRow[]): MarkedMessages {
  const marks = new Map<string, MarkDetail>();
  for (const row of rows) if (row.marked_by !== null) marks.set(row.id, { by: row.marked_by, reason: row.reason!, at: millis(row.marked_at!) });
  return { messages: rows.map(toMessage), marks };
}

/**
 * The Outlook pane's read in one query: the pairing's message Outlook knows by this Message-ID (the earliest
 * received, should several share it) and its conversation's messages received from `lookBackMs` before it
 * arrived (or before `nowMs`, if it arrived later) on, oldest first, with their marks; null when the pairing
 * has no message with that Message-ID.
 */
export async function findConversationByInternetId(
  db: Queryable,
  pairingId: string,
  internetMessageId: string,
  nowMs: number,
  lookBackMs: number,
): Promise<(MarkedMessages & { readonly message: MessageMeta }) | null> {
  // Every value as text: PGlite then runs the read as a kept statement (src/store/pglite-statements.ts).
  const rows = await db.query<MarkedRow & { found: boolean }>(CONVERSATION_BY_INTERNET_ID, [pairingId, internetMessageId, isoInstant(nowMs), String(Math.round(lookBackMs))]);
  const found = rows.findIndex((row) => row.found);
  if (found < 0) return null;
  const marked = toMarkedMessages(rows);
  return { ...marked, message: marked.messages[found]! };
}

/** Whether the pairing's mailbox has a message with this id (marks may only name stored mail). */
export async function hasMessage(db: Queryable, pairingId: string, id: string): Promise<boolean> {
  const rows = await db.query('select 1 from messages where pairing_id = $1 and id = $2', [pairingId, id]);
  return rows.length > 0;
}

/** Ids of the pairing's messages stored in a folder. */
export async function listMessageIdsInFolder(db: Queryable, pairingId: string, folder: FolderKind): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select id from messages where pairing_id = $1 and folder = $2', [pairingId, folder]);
  return rows.map((row) => row.id);
}

/** Moves stored messages from one folder to another (mail deleted outright keeps being counted, elsewhere). */
export async function moveStoredMessages(db: Queryable, pairingId: string, ids: readonly string[], from: FolderKind, to: FolderKind): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.query<{ id: string }>('update messages set folder = $4 where pairing_id = $1 and id = any($2::text[]) and folder = $3 returning id', [pairingId, [...ids], from, to]);
  return rows.length;
}

export async function countMessages(db: Queryable, pairingId: string): Promise<number> {
  const [row] = await db.query<{ count: number }>('select count(*)::int as count from messages where pairing_id = $1', [pairingId]);
  return row?.count ?? 0;
}

/**
 * Retention: deletes every pairing's messages received before `cutoffMs`, and the "no reply needed" marks on
 * them; returns the number of messages deleted.
 */
export async function purgeMessagesOlderThan(db: Queryable, cutoffMs: number): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `with purged as (delete from messages where received_at < $1::timestamptz returning pairing_id, id),
          unmarked as (delete from message_marks m using purged p where m.pairing_id = p.pairing_id and m.message_id = p.id)
     select count(*)::int as count from purged`,
    [isoInstant(cutoffMs)],
  );
  return row?.count ?? 0;
}
