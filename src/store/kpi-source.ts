// What the KPI engine reads about one pairing, in one statement: the mail received since an instant with its
// marks, the pauses, the Inbox snapshots and the tenant's verified domains. Read as one JSON value because a
// report's input is what the uncached week API spends its time on: as four row sets it cost the server 0.6 ms
// of node-postgres row parsing (a timestamp parse per instant) and four round trips a request; as one JSON
// value, 0.12 ms and one (a scratch measurement of the week bench's data on PostgreSQL).
import type { FolderKind, InboxSnapshot, InferenceClass, Interval, MessageMeta } from '../kpi/message.ts';
import type { Queryable } from './database.ts';
import { isoInstant } from './instants.ts';
import type { MarkActor, MarkDetail } from './marks.ts';
import { MARKS_JOIN } from './messages.ts';
import { prepared } from './prepared.ts';

export interface KpiSource {
  /** Messages received at or after the instant asked for, oldest first (deleted ones included: the spec keeps them counted). */
  readonly messages: MessageMeta[];
  /** Who marked which of those messages "no reply needed", why and when. */
  readonly marks: Map<string, MarkDetail>;
  /** The pairing's pauses, in order of start. */
  readonly paused: Interval[];
  /** The pairing's Inbox snapshots, oldest first. */
  readonly snapshots: InboxSnapshot[];
  /** The tenant's verified domains; empty for an unknown tenant. */
  readonly verifiedDomains: string[];
}

// Instants travel as epoch milliseconds, cut as node-postgres cuts a timestamp's microseconds.
const ms = (column: string) => `floor(extract(epoch from ${column}) * 1000)::bigint`;

// Tuples, not objects: fewer bytes to build and to parse (0.44 of the objects' size on the bench's mail, 0.72 with
// Graph's long ids and web links). One JSON value may not exceed V8's longest string (about 512 MB), about 800,000
// messages of Graph's size received since the period began: far beyond any mailbox a person reads.
type MessageTuple = [
  id: string,
  conversationId: string,
  receivedAt: number,
  sentAt: number,
  from: string | null,
  sender: string | null,
  to: string[],
  cc: string[],
  folder: FolderKind,
  isDraft: boolean,
  categories: string[],
  inference: InferenceClass | null,
  automatic: boolean,
  subject: string,
  internetMessageId: string | null,
  webLink: string | null,
  markedBy: MarkActor | null,
  markReason: string | null,
  markedAt: number | null,
];
type SourceTuple = [messages: MessageTuple[], paused: [start: number, end: number][], snapshots: [takenAt: number, count: number][], verifiedDomains: string[]];

const KPI_SOURCE = prepared(
  'kpi-source',
  `select json_build_array(
     (select coalesce(json_agg(json_build_array(m.id, m.conversation_id, ${ms('m.received_at')}, ${ms('m.sent_at')}, m.from_address, m.sender_address,
                m.to_addresses, m.cc_addresses, m.folder, m.is_draft, m.categories, m.inference, m.automatic, m.subject, m.internet_message_id,
                m.web_link, mm.marked_by, mm.reason, ${ms('mm.marked_at')}) order by m.received_at, m.id), '[]'::json)
        from messages m ${MARKS_JOIN}
        where m.pairing_id = $1 and m.received_at >= $2::timestamptz),
     (select coalesce(json_agg(json_build_array(${ms('starts_at')}, ${ms('ends_at')}) order by starts_at, ends_at), '[]'::json)
        from paused_intervals where pairing_id = $1),
     (select coalesce(json_agg(json_build_array(${ms('taken_at')}, item_count) order by taken_at), '[]'::json)
        from inbox_snapshots where pairing_id = $1),
     coalesce((select to_json(verified_domains) from tenants where id = $3), '[]'::json)
   ) as source`,
);

function toMessage(tuple: MessageTuple): MessageMeta {
  const [id, conversationId, receivedAt, sentAt, from, sender, to, cc, folder, isDraft, categories, inference, automatic, subject, internetMessageId, webLink] = tuple;
  return {
    id,
    conversationId,
    receivedAt,
    sentAt,
    from,
    sender,
    to,
    cc,
    folder,
    isDraft,
    categories,
    inference,
    automatic,
    subject,
    ...(internetMessageId === null ? {} : { internetMessageId }),
    ...(webLink === null ? {} : { webLink }),
  };
}

/** The engine's stored input for the pairing (in `tenantId`), its mail from `sinceMs` on. */
export async function readKpiSource(db: Queryable, pairingId: string, tenantId: string, sinceMs: number): Promise<KpiSource> {
  const [row] = await db.query<{ source: SourceTuple }>(KPI_SOURCE, [pairingId, isoInstant(sinceMs), tenantId]);
  const [messages, paused, snapshots, verifiedDomains] = row!.source;
  const marks = new Map<string, MarkDetail>();
  for (const tuple of messages) if (tuple[16] !== null) marks.set(tuple[0], { by: tuple[16], reason: tuple[17]!, at: tuple[18]! });
  return {
    messages: messages.map(toMessage),
    marks,
    paused: paused.map(([start, end]) => ({ start, end })),
    snapshots: snapshots.map(([takenAt, count]) => ({ takenAt, count })),
    verifiedDomains,
  };
}
