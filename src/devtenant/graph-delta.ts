// The dev Graph's per-folder message delta: an initial round lists the folder, later rounds (from the
// `@odata.deltaLink`) list what entered or changed in it since, and `@removed` for what left (moved or
// deleted). Sync state lives here behind opaque tokens; an unknown or expired one answers 410
// SyncStateNotFound, as Exchange does when its token cache has dropped a state.
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { SYNC_STATE_NOT_FOUND } from './graph-faults.ts';
import { messageJson } from './graph-message-json.ts';
import { isFailure, matchesFilter, parseMessageQuery, type FilterClause } from './graph-query.ts';
import { ACCESS_DENIED, graphError, hasRole, immutableIds, ITEM_NOT_FOUND, ROLES, USER_NOT_FOUND, type GraphEnv, type GraphFailure } from './graph-response.ts';
import { contentAllowed, filterValues, pageSize } from './graph-messages.ts';
import { defaultMessageId, type MailboxStore } from './mailbox-store.ts';

/** One item of a round: a message to send as it is when its page is served, or to report as removed. */
interface PendingItem {
  readonly messageId: string;
  /** The default ids it had in this folder since the last round (it changes with each move in or out). */
  readonly defaultIds: readonly string[];
}

interface RoundScope {
  readonly mailboxId: string;
  readonly folderKey: string;
  readonly select: readonly string[] | undefined;
  readonly filter: readonly FilterClause[];
  /** `$top` of the first request: the round's page size, else `Prefer: odata.maxpagesize` per request. */
  readonly top: number | undefined;
}

type DeltaState =
  | { readonly kind: 'page'; readonly scope: RoundScope; readonly items: readonly PendingItem[]; readonly offset: number; readonly position: number }
  | { readonly kind: 'delta'; readonly scope: RoundScope; readonly position: number };

/** Exchange's token cache is bounded too: the oldest states go first. */
const MAX_STATES = 50_000;

export const SYNC_STATE_GONE: GraphFailure = { status: 410, ...SYNC_STATE_NOT_FOUND.error };

export class DeltaStates {
  private readonly states = new Map<string, DeltaState>();

  issue(state: DeltaState): string {
    const token = randomBytes(24).toString('base64url');
    this.states.set(token, state);
    if (this.states.size > MAX_STATES) this.states.delete(this.states.keys().next().value!);
    return token;
  }

  get(token: string): DeltaState | undefined {
    return this.states.get(token);
  }

  /** Forgets one state (an injected expiry) or all of them. */
  expire(token?: string): void {
    if (token === undefined) this.states.clear();
    else this.states.delete(token);
  }
}

export function registerDeltaRoutes(app: Hono<GraphEnv>, store: MailboxStore, baseUrl: string, states: DeltaStates): void {
  app.get('/v1.0/users/:user/mailFolders/:folder/messages/delta', (c) => {
    if (!hasRole(c, ROLES.mailRead)) return graphError(c, ACCESS_DENIED);
    const user = c.req.param('user');
    const mailbox = store.mailbox(user);
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const folder = store.folder(mailbox, c.req.param('folder'));
    if (!folder) return graphError(c, ITEM_NOT_FOUND);
    const params = new URL(c.req.url).searchParams;
    const token = params.get('$skiptoken') ?? params.get('$deltatoken');

    let state: DeltaState;
    if (token !== null) {
      const found = states.get(token);
      if (!found || found.scope.mailboxId !== mailbox.user.id || found.scope.folderKey !== folder.key) return graphError(c, SYNC_STATE_GONE);
      state = found;
    } else {
      const query = parseMessageQuery(params, { extra: [] });
      if (isFailure(query)) return graphError(c, query);
      // Message delta filters only on when mail arrived, and sorts only newest first (docs/graph-facts.md).
      if (query.filter.some((clause) => clause.property !== 'receivedDateTime' || (clause.op !== 'ge' && clause.op !== 'gt'))) {
        return graphError(c, { status: 400, code: 'BadRequest', message: 'Delta query on messages supports $filter on receivedDateTime ge or gt only.' });
      }
      if (query.orderBy.some((order) => order.property !== 'receivedDateTime' || !order.descending)) {
        return graphError(c, { status: 400, code: 'BadRequest', message: 'Delta query on messages supports $orderby receivedDateTime desc only.' });
      }
      state = { kind: 'delta', scope: { mailboxId: mailbox.user.id, folderKey: folder.key, select: query.select, filter: query.filter, top: query.top }, position: -1 };
    }
    const { scope } = state;
    const content = contentAllowed(c, { ...(scope.select ? { select: scope.select } : {}) });
    if (content.refused) return graphError(c, ACCESS_DENIED);

    // A delta link (or a first call, position -1) starts a round: what the folder holds, or what changed since.
    let round: Extract<DeltaState, { kind: 'page' }>;
    if (state.kind === 'page') round = state;
    else {
      const position = store.position();
      let items: PendingItem[];
      if (state.position < 0) {
        items = [...mailbox.messages.values()]
          .filter((stored) => stored.folder === folder.key)
          .sort((a, b) => b.message.receivedDateTime - a.message.receivedDateTime)
          .map((stored) => ({ messageId: stored.message.id, defaultIds: [defaultMessageId(stored.message.id, stored.folder, stored.moves)] }));
      } else {
        // One item per message, in the order of its latest change, with every default id it had here.
        const latest = new Map<string, Set<string>>();
        for (const change of store.changesSince(mailbox, folder.key, state.position)) {
          const ids = latest.get(change.messageId) ?? new Set<string>();
          latest.delete(change.messageId);
          latest.set(change.messageId, ids.add(change.defaultId));
        }
        items = [...latest].map(([messageId, ids]) => ({ messageId, defaultIds: [...ids] }));
      }
      round = { kind: 'page', scope, items, offset: 0, position };
    }

    const size = pageSize(c, scope.top);
    const immutable = immutableIds(c);
    const value: Record<string, unknown>[] = [];
    for (const item of round.items.slice(round.offset, round.offset + size)) {
      const stored = mailbox.messages.get(item.messageId);
      const present = stored !== undefined && stored.folder === folder.key;
      const currentId = present ? defaultMessageId(stored.message.id, stored.folder, stored.moves) : undefined;
      // Default ids it no longer has here are gone, as Exchange reports a moved-away-and-back item.
      const removedIds = immutable ? (present ? [] : [item.messageId]) : item.defaultIds.filter((id) => id !== currentId);
      for (const id of removedIds) value.push({ '@odata.type': '#microsoft.graph.message', id, '@removed': { reason: 'deleted' } });
      if (present && matchesFilter(filterValues(stored), scope.filter)) {
        value.push(messageJson(stored, { mailboxId: mailbox.user.id, ...(scope.select ? { select: scope.select } : {}), immutableIds: immutable, contentAllowed: content.allowed, alwaysTyped: true }));
      }
    }
    const done = round.offset + size >= round.items.length;
    const link = (name: string, next: DeltaState) => `${baseUrl}/users/${encodeURIComponent(user)}/mailFolders/${encodeURIComponent(folder.id)}/messages/delta?${name}=${states.issue(next)}`;
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#Collection(message)`,
      ...(done
        ? { '@odata.deltaLink': link('$deltatoken', { kind: 'delta', scope, position: round.position }) }
        : { '@odata.nextLink': link('$skiptoken', { ...round, offset: round.offset + size }) }),
      value,
    });
  });
}
