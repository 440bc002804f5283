// What a bot turn works with: the services it may use, the chat's members, and who is speaking in which
// pairing. Handlers get this plain object; only the adapter knows botbuilder.
import type { ActionContext } from '../src/actions/action.ts';
import type { Logger } from '../src/log.ts';
import type { ChangeFeed } from '../src/ports/changes.ts';
import type { Directory } from '../src/ports/directory.ts';
import type { Actor } from '../src/reports/access.ts';
import type { Reports } from '../src/reports/reports.ts';
import type { Clock } from '../src/ports/clock.ts';
import type { MailboxDefaults } from '../src/ports/mailbox.ts';
import type { TaskChoices } from '../src/ports/tasks.ts';
import type { Database } from '../src/store/database.ts';
import { pairingOfChat, pairingsOfUser } from '../src/reports/chat-pairings.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { isPersonal, type Activity } from './activity.ts';
import type { Card } from './cards/card-parts.ts';
import type { ChatMember } from './cards/welcome-card.ts';

export interface BotDependencies {
  readonly db: Database;
  readonly clock: Clock;
  readonly log: Logger;
  /** The Teams app id (manifest `id`), for deep links to the KPI tab; null: no links. */
  readonly teamsAppId: string | null;
  /** The admin-consent URL while the tenant has not granted Tandem's Graph permissions, else null. */
  readonly consentUrl: (tenantId: string) => Promise<string | null>;
  /** The mailbox's own time zone and working hours, offered as set-up defaults; null when unreadable. */
  readonly mailboxDefaults?: (address: string) => Promise<MailboxDefaults | null>;
  /** Whose mail an address is: set-up lets Tandem read only the owner's own mailbox without an admin. */
  readonly directory: Directory;
  /** The owner's and the VA's Planner plans and To Do lists, offered at set-up; absent where Tandem reads no tasks. */
  readonly taskChoices?: TaskChoices;
  /** The read models and change feed the whole instance shares. */
  readonly reports: Reports;
  readonly changes: ChangeFeed;
  /**
   * Local mode's demo only: posts this week's scorecard into the chat now through the jobs' own path (CloudAdapter's
   * proactive post), so anyone can watch the scheduled ritual in the Agents Playground. Absent in a tenant.
   */
  readonly postScorecardNow?: (pairingId: string) => Promise<string | null>;
}

/** Per-turn access to the conversation, provided by the adapter. */
export interface ConversationTools {
  /** The chat's members (the Teams roster). */
  members(): Promise<ChatMember[]>;
}

export type { PairingRole as Role } from '../src/reports/access.ts';

/** What a handler produces: cards to post, and for card actions the card that replaces the one clicked. */
export interface BotResult {
  readonly post: readonly Card[];
  /**
   * Replaces the clicked card: for an invoke, for the person who clicked alone (the invoke response); for a message
   * (the Action.Submit fallback), which has no answer for one person, for everyone in the conversation.
   */
  readonly replace?: Card;
  /** Replaces the clicked card for everyone in the conversation (an activity update); may differ from `replace`. */
  readonly replaceForAll?: Card;
  /** For an invoke that cannot be handled: the 4xx status and why. */
  readonly refuse?: { readonly status: 400 | 403 | 404; readonly message: string };
}

export const posts = (...cards: Card[]): BotResult => ({ post: cards });
export const replaces = (card: Card, forAll = false): BotResult => ({ post: [], replace: card, ...(forAll ? { replaceForAll: card } : {}) });

export interface Turn {
  readonly activity: Activity;
  readonly deps: BotDependencies;
  readonly tools: ConversationTools;
  readonly now: number;
  readonly locale: string;
  /** Entra object id of the person acting (falls back to the channel id when Teams sent none). */
  readonly userId: string;
  /** The person acting, in the chat's tenant, as actions and read models know people. */
  readonly actor: Actor;
}

export const userIdOf = (account: { id: string; aadObjectId?: string | undefined }): string => account.aadObjectId ?? account.id;

/** What an action needs from a turn. */
export const actionContext = (turn: Turn): ActionContext => ({
  db: turn.deps.db,
  changes: turn.deps.changes,
  clock: turn.deps.clock,
  log: turn.deps.log,
  ...(turn.deps.taskChoices ? { taskChoices: turn.deps.taskChoices } : {}),
});

/**
 * The language of what the bot posts: in a group chat both people read it, so the pairing's shared language;
 * in a personal chat, or before set-up, the speaker's own.
 */
export function chatLocale(turn: Turn, pairing: Pairing | null): string {
  return pairing !== null && !isPersonal(turn.activity) ? pairing.locale : turn.locale;
}

/**
 * The language of a card that replaces the one clicked: an invoke's answer is shown to the person who clicked
 * alone, so theirs; an update (Action.Submit fallback) is seen by the whole chat.
 */
export function replyLocale(turn: Turn, pairing: Pairing | null): string {
  return turn.activity.type === 'invoke' ? turn.locale : chatLocale(turn, pairing);
}

/**
 * The pairing a turn is about: the group chat's own pairing, or in a personal chat one of the speaker's
 * pairings (the one named by the card's data when it is theirs, else the first).
 */
export async function pairingFor(turn: Turn, requestedId: string | null = null): Promise<Pairing | null> {
  if (!isPersonal(turn.activity)) {
    const pairing = await pairingOfChat(turn.deps.db, turn.activity.conversation.id);
    return pairing !== null && (requestedId === null || pairing.id === requestedId) ? pairing : null;
  }
  const mine = await pairingsOfUser(turn.deps.db, turn.userId);
  return (requestedId === null ? mine[0] : mine.find((pairing) => pairing.id === requestedId)) ?? null;
}
