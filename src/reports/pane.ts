// The Outlook pane's read: which of the signed-in person's pairings hold the message Outlook shows (by its
// RFC 5322 Message-ID), and for each what the engine says about it (counted or excluded, the clock, the
// answer and who sent it, the conversation's other waiting mail) with this week's figures, plus when the
// mailbox last synced. The message's status depends only on its own conversation (answers are found per
// conversation), so the engine evaluates that conversation rather than all mail since the message arrived.
import { weekAt, weekPeriod } from '../kpi/weeks.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import type { Queryable } from '../store/database.ts';
import { listMarkDetails } from '../store/marks.ts';
import { findMessageByInternetId } from '../store/messages.ts';
import { findPairingsNaming, type Pairing } from '../store/pairings.ts';
import { readSyncState, SYNC_SCOPES } from '../store/sync-state.ts';
import { roleIn, type Actor, type PairingRole } from './access.ts';
import { loadConversationInput } from './kpi-input.ts';
import { messageRows, waitingRows, type MessageRow } from './message-rows.ts';
import type { Reports } from './reports.ts';

export interface PanePairing {
  readonly id: string;
  readonly mailbox: string;
  readonly role: PairingRole;
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

/** The pairings the actor is owner or VA of, with their roles. */
export async function pairingsOf(db: Queryable, actor: Actor): Promise<Array<{ pairing: Pairing; role: PairingRole }>> {
  return (await findPairingsNaming(db, actor.tenantId, actor.userId)).flatMap((pairing) => {
    const role = roleIn(pairing, actor);
    return role === null ? [] : [{ pairing, role }];
  });
}

async function describe(db: Queryable, pairing: Pairing, role: PairingRole): Promise<PanePairing> {
  const state = await readSyncState(db, pairing.id, SYNC_SCOPES.mailbox);
  const { settings } = pairing;
  return { id: pairing.id, mailbox: pairing.mailbox, role, timeZone: resolveTimeZone(settings.timeZone)!, clock: settings.clock, windowHours: settings.windowHours, noReplyCategory: settings.noReplyCategory, lastSyncAt: state?.lastSuccessAt ?? null };
}

async function matchFor(db: Queryable, reports: Pick<Reports, 'week'>, described: PanePairing, pairing: Pairing, message: { id: string; conversationId: string; receivedAt: number }, now: number): Promise<PaneMatch> {
  const week = weekAt(pairing.settings, now);
  const period = { from: weekPeriod(weekAt(pairing.settings, Math.min(message.receivedAt, now))).from, to: weekPeriod(week).to };
  const [input, marks, current] = await Promise.all([
    loadConversationInput(db, pairing, period, message.conversationId, now),
    listMarkDetails(db, pairing.id),
    reports.week(pairing, week, now),
  ]);
  const rows = messageRows(input, marks);
  return {
    pairing: described,
    messageId: message.id,
    message: rows.find((row) => row.id === message.id) ?? null,
    conversationWaiting: waitingRows(rows).filter((row) => row.id !== message.id),
    week: { week, rate: current.week.rate, met: current.week.met, targetPct: pairing.settings.responseTargetPct, counted: current.week.counted, onTime: current.week.onTime, pending: current.week.pending },
  };
}

export async function paneView(db: Queryable, reports: Pick<Reports, 'week'>, actor: Actor, query: PaneQuery, now: number): Promise<PaneAnswer> {
  const mine = await pairingsOf(db, actor);
  const described = await Promise.all(mine.map(async ({ pairing, role }) => ({ described: await describe(db, pairing, role), pairing })));
  const matches: PaneMatch[] = [];
  for (const { described: pane, pairing } of described) {
    const message = await findMessageByInternetId(db, pairing.id, query.internetMessageId);
    if (message !== null) matches.push(await matchFor(db, reports, pane, pairing, message, now));
  }
  if (matches.length > 0) return { state: 'found', matches };
  const pairings = described.map((entry) => entry.described);
  if (pairings.length === 0) return { state: 'noPairing', pairings };
  const arrived = query.receivedAt ?? now;
  const behind = pairings.some((pairing) => pairing.lastSyncAt === null || pairing.lastSyncAt < arrived);
  return { state: behind ? 'notSynced' : 'notTandem', pairings };
}
