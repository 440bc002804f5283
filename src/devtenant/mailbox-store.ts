// The dev tenant's mutable mailboxes, built from a TenantSeed and driven by a simulated clock: timeline
// events apply when the clock reaches them (nothing is visible before its time), every change bumps the
// message's version and is logged per folder so delta queries can replay it, and folder counts are
// derived from the messages in the folder at the moment they are read.
import { seededRandom } from './seeded-random.ts';
import type { DevAutomaticReplies, DevFolderSeed, DevMailboxSeed, DevMessage, DevUser, TenantSeed, TimelineEvent } from './tenant-seed.ts';

/** Exchange's well-known folders; every mailbox has them, whatever the seed lists. */
const WELL_KNOWN_FOLDERS: readonly DevFolderSeed[] = [
  { key: 'inbox', displayName: 'Inbox' },
  { key: 'drafts', displayName: 'Drafts' },
  { key: 'sentitems', displayName: 'Sent Items' },
  { key: 'deleteditems', displayName: 'Deleted Items' },
  { key: 'junkemail', displayName: 'Junk Email' },
  { key: 'outbox', displayName: 'Outbox' },
  { key: 'archive', displayName: 'Archive' },
  { key: 'conversationhistory', displayName: 'Conversation History' },
];
export const WELL_KNOWN_FOLDER_KEYS: ReadonlySet<string> = new Set([...WELL_KNOWN_FOLDERS.map((folder) => folder.key), 'msgfolderroot']);

export interface StoreFolder {
  readonly key: string;
  readonly id: string;
  readonly displayName: string;
  /** Key of the parent folder; absent under the root. */
  readonly parentKey?: string;
  readonly hidden: boolean;
}

/** A message as the mailbox holds it now: the seed's fields plus what changed since delivery. */
export interface StoredMessage {
  readonly message: DevMessage;
  readonly folder: string;
  readonly categories: readonly string[];
  readonly isRead: boolean;
  /** Epoch ms on the simulated clock. */
  readonly created: number;
  readonly lastModified: number;
  /** Bumped on every change; the changeKey is derived from it. */
  readonly version: number;
  /** Folder moves so far: a default (non-immutable) id changes with each. */
  readonly moves: number;
}

/** One entry of a folder's change log: a message entered, changed in, or left the folder. */
export interface FolderChange {
  readonly seq: number;
  readonly mailboxId: string;
  readonly folder: string;
  readonly messageId: string;
  /** The message's default id while in that folder, for `@removed` entries a client keyed by it. */
  readonly defaultId: string;
  /** As change notifications name it: a move is `deleted` in one folder and `created` in the other. */
  readonly changeType: 'created' | 'updated' | 'deleted';
}

export interface StoreMailbox {
  readonly user: DevUser;
  readonly seed: DevMailboxSeed;
  readonly folders: ReadonlyMap<string, StoreFolder>;
  readonly messages: ReadonlyMap<string, StoredMessage>;
  readonly automaticReplies: DevAutomaticReplies;
}

interface MutableMailbox {
  user: DevUser;
  seed: DevMailboxSeed;
  folders: Map<string, StoreFolder>;
  messages: Map<string, StoredMessage>;
  automaticReplies: DevAutomaticReplies;
  changes: FolderChange[];
}

/** Exchange's default ids encode where the item is; this one changes with every move, as theirs do. */
export function defaultMessageId(immutableId: string, folder: string, moves: number): string {
  return `AAMk${Buffer.from(`${immutableId}\u0000${folder}\u0000${moves}`).toString('base64url')}`;
}

export function folderId(mailboxId: string, key: string): string {
  return `${mailboxId}-${key}`;
}

export function changeKey(stored: StoredMessage): string {
  return Buffer.from(`${stored.message.id}:${stored.version}`).toString('base64');
}

/** Exchange behaviours no document pins down, which the dev tenant can take either way. */
export interface ExchangeBehaviour {
  /**
   * A move leaves `lastModifiedDateTime` as it was. Whether Exchange bumps it on a move is not documented
   * (the message resource only says the property is the last change to the message,
   * https://learn.microsoft.com/graph/api/resources/message), so Tandem must be right either way.
   */
  readonly movesKeepLastModified?: boolean;
  /**
   * Mail changes while a client pages through a list: before each message list request, `count` (default 2)
   * of the items the mailbox's previous list request served are changed (read flag flipped, so
   * `lastModifiedDateTime` moves to now). Graph's paging guide has the client follow `@odata.nextLink`, which
   * for messages carries a `$skip`-style position (https://learn.microsoft.com/graph/paging), and promises
   * nothing about items that change between pages; with a sort by `lastModifiedDateTime` a changed item
   * moves, shifting the rest by one.
   */
  readonly modifyBetweenPages?: { readonly seed: number; readonly count?: number };
}

export class MailboxStore {
  readonly tenantId: string;
  readonly verifiedDomains: readonly string[];
  readonly users: readonly DevUser[];
  /** By lower-cased user id and userPrincipalName: a request finds its mailbox at once in a tenant of thousands. */
  private readonly mailboxes = new Map<string, MutableMailbox>();
  /** Every user, mailbox or not, keyed the same way. */
  private readonly usersByKey = new Map<string, DevUser>();
  private readonly events: readonly TimelineEvent[];
  private nextEvent = 0;
  private clock: number;
  private seq = 0;
  private readonly listeners: Array<(change: FolderChange) => void> = [];
  /** Per mailbox, the ids the last message list request served (for `modifyBetweenPages`). */
  private readonly lastServed = new Map<string, readonly string[]>();
  private readonly pageChurn: (() => number) | undefined;

  constructor(
    seed: TenantSeed,
    private readonly behaviour: ExchangeBehaviour = {},
  ) {
    this.pageChurn = behaviour.modifyBetweenPages ? seededRandom(behaviour.modifyBetweenPages.seed) : undefined;
    this.tenantId = seed.tenantId;
    this.verifiedDomains = seed.verifiedDomains;
    this.users = seed.users;
    for (const user of seed.users) for (const key of [user.id, user.userPrincipalName]) this.usersByKey.set(key.toLowerCase(), user);
    const users = new Map(seed.users.map((user) => [user.id, user]));
    for (const mailboxSeed of seed.mailboxes) {
      const user = users.get(mailboxSeed.userId);
      if (!user) throw new Error(`seed mailbox for unknown user ${mailboxSeed.userId}`);
      const folders = new Map<string, StoreFolder>();
      // The seed may rename or re-parent a well-known folder; it cannot remove one.
      for (const folder of [...WELL_KNOWN_FOLDERS.filter((known) => !mailboxSeed.folders.some((given) => given.key === known.key)), ...mailboxSeed.folders]) {
        folders.set(folder.key, {
          key: folder.key,
          id: folderId(user.id, folder.key),
          displayName: folder.displayName,
          ...(folder.parentKey ? { parentKey: folder.parentKey } : {}),
          hidden: folder.hidden === true,
        });
      }
      for (const folder of folders.values()) {
        if (folder.parentKey && !folders.has(folder.parentKey)) throw new Error(`folder ${folder.key} of ${user.userPrincipalName} has unknown parent ${folder.parentKey}`);
      }
      const box: MutableMailbox = { user, seed: mailboxSeed, folders, messages: new Map(), automaticReplies: mailboxSeed.automaticReplies, changes: [] };
      for (const key of [user.id.toLowerCase(), user.userPrincipalName.toLowerCase()]) if (!this.mailboxes.has(key)) this.mailboxes.set(key, box);
    }
    this.events = [...seed.events].sort((a, b) => a.at - b.at);
    this.clock = seed.start;
    this.advanceTo(seed.start);
  }

  /** The simulated clock, epoch ms. */
  now(): number {
    return this.clock;
  }

  /** Moves the clock forward, applying every timeline event due by then, in order. */
  advanceTo(ms: number): void {
    if (ms < this.clock) throw new RangeError(`the dev tenant's clock only moves forward (at ${new Date(this.clock).toISOString()}, asked for ${new Date(ms).toISOString()})`);
    for (let event = this.events[this.nextEvent]; event && event.at <= ms; event = this.events[++this.nextEvent]) {
      this.clock = Math.max(this.clock, event.at);
      this.apply(event);
    }
    this.clock = ms;
  }

  /** Calls `listener` with every change from now on (change notifications). */
  onChange(listener: (change: FolderChange) => void): void {
    this.listeners.push(listener);
  }

  /** The change log's position: a delta round started now sees changes with a greater sequence. */
  position(): number {
    return this.seq;
  }

  /** A mailbox by user id or userPrincipalName, case-insensitive. */
  mailbox(idOrUpn: string): StoreMailbox | undefined {
    return this.find(idOrUpn);
  }

  /** A user of the tenant by id or userPrincipalName, case-insensitive, with or without a mailbox. */
  user(idOrUpn: string): DevUser | undefined {
    return this.usersByKey.get(idOrUpn.toLowerCase());
  }

  /** The folder a request names: a well-known name (any case) or a folder id. */
  folder(mailbox: StoreMailbox, ref: string): StoreFolder | undefined {
    return mailbox.folders.get(ref.toLowerCase()) ?? [...mailbox.folders.values()].find((folder) => folder.id === ref);
  }

  /** The message an id names: its immutable id, or the default id it has now (a stale one finds nothing). */
  message(mailbox: StoreMailbox, id: string): StoredMessage | undefined {
    const byImmutable = mailbox.messages.get(id);
    if (byImmutable) return byImmutable;
    const decoded = id.startsWith('AAMk') ? Buffer.from(id.slice(4), 'base64url').toString().split('\u0000')[0] : undefined;
    const stored = decoded === undefined ? undefined : mailbox.messages.get(decoded);
    return stored && defaultMessageId(stored.message.id, stored.folder, stored.moves) === id ? stored : undefined;
  }

  /** Folder counts, derived from the messages in it now. */
  counts(mailbox: StoreMailbox, folder: StoreFolder): { total: number; unread: number; children: number } {
    let total = 0;
    let unread = 0;
    for (const stored of mailbox.messages.values()) {
      if (stored.folder !== folder.key) continue;
      total++;
      if (!stored.isRead) unread++;
    }
    const children = [...mailbox.folders.values()].filter((candidate) => candidate.parentKey === folder.key).length;
    return { total, unread, children };
  }

  /** Changes logged for a folder after `since`, in order. */
  changesSince(mailbox: StoreMailbox, folder: string, since: number): FolderChange[] {
    return this.mutable(mailbox).changes.filter((change) => change.seq > since && change.folder === folder);
  }

  /** A message list is about to be answered: with `modifyBetweenPages`, some of what the last one served changes now. */
  beforeList(mailbox: StoreMailbox): void {
    const served = this.lastServed.get(mailbox.user.id) ?? [];
    if (!this.pageChurn || served.length === 0) return;
    for (let left = this.behaviour.modifyBetweenPages?.count ?? 2; left > 0; left--) {
      const id = served[Math.floor(this.pageChurn() * served.length)]!;
      const stored = mailbox.messages.get(id);
      if (stored) this.markRead(mailbox.user.id, id, !stored.isRead);
    }
  }

  /** What a message list request served, for the next `beforeList`. */
  served(mailbox: StoreMailbox, ids: readonly string[]): void {
    if (this.pageChurn) this.lastServed.set(mailbox.user.id, ids);
  }

  deliver(mailbox: string, message: DevMessage): void {
    const box = this.require(mailbox);
    if (box.messages.has(message.id)) throw new Error(`message ${message.id} is already in ${box.user.userPrincipalName}`);
    this.requireFolder(box, message.folder);
    this.put(box, { message, folder: message.folder, categories: message.categories, isRead: message.isRead, created: this.clock, lastModified: this.clock, version: 1, moves: 0 }, 'created');
  }

  move(mailbox: string, messageId: string, folder: string): void {
    const box = this.require(mailbox);
    const stored = this.requireMessage(box, messageId);
    this.requireFolder(box, folder);
    if (stored.folder === folder) return;
    this.logChange(box, stored, 'deleted');
    const lastModified = this.behaviour.movesKeepLastModified ? stored.lastModified : this.clock;
    this.put(box, { ...stored, folder, moves: stored.moves + 1, lastModified, version: stored.version + 1 }, 'created');
  }

  categorize(mailbox: string, messageId: string, categories: readonly string[]): void {
    const box = this.require(mailbox);
    const stored = this.requireMessage(box, messageId);
    this.put(box, { ...stored, categories: [...categories], lastModified: this.clock, version: stored.version + 1 }, 'updated');
  }

  markRead(mailbox: string, messageId: string, isRead: boolean): void {
    const box = this.require(mailbox);
    const stored = this.requireMessage(box, messageId);
    this.put(box, { ...stored, isRead, lastModified: this.clock, version: stored.version + 1 }, 'updated');
  }

  /** Permanently deletes (a soft delete is a move to `deleteditems`). */
  remove(mailbox: string, messageId: string): void {
    const box = this.require(mailbox);
    const stored = this.requireMessage(box, messageId);
    box.messages.delete(messageId);
    this.logChange(box, stored, 'deleted');
  }

  setAutomaticReplies(mailbox: string, setting: DevAutomaticReplies): void {
    this.require(mailbox).automaticReplies = setting;
  }

  private apply(event: TimelineEvent): void {
    switch (event.kind) {
      case 'deliver':
        return this.deliver(event.mailbox, event.message);
      case 'move':
        return this.move(event.mailbox, event.messageId, event.folder);
      case 'categorize':
        return this.categorize(event.mailbox, event.messageId, event.categories);
      case 'delete':
        return this.remove(event.mailbox, event.messageId);
      case 'automaticReplies':
        return this.setAutomaticReplies(event.mailbox, event.setting);
    }
  }

  /** Stores the new state and logs it in the folder it is now in. */
  private put(box: MutableMailbox, stored: StoredMessage, changeType: FolderChange['changeType']): void {
    box.messages.set(stored.message.id, stored);
    this.logChange(box, stored, changeType);
  }

  private logChange(box: MutableMailbox, stored: StoredMessage, changeType: FolderChange['changeType']): void {
    const change: FolderChange = {
      seq: ++this.seq,
      mailboxId: box.user.id,
      folder: stored.folder,
      messageId: stored.message.id,
      defaultId: defaultMessageId(stored.message.id, stored.folder, stored.moves),
      changeType,
    };
    box.changes.push(change);
    for (const listener of this.listeners) listener(change);
  }

  private find(idOrUpn: string): MutableMailbox | undefined {
    return this.mailboxes.get(idOrUpn.toLowerCase());
  }

  private mutable(mailbox: StoreMailbox): MutableMailbox {
    return this.require(mailbox.user.id);
  }

  private require(idOrUpn: string): MutableMailbox {
    const box = this.find(idOrUpn);
    if (!box) throw new Error(`no mailbox ${idOrUpn} in dev tenant ${this.tenantId}`);
    return box;
  }

  private requireFolder(box: MutableMailbox, key: string): void {
    if (!box.folders.has(key)) throw new Error(`no folder ${key} in ${box.user.userPrincipalName}`);
  }

  private requireMessage(box: MutableMailbox, messageId: string): StoredMessage {
    const stored = box.messages.get(messageId);
    if (!stored) throw new Error(`no message ${messageId} in ${box.user.userPrincipalName} at ${new Date(this.clock).toISOString()}`);
    return stored;
  }
}
