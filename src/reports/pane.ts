// The Outlook pane's read: which of the signed-in person's pairings hold the message Outlook shows (by its
// RFC 5322 Message-ID), and for each what the engine says about it (counted or excluded, the clock, the
// answer and who sent it, the conversation's other waiting mail) with this week's figures, plus when the
// mailbox last synced. The message's status depends only on its own conversation (answers are found per
// conversation), so the engine evaluates that conversation rather than all mail since the message arrived.
// Per request the store is asked once per pairing, for the message's conversation with its marks; the person's
// pairings, when their mailboxes last synced, their people and pauses, and this week's figures are the read
// models' (kept like every report, dropped on a change).
import type { KpiInput } from '../kpi/engine.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { weekAt, weekPeriod } from '../kpi/weeks.ts';
import type { Queryable } from '../store/database.ts';
import { findConversationByInternetId, type MarkedMessages } from '../store/messages.ts';
import type { Pairing } from '../store/pairings.ts';
import type { Actor, PairingRole } from './access.ts';
import { periodStart } from './kpi-input.ts';
import { messageRows, waitingRows, type MessageRow } from './message-rows.ts';
import { displayName } from './people.ts';
import type { Reports } from './reports.ts';

/**
 * How far before the message's arrival its conversation is read: the engine's period starts on the Monday of
 * the message's week, at most a week (and a daylight-saving hour) earlier. Older mail is dropped below, exactly.
 */
const LOOK_BACK_MS = 8 * 86_400_000;

export interface PanePairing {
  readonly id: string;
  readonly mailbox: string;
  readonly role: PairingRole;
  /** The other side's display name (the address until Teams has shown one): the pane says who the reader works with. */
  readonly partner: string;
  readonly timeZone: string;
  readonly clock: 'calendar' | 'working';
  readonly windowHours: number;
  /** The Outlook category that means "no reply needed" for this pairing, mirrored by the pane. */
  readonly noReplyCategory: string;
  readonly lastSyncAt: number | null;
}

export interface PaneMatch {
  readonly pairing: PanePairing;
  /** Null when the item is mail the mailbox sent (Tandem measures received mail only). */
  readonly message: MessageRow | null;
  /** Store id of the item, for the mark action. */
  readonly messageId: string;
  /** The conversation's other unanswered counted mail, oldest first. */
  readonly conversationWaiting: readonly MessageRow[];
  readonly week: { readonly week: string; readonly rate: number | null; readonly met: boolean | null; readonly targetPct: number; readonly counted: number; readonly onTime: number; readonly pending: number };
}

export type PaneAnswer =
  | { readonly state: 'found'; readonly matches: readonly PaneMatch[] }
  /** The person is in no pairing at all. */
  | { readonly state: 'noPairing'; readonly pairings: readonly PanePairing[] }
  /** Some pairing has not synced past the item's arrival yet. */
  | { readonly state: 'notSynced'; readonly pairings: readonly PanePairing[] }
  /** Every pairing is synced and none holds the item. */
  | { readonly state: 'notTandem'; readonly pairings: readonly PanePairing[] };

export interface PaneQuery {
  readonly internetMessageId: string;
  /** When Outlook says the item arrived, to tell "not synced yet" from "not a Tandem mailbox". */
  readonly receivedAt: number | null;
}

export type PaneReports = Pick<Reports, 'pairingsOf' | 'lastMailSync' | 'context' | 'week'>;

function describe(pairing: Pairing, role: PairingRole, lastSyncAt: number | null): PanePairing {
  const { settings } = pairing;
  return { id: pairing.id, mailbox: pairing.mailbox, role, partner: displayName(pairing[role === 'owner' ? 'va' : 'owner']), timeZone: resolveTimeZone(settings.timeZone)!, clock: settings.clock, windowHours: settings.windowHours, noReplyCategory: settings.noReplyCategory, lastSyncAt };
}

async function matchFor(reports: PaneReports, described: PanePairing, pairing: Pairing, found: MarkedMessages & { message: { id: string; receivedAt: number } }, now: number): Promise<PaneMatch> {
  const { settings } = pairing;
  const week = weekAt(settings, now);
  const period = { from: weekPeriod(weekAt(settings, Math.min(found.message.receivedAt, now))).from, to: weekPeriod(week).to };
  // Mail received before the period never belongs to it, and its answers are irrelevant here.
  const since = periodStart(period, settings);
  const [context, current] = await Promise.all([reports.context(pairing), reports.week(pairing, week, now)]);
  // No snapshots: per-message results (evaluate) never read them.
  const input: KpiInput = { messages: found.messages.filter((message) => message.receivedAt >= since), people: context.people, settings, paused: context.paused, marks: new Set(found.marks.keys()), now, period };
  const rows = messageRows(input, found.marks);
  return {
    pairing: described,
    messageId: found.message.id,
    message: rows.find((row) => row.id === found.message.id) ?? null,
    conversationWaiting: waitingRows(rows).filter((row) => row.id !== found.message.id),
    week: { week, rate: current.week.rate, met: current.week.met, targetPct: settings.responseTargetPct, counted: current.week.counted, onTime: current.week.onTime, pending: current.week.pending },
  };
}

export async function paneView(db: Queryable, reports: PaneReports, actor: Actor, query: PaneQuery, now: number): Promise<PaneAnswer> {
  const mine = await reports.pairingsOf(actor);
  const synced = await Promise.all(mine.map(({ pairing }) => reports.lastMailSync(pairing)));
  const described = mine.map(({ pairing, role }, index) => ({ described: describe(pairing, role, synced[index]!), pairing }));
  const matches: PaneMatch[] = [];
  for (const { described: pane, pairing } of described) {
    const found = await findConversationByInternetId(db, pairing.id, query.internetMessageId, now, LOOK_BACK_MS);
    if (found !== null) matches.push(await matchFor(reports, pane, pairing, found, now));
  }
  if (matches.length > 0) return { state: 'found', matches };
  const pairings = described.map((entry) => entry.described);
  if (pairings.length === 0) return { state: 'noPairing', pairings };
  const arrived = query.receivedAt ?? now;
  const behind = pairings.some((pairing) => pairing.lastSyncAt === null || pairing.lastSyncAt < arrived);
  return { state: behind ? 'notSynced' : 'notTandem', pairings };
}
