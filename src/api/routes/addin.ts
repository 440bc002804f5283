// The Outlook add-in's read: which of the signed-in user's pairings hold the message Outlook shows (by its
// RFC 5322 Message-ID), and for each what the engine says about it — counted or excluded, the clock, the
// answer, the conversation's other waiting mail and this week's rate — plus when the mailbox last synced.
// Marking goes through the pairing routes' mark endpoint (src/api/routes/messages.ts), like the tab's.
import { Hono } from 'hono';
import { z } from 'zod';
import { loadKpiInput } from '../../jobs/week-kpi.ts';
import { computeKpi } from '../../kpi/engine.ts';
import { resolveTimeZone } from '../../kpi/time-zone.ts';
import { listMarkDetails } from '../../store/marks.ts';
import { findMessageByInternetId } from '../../store/messages.ts';
import { listPairings, pairingPeople, type Pairing } from '../../store/pairings.ts';
import { readSyncState } from '../../store/sync-state.ts';
import type { Queryable } from '../../store/database.ts';
import { roleIn, type PairingRole } from '../access.ts';
import { authenticate, type ApiDependencies, type ApiEnv } from '../context.ts';
import { messageRows, waitingRows, type MessageRow } from '../message-rows.ts';
import { currentWeek, weekPeriod } from '../periods.ts';

/** The scope the mailbox sync records under (src/jobs/sync.ts). */
const MAILBOX_SCOPE = 'mailbox';
/** RFC 5322 limits a line to 998 characters; a Message-ID is far shorter. */
const MAX_MESSAGE_ID_LENGTH = 998;

export const addinQuery = z.object({
  internetMessageId: z.string().trim().min(3).max(MAX_MESSAGE_ID_LENGTH),
  /** When Outlook says the item arrived (ISO 8601), to tell "not synced yet" from "not a Tandem mailbox". */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

export type AnsweredBy = 'va' | 'owner' | 'other';

export interface AddinPairing {
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

export interface AddinMatch {
  readonly pairing: AddinPairing;
  /** Null when the item is mail the mailbox sent (Tandem measures received mail only). */
  readonly message: (MessageRow & { readonly answeredBy: AnsweredBy | null }) | null;
  /** Store id of the item, for the mark route. */
  readonly messageId: string;
  /** The conversation's other unanswered counted mail, oldest first. */
  readonly conversationWaiting: readonly MessageRow[];
  readonly week: { readonly week: string; readonly rate: number | null; readonly met: boolean | null; readonly targetPct: number; readonly counted: number; readonly onTime: number; readonly pending: number };
}

export type AddinAnswer =
  | { readonly state: 'found'; readonly matches: readonly AddinMatch[] }
  /** The user is in no pairing at all. */
  | { readonly state: 'noPairing'; readonly pairings: readonly AddinPairing[] }
  /** Some pairing has not synced past the item's arrival yet. */
  | { readonly state: 'notSynced'; readonly pairings: readonly AddinPairing[] }
  /** Every pairing is synced and none holds the item. */
  | { readonly state: 'notTandem'; readonly pairings: readonly AddinPairing[] };

/** The spec's answeredBy, from the address the row reports (`sender`, else `from`). */
function answeredBy(row: MessageRow, pairing: Pairing): AnsweredBy | null {
  if (row.answeredFrom === null) return row.answeredAt === null ? null : 'other';
  const people = pairingPeople(pairing, []);
  if (people.va.includes(row.answeredFrom)) return 'va';
  return people.owner.includes(row.answeredFrom) ? 'owner' : 'other';
}

async function describePairing(db: Queryable, pairing: Pairing, role: PairingRole): Promise<AddinPairing> {
  const state = await readSyncState(db, pairing.id, MAILBOX_SCOPE);
  const { settings } = pairing;
  return { id: pairing.id, mailbox: pairing.mailbox, role, timeZone: resolveTimeZone(settings.timeZone)!, clock: settings.clock, windowHours: settings.windowHours, noReplyCategory: settings.noReplyCategory, lastSyncAt: state?.lastSuccessAt ?? null };
}

/**
 * One engine run from the message's week to the current week: the message's row, its conversation's other
 * waiting rows and the current week's figures all come from the same evaluation.
 */
async function matchFor(db: Queryable, pairing: AddinPairing & { readonly source: Pairing }, messageId: string, receivedAt: number, now: number): Promise<AddinMatch> {
  const { source } = pairing;
  const week = currentWeek(source.settings, now);
  const messageWeek = weekPeriod(currentWeek(source.settings, Math.min(receivedAt, now)));
  const period = { from: messageWeek.from, to: weekPeriod(week).to };
  const input = await loadKpiInput(db, source, period, now);
  const rows = messageRows(input, await listMarkDetails(db, source.id));
  const conversationOf = new Map(input.messages.map((message) => [message.id, message.conversationId]));
  const row = rows.find((candidate) => candidate.id === messageId) ?? null;
  const conversation = conversationOf.get(messageId);
  const current = computeKpi(input).weeks.at(-1)!;
  const { source: _source, ...described } = pairing;
  return {
    pairing: described,
    messageId,
    message: row === null ? null : { ...row, answeredBy: answeredBy(row, source) },
    conversationWaiting: waitingRows(rows).filter((other) => other.id !== messageId && conversationOf.get(other.id) === conversation),
    week: { week, rate: current.rate, met: current.met, targetPct: source.settings.responseTargetPct, counted: current.counted, onTime: current.onTime, pending: current.pending },
  };
}

export function addinRoutes({ db, clock, validateToken }: ApiDependencies) {
  return new Hono<ApiEnv>().use('*', authenticate(validateToken)).get('/message', async (c) => {
    const query = addinQuery.parse(c.req.query());
    const user = c.get('user');
    const now = clock.now();
    const mine = (await listPairings(db)).flatMap((pairing) => {
      const role = roleIn(pairing, user);
      return role === null ? [] : [{ pairing, role }];
    });
    const described = await Promise.all(mine.map(async ({ pairing, role }) => ({ ...(await describePairing(db, pairing, role)), source: pairing })));
    const matches: AddinMatch[] = [];
    for (const pairing of described) {
      const message = await findMessageByInternetId(db, pairing.id, query.internetMessageId);
      if (message !== null) matches.push(await matchFor(db, pairing, message.id, message.receivedAt, now));
    }
    if (matches.length > 0) return c.json({ state: 'found', matches } satisfies AddinAnswer);
    const pairings = described.map(({ source: _source, ...pairing }) => pairing);
    if (pairings.length === 0) return c.json({ state: 'noPairing', pairings } satisfies AddinAnswer);
    const arrived = query.receivedAt === undefined ? now : Date.parse(query.receivedAt);
    const behind = pairings.some((pairing) => pairing.lastSyncAt === null || pairing.lastSyncAt < arrived);
    return c.json({ state: behind ? 'notSynced' : 'notTandem', pairings } satisfies AddinAnswer);
  });
}
