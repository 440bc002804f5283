// The Graph side of a mailbox sync, one step at a time (one page, or one cycle's batch): a backfill of the
// last N days newest first, then mailbox-wide sweeps of what changed since a watermark. A sweep over
// `lastModifiedDateTime` sees new mail, replies, moves to any folder and category changes in one request
// when nothing changed; a message deleted outright drops out of it, which is right for the KPI: deleted
// inbound mail stays counted (kpi-spec), so Tandem keeps what it has already read.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import type { FolderKind, MessageMeta } from '../kpi/message.ts';
import type { Clock } from '../ports/clock.ts';
import type { MailboxDefaults, MailboxSource, MailboxSyncRequest, MailboxSyncStep } from '../ports/mailbox.ts';
import type { Logger } from '../log.ts';
import { graphMessageSchema } from '../sources/graph-schema.ts';
import { graphMessageMeta, type AutomaticDetection } from '../sources/graph-message.ts';
import { batchGet, okBody, type BatchGet, type BatchOptions } from './batch.ts';
import type { GraphClient } from './graph-client.ts';
import { mailboxDefaultsOf, mailboxSettingsSchema, readInboxCounts } from './mailbox-reads.ts';
import { keepInboxSubscription } from './inbox-subscription.ts';
import { IMMUTABLE_ID_PREFERENCE, messageSelect } from './message-select.ts';
import { observeOutOfOffice } from './out-of-office.ts';
import { explainSyncError } from './sync-errors.ts';
import { readSyncPosition, SYNC_POSITION_VERSION, syncProgressOf, type SyncPosition } from '../store/sync-position.ts';

/** Graph's largest page of messages. */
export const MAX_PAGE_SIZE = 1_000;
export const DEFAULT_BACKFILL_DAYS = 90;
/** Sweeps re-read this much before the watermark: Exchange may index a change a little after stamping it. */
export const SWEEP_OVERLAP_MS = 5 * 60 * 1000;
/** Verified domains change rarely; read them once a day. */
export const DOMAINS_EVERY_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The Inbox's ids are listed at least this often, whatever its count says (reconcileInbox). */
export const INBOX_LISTING_EVERY_MS = 60 * 60 * 1000;

/** Folders the KPI spec tells apart, by Graph's well-known names (= Tandem's FolderKind). */
const WELL_KNOWN_FOLDERS: readonly Exclude<FolderKind, 'other'>[] = ['inbox', 'sentitems', 'drafts', 'outbox', 'junkemail', 'deleteditems', 'archive'];
/**
 * Holds Skype and Teams conversation items, not mail. Teams' own copies of chats sit in a hidden folder
 * (README, "What a sync reads"); both are listed by `/users/{id}/messages`.
 */
const CONVERSATION_HISTORY = 'conversationhistory' as const;
const FIRST_FOLDER_READS: ReadonlyArray<(typeof WELL_KNOWN_FOLDERS)[number] | typeof CONVERSATION_HISTORY> = [...WELL_KNOWN_FOLDERS, CONVERSATION_HISTORY];
/** A mailbox without these is not a mailbox Tandem can measure. */
const REQUIRED_FOLDERS: ReadonlySet<FolderKind> = new Set(['inbox', 'sentitems']);

const pageSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().nullish() });
const inboxPageSchema = z.object({ value: z.array(z.object({ id: z.string(), receivedDateTime: z.string().nullish() })), '@odata.nextLink': z.string().nullish() });
const inboxTotalSchema = z.object({ totalItemCount: z.number().int().nonnegative() });
const folderSchema = z.object({ id: z.string(), isHidden: z.boolean().nullish(), parentFolderId: z.string().nullish() });
const organizationSchema = z.object({ value: z.array(z.object({ verifiedDomains: z.array(z.object({ name: z.string() })).nullish() })) });

export interface GraphMailboxSourceOptions {
  readonly graph: Pick<GraphClient, 'get' | 'post' | 'patch'>;
  /** `headers` needs Mail.Read; `basic` works with Mail.ReadBasic.All (README: what each costs). */
  readonly mode: AutomaticDetection;
  readonly backfillDays?: number;
  readonly pageSize?: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Waits and randomness of batch retries (tests make them instant and seeded). */
  readonly batch?: Omit<BatchOptions, 'logger'>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const userPath = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;
/**
 * The backstop's id listing of the Inbox, from the backfill's first day: the store holds nothing older, so
 * older Inbox mail (often most of a full Inbox) needs no listing; the Inbox's count covers it.
 */
const inboxIds = (mailbox: string, from: number): BatchGet => ({
  url: `${userPath(mailbox)}/mailFolders/inbox/messages?$filter=receivedDateTime ge ${iso(from)}&$select=id,receivedDateTime&$top=${MAX_PAGE_SIZE}`,
  headers: { Prefer: IMMUTABLE_ID_PREFERENCE },
});

/** How many items the store will hold as in the Inbox once this cycle's messages and removals are written. */
function trackedInInbox(stored: readonly string[], messages: readonly MessageMeta[], gone: readonly string[]): number {
  const inInbox = new Set(stored);
  for (const message of messages) {
    if (message.folder === 'inbox') inInbox.add(message.id);
    else inInbox.delete(message.id);
  }
  for (const id of gone) inInbox.delete(id);
  return inInbox.size;
}

/** What the sync knows of the mailbox's folders (part of the position). */
type KnownFolders = Pick<SyncPosition, 'folders' | 'notMail'>;

interface Listing {
  readonly known: KnownFolders;
  readonly messages: MessageMeta[];
  /** The earliest receivedDateTime on the page (epoch ms), null for an empty page. */
  readonly oldestReceived: number | null;
  readonly nextLink: string | null;
  readonly newestModified: number | null;
  readonly oldestModified: number | null;
}

export function graphMailboxSource(options: GraphMailboxSourceOptions): MailboxSource {
  const { graph, mode, clock, logger } = options;
  const backfillDays = options.backfillDays ?? DEFAULT_BACKFILL_DAYS;
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  const preferList = { Prefer: `${IMMUTABLE_ID_PREFERENCE}, odata.maxpagesize=${pageSize}` };
  const batchOptions: BatchOptions = { ...options.batch, logger };

  const backfillUrl = (mailbox: string, since: number) =>
    `${userPath(mailbox)}/messages?$filter=receivedDateTime ge ${iso(since)}&$orderby=receivedDateTime desc&$select=${messageSelect(mode)}&$top=${pageSize}`;
  // Graph wants $orderby's property first in $filter (InefficientFilter otherwise).
  const sweepFrom = (mailbox: string, from: number, since: number) =>
    `${userPath(mailbox)}/messages?$filter=lastModifiedDateTime ge ${iso(from)} and receivedDateTime ge ${iso(since)}&$orderby=lastModifiedDateTime asc&$select=${messageSelect(mode)}&$top=${pageSize}`;
  const sweepUrl = (mailbox: string, watermark: number, since: number) => sweepFrom(mailbox, watermark - SWEEP_OVERLAP_MS, since);

  /**
   * Where a sweep goes on. Not Graph's nextLink: for messages it keeps a position in the sorted list
   * (https://learn.microsoft.com/graph/paging), and mail changed meanwhile moves to the end of a list sorted by
   * `lastModifiedDateTime`, shifting what follows past the position. The next page is instead asked afresh
   * from the newest instant read so far: a change moves an item later, never before it. Ties at that instant
   * are read again (harmless); a page all at one instant follows Graph's link, since asking afresh would
   * return the same page.
   */
  function sweepNext(mailbox: string, listing: Listing): string | null {
    if (listing.nextLink === null || listing.newestModified === null || listing.newestModified === listing.oldestModified) return listing.nextLink;
    return sweepFrom(mailbox, listing.newestModified, clock.now() - backfillDays * DAY_MS);
  }

  /**
   * Reads one page of messages. Only mail counts: `/users/{id}/messages` also lists the Teams chat copies
   * Exchange keeps in a hidden folder (Graph's known issues; their subject is no reliable mark), so an item
   * counts only when its folder is a mail folder: a well-known one, or one Graph says is not hidden.
   */
  async function readPage(body: unknown, known: KnownFolders, mailbox: string): Promise<Listing> {
    const page = pageSchema.parse(body);
    const parsed: Array<{ id: string; message: z.infer<typeof graphMessageSchema> }> = [];
    for (const item of page.value) {
      const result = graphMessageSchema.safeParse(item);
      const id = result.success ? result.data.id : null;
      if (!result.success || id == null) {
        logger.warn('graph_message_unreadable', { mailbox, reason: result.success ? 'no id' : result.error.issues[0]?.message });
        continue;
      }
      parsed.push({ id, message: result.data });
    }
    const learned = await learnFolders(mailbox, known, parsed.map(({ message }) => message.parentFolderId));
    const notMail = new Set(learned.notMail);
    const messages: MessageMeta[] = [];
    let newestModified: number | null = null;
    let oldestModified: number | null = null;
    for (const { id, message } of parsed) {
      const modified = message.lastModifiedDateTime == null ? NaN : Date.parse(message.lastModifiedDateTime);
      // A skipped item still moves the watermark: it was read.
      if (!Number.isNaN(modified)) {
        newestModified = Math.max(newestModified ?? modified, modified);
        oldestModified = Math.min(oldestModified ?? modified, modified);
      }
      if (message.parentFolderId != null && notMail.has(message.parentFolderId)) continue;
      const folder = (message.parentFolderId == null ? undefined : learned.folders[message.parentFolderId]) ?? 'other';
      const meta = graphMessageMeta(message, id, folder, mode);
      if (typeof meta === 'string') {
        logger.warn('graph_message_unreadable', { mailbox, id, reason: meta });
        continue;
      }
      messages.push({ ...meta, conversationId: message.conversationId ?? `self:${id}` });
    }
    const oldestReceived = messages.length === 0 ? null : Math.min(...messages.map((message) => message.receivedAt));
    return { known: learned, messages, nextLink: page['@odata.nextLink'] ?? null, newestModified, oldestModified, oldestReceived };
  }

  /**
   * Reads the folders a page names that the sync has not met yet (one batch) and remembers whether each
   * holds mail: a hidden folder, or one under a folder holding no mail, does not. A folder gone meanwhile
   * stays unknown (its items count as `other` this time).
   */
  async function learnFolders(mailbox: string, known: KnownFolders, parentIds: ReadonlyArray<string | null | undefined>): Promise<KnownFolders> {
    const notMail = new Set(known.notMail);
    const unknown = [...new Set(parentIds.filter((id): id is string => id != null && known.folders[id] === undefined && !notMail.has(id)))];
    if (unknown.length === 0) return known;
    const requests = unknown.map((id) => ({ url: `${userPath(mailbox)}/mailFolders/${encodeURIComponent(id)}?$select=id,isHidden,parentFolderId`, headers: { Prefer: IMMUTABLE_ID_PREFERENCE } }));
    const answers = await batchGet(graph, requests, batchOptions);
    const found = answers.flatMap((answer, index) => (answer.status === 404 ? [] : [folderSchema.parse(okBody(answer, requests[index]!.url))]));
    for (const folder of found) if (folder.isHidden === true) notMail.add(folder.id);
    const folders = { ...known.folders };
    for (const folder of found) {
      if (notMail.has(folder.id)) continue;
      if (folder.parentFolderId != null && notMail.has(folder.parentFolderId)) notMail.add(folder.id);
      else folders[folder.id] = 'other';
    }
    logger.info('graph_folders_learned', { mailbox, mail: found.length - (notMail.size - known.notMail.length), notMail: notMail.size - known.notMail.length });
    return { folders, notMail: [...notMail] };
  }

  /** Continues a listing (backfill or sweep) from its nextLink: one request. */
  async function continueListing(request: MailboxSyncRequest, position: SyncPosition): Promise<MailboxSyncStep> {
    const askedAt = clock.now();
    const listing = await readPage(await graph.get(position.nextLink!, { headers: preferList }), position, request.mailbox);
    return afterListing(request.mailbox, position, listing, askedAt, null, null, null);
  }

  /** `askedAt`: when the page was asked for (before any retry), the instant a finished sweep has read up to. */
  function afterListing(
    mailbox: string,
    position: SyncPosition,
    listing: Listing,
    askedAt: number,
    outOfOffice: MailboxSyncStep['outOfOffice'],
    verifiedDomains: readonly string[] | null,
    mailboxSettings: MailboxDefaults | null,
    goneFromInbox: readonly string[] = [],
  ): MailboxSyncStep {
    const backfilling = position.phase === 'backfill';
    const nextLink = backfilling ? listing.nextLink : sweepNext(mailbox, listing);
    const fetched = position.backfill.fetched + (backfilling ? listing.messages.length : 0);
    const next: SyncPosition = {
      ...position,
      ...listing.known,
      nextLink,
      phase: backfilling && nextLink === null ? 'incremental' : position.phase,
      backfill: { ...position.backfill, fetched, ...oldest(position.backfill.oldestReceived, backfilling ? listing.oldestReceived : null) },
      watermark: backfilling ? position.watermark : sweptTo(position.watermark, listing.newestModified, nextLink === null ? askedAt : null),
    };
    return {
      messages: listing.messages,
      position: next,
      more: nextLink !== null,
      progress: { phase: backfilling ? 'backfill' : 'incremental', fetched, fraction: backfilling ? (syncProgressOf(next)?.fraction ?? null) : null },
      outOfOffice,
      verifiedDomains,
      mailboxSettings,
      ...(goneFromInbox.length > 0 ? { goneFromInbox } : {}),
    };
  }

  /**
   * The watermark after a sweep's page. A backfill leaves it where it began, so a sweep later sees what changed
   * meanwhile. A finished sweep has read everything Exchange had indexed when its last page was asked for
   * (`finishedAt`, taken before the request, so retries and reads after it do not count), and indexing lags a
   * change by less than SWEEP_OVERLAP_MS; so the watermark may move up to that instant less the lag (the next
   * sweep re-reads one more overlap on top), and a mailbox where nothing changed gets an empty sweep instead of
   * re-reading its newest message every cycle.
   */
  function sweptTo(watermark: number, newestModified: number | null, finishedAt: number | null): number {
    return Math.max(watermark, newestModified ?? watermark, finishedAt === null ? watermark : finishedAt - SWEEP_OVERLAP_MS);
  }

  /**
   * The backstop for moves the sweep cannot see. The sweep finds changes by `lastModifiedDateTime`, and no
   * Microsoft document promises that a move changes it; a folder's delta documents `@removed` for items that
   * left but not that a move out produces it (https://learn.microsoft.com/graph/delta-query-messages). Listing
   * the Inbox's ids settles it, but costs a request per 1,000 items, so a cycle lists them only when the
   * Inbox's `totalItemCount` (https://learn.microsoft.com/graph/api/resources/mailfolder, read inside the
   * cycle's batch) differs from what the store holds as in the Inbox plus the items Tandem does not track
   * (older than the backfill), or when the last listing is INBOX_LISTING_EVERY_MS old: a move out and a move
   * in within one cycle leave the count alone, and the hourly listing bounds how long such a pair goes unseen.
   * An item that left is read by id (its new folder), or is gone outright; an item that arrived from another
   * folder (out of Junk) is read by id too.
   */
  async function reconcileInbox(mailbox: string, firstPage: unknown, stored: readonly string[], listing: Listing, since: number): Promise<{ listing: Listing; gone: string[] }> {
    const inInbox = new Set<string>();
    const recent: string[] = [];
    for (let page = inboxPageSchema.parse(firstPage); ; ) {
      for (const item of page.value) {
        inInbox.add(item.id);
        const received = item.receivedDateTime == null ? NaN : Date.parse(item.receivedDateTime);
        // Older mail was never read by the backfill: Tandem does not count it, wherever it sits.
        if (!(received < since)) recent.push(item.id);
      }
      const next = page['@odata.nextLink'];
      if (!next) break;
      page = inboxPageSchema.parse(await graph.get(next, { headers: { Prefer: IMMUTABLE_ID_PREFERENCE } }));
    }
    const storedIds = new Set(stored);
    const seen = new Set(listing.messages.map((message) => message.id));
    const movedOut = [...storedIds].filter((id) => !inInbox.has(id) && !seen.has(id));
    const movedIn = recent.filter((id) => !storedIds.has(id) && !seen.has(id));
    const ids = [...movedOut, ...movedIn];
    if (ids.length === 0) return { listing, gone: [] };
    const requests = ids.map((id) => ({ url: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}?$select=${messageSelect(mode)}`, headers: { Prefer: IMMUTABLE_ID_PREFERENCE } }));
    const answers = await batchGet(graph, requests, batchOptions);
    const gone = ids.filter((_, index) => answers[index]!.status === 404);
    const found = answers.flatMap((answer, index) => (answer.status === 404 ? [] : [okBody(answer, requests[index]!.url)]));
    const moved = await readPage({ value: found }, listing.known, mailbox);
    logger.info('graph_inbox_reconciled', { mailbox, movedOut: movedOut.length, movedIn: movedIn.length, gone: gone.length });
    return { listing: { ...listing, known: moved.known, messages: [...listing.messages, ...moved.messages] }, gone };
  }

  /** The start of a cycle: one batch with the first page and every read the cycle needs. */
  async function startCycle(request: MailboxSyncRequest, stored: SyncPosition | null): Promise<MailboxSyncStep> {
    const now = clock.now();
    const since = now - backfillDays * DAY_MS;
    const mailbox = request.mailbox;
    const position: SyncPosition = stored ?? {
      version: SYNC_POSITION_VERSION,
      phase: 'backfill',
      folders: {},
      notMail: [],
      backfill: { since, fetched: 0 },
      nextLink: null,
      watermark: now,
      outOfOffice: null,
      vaMailbox: null,
      domainsReadAt: null,
      inbox: null,
    };
    const requests: BatchGet[] = [];
    const add = (request: BatchGet) => requests.push(request) - 1;
    const folderSlots = stored === null ? FIRST_FOLDER_READS.map((name) => [name, add({ url: `${userPath(mailbox)}/mailFolders/${name}?$select=id`, headers: { Prefer: IMMUTABLE_ID_PREFERENCE } })] as const) : [];
    const listingSlot = add({
      url: position.phase === 'backfill' ? backfillUrl(mailbox, position.backfill.since) : sweepUrl(mailbox, position.watermark, since),
      headers: preferList,
    });
    const ownerSettingsSlot = add({ url: `${userPath(mailbox)}/mailboxSettings` });
    const vaSlot = request.va !== null && request.va !== mailbox && position.vaMailbox !== false ? add({ url: `${userPath(request.va)}/mailboxSettings?$select=automaticRepliesSetting` }) : null;
    const reconciling = position.phase === 'incremental' && request.storedInInbox !== undefined;
    const listingDue = reconciling && (position.inbox === null || now - position.inbox.listedAt >= INBOX_LISTING_EVERY_MS);
    const inboxIdsSlot = listingDue ? add(inboxIds(mailbox, position.backfill.since)) : null;
    const inboxCountSlot = reconciling ? add({ url: `${userPath(mailbox)}/mailFolders/inbox?$select=totalItemCount` }) : null;
    const domainsSlot = position.domainsReadAt === null || now - position.domainsReadAt >= DOMAINS_EVERY_MS ? add({ url: '/organization?$select=verifiedDomains' }) : null;

    const answers = await batchGet(graph, requests, batchOptions);

    const folders: Record<string, FolderKind> = { ...position.folders };
    const notMail = [...position.notMail];
    for (const [name, slot] of folderSlots) {
      const answer = answers[slot]!;
      if (answer.status === 404 && (name === CONVERSATION_HISTORY || !REQUIRED_FOLDERS.has(name))) continue; // e.g. no archive folder yet
      const id = z.object({ id: z.string() }).parse(okBody(answer, requests[slot]!.url)).id;
      if (name === CONVERSATION_HISTORY) notMail.push(id);
      else folders[id] = name;
    }
    const owner = mailboxSettingsSchema.parse(okBody(answers[ownerSettingsSlot]!, requests[ownerSettingsSlot]!.url));
    const mailboxSettings = mailboxDefaultsOf(owner);

    let vaMailbox = position.vaMailbox;
    let outOfOffice = position.outOfOffice;
    let record: MailboxSyncStep['outOfOffice'] = null;
    if (vaSlot !== null) {
      const answer = answers[vaSlot]!;
      if (answer.status === 404 || answer.status === 403) {
        // No mailbox in this tenant, or one the app is not allowed to read (an access policy): leave is then entered by hand.
        logger.info('va_mailbox_unreadable', { mailbox: request.va, status: answer.status });
        vaMailbox = false;
      } else {
        const settings = mailboxSettingsSchema.shape.automaticRepliesSetting.parse(z.object({ automaticRepliesSetting: z.unknown() }).parse(okBody(answer, requests[vaSlot]!.url)).automaticRepliesSetting);
        vaMailbox = true;
        const step = observeOutOfOffice(
          outOfOffice,
          {
            status: settings.status,
            scheduledStart: settings.scheduledStartDateTime ? utcMillis(settings.scheduledStartDateTime) : null,
            scheduledEnd: settings.scheduledEndDateTime ? utcMillis(settings.scheduledEndDateTime) : null,
          },
          now,
        );
        outOfOffice = step.open;
        record = step.record;
      }
    }

    let verifiedDomains: string[] | null = null;
    let domainsReadAt = position.domainsReadAt;
    if (domainsSlot !== null) {
      const answer = answers[domainsSlot]!;
      if (answer.status === 403) logger.warn('verified_domains_unreadable', { status: answer.status });
      else {
        verifiedDomains = organizationSchema.parse(okBody(answer, requests[domainsSlot]!.url)).value.flatMap((org) => (org.verifiedDomains ?? []).map((domain) => domain.name));
        domainsReadAt = now;
      }
    }

    let listing = await readPage(okBody(answers[listingSlot]!, requests[listingSlot]!.url), { folders, notMail }, mailbox);
    let gone: string[] = [];
    let inbox = position.inbox;
    if (inboxCountSlot !== null) {
      const stored = await request.storedInInbox!();
      const total = inboxTotalSchema.parse(okBody(answers[inboxCountSlot]!, requests[inboxCountSlot]!.url)).totalItemCount;
      let firstPage = inboxIdsSlot === null ? null : okBody(answers[inboxIdsSlot]!, requests[inboxIdsSlot]!.url);
      // A sweep with more pages moves more mail once they are read: the count is compared next cycle.
      if (firstPage === null && listing.nextLink === null && trackedInInbox(stored, listing.messages, []) + inbox!.untracked !== total) {
        const ids = inboxIds(mailbox, position.backfill.since);
        firstPage = await graph.get(ids.url, { headers: ids.headers });
      }
      if (firstPage !== null) {
        ({ listing, gone } = await reconcileInbox(mailbox, firstPage, stored, listing, since));
        inbox = { untracked: total - trackedInInbox(stored, listing.messages, gone), listedAt: now };
      }
    }
    return afterListing(mailbox, { ...position, vaMailbox, outOfOffice, domainsReadAt, inbox }, listing, now, record, verifiedDomains, mailboxSettings, gone);
  }

  return {
    async sync(request) {
      const stored = readSyncPosition(request.position);
      if (request.position !== null && stored === null) logger.warn('sync_position_reset', { mailbox: request.mailbox });
      try {
        return await (stored?.nextLink ? continueListing(request, stored) : startCycle(request, stored));
      } catch (error) {
        throw explainSyncError(error, request.mailbox, request.locale);
      }
    },
    async inboxItemCount(mailbox) {
      return (await readInboxCounts(graph, mailbox)).totalItemCount;
    },
    keepSubscription: (mailbox, stored, target) => keepInboxSubscription(graph, mailbox, stored, target, clock.now()),
  };
}

/** The earlier of two instants, as the position's optional field. */
function oldest(stored: number | undefined, page: number | null): { oldestReceived?: number } {
  const candidates = [stored, page ?? undefined].filter((value): value is number => value !== undefined);
  return candidates.length === 0 ? {} : { oldestReceived: Math.min(...candidates) };
}

/** Graph's dateTimeTimeZone (UTC by default, else the mailbox's zone by Windows or IANA name) as an instant. */
function utcMillis(value: { dateTime: string; timeZone: string }): number {
  const zone = resolveTimeZone(value.timeZone) ?? 'UTC';
  return DateTime.fromISO(value.dateTime, { zone, setZone: false }).toMillis();
}
