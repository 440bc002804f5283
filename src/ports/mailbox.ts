// The mailbox port: one sync step at a time from Microsoft Graph (or an import), the Inbox count, and
// change notifications. The sync job stores what each step returns; it never sees Graph itself.
import type { Interval, MessageMeta } from '../kpi/message.ts';

export interface MailboxSyncRequest {
  readonly mailbox: string;
  /** The VA's address, whose automatic replies (out of office) pause the clock; null when not known. */
  readonly va: string | null;
  /** What the previous step returned, as stored (null: first sync). */
  readonly position: unknown;
  /** The pairing's language (a tag such as `da-DK`): a failure is explained in it; English when absent. */
  readonly locale?: string;
  /** The ids stored as in the Inbox now, for sources that reconcile moves the change feed may miss. */
  readonly storedInInbox?: () => Promise<readonly string[]>;
}

export interface MailboxSyncStep {
  /** Message metadata new or changed since the previous step. */
  readonly messages: readonly MessageMeta[];
  /**
   * Ids stored as in the Inbox that the mailbox no longer has at all (deleted outright): the store keeps them,
   * as Deleted Items, so they stay counted and are not looked for again.
   */
  readonly goneFromInbox?: readonly string[];
  /** Versioned sync position to store and hand back next time. */
  readonly position: unknown;
  /** More can be read right away (a backfill or sweep has further pages): store this step, then ask again. */
  readonly more: boolean;
  readonly progress: {
    readonly phase: 'backfill' | 'incremental';
    readonly fetched: number;
    /** Share of the backfill's days read so far (0–1), when known. */
    readonly fraction: number | null;
  };
  /** An out-of-office interval of the VA to record, replacing any recorded one with the same start. */
  readonly outOfOffice: Interval | null;
  /** The tenant's verified domains when this step read them, else null. */
  readonly verifiedDomains: readonly string[] | null;
  /** The mailbox's own settings when this step read them (defaults for a pairing's settings), else null. */
  readonly mailboxSettings: MailboxDefaults | null;
}

/** What the mailbox says about its owner's day: offered as defaults when a pairing is set up. */
export interface MailboxDefaults {
  /** As Exchange stores it: Windows or IANA name. */
  readonly timeZone: string;
  readonly workingHours: { readonly daysOfWeek: readonly string[]; readonly startTime: string; readonly endTime: string; readonly timeZone: string };
  /** The mailbox's language (e.g. `da-DK`), when it has one. */
  readonly locale: string | null;
}

export interface MailboxSource {
  /** One step of the mailbox sync: a page, or the start of a cycle. */
  sync(request: MailboxSyncRequest): Promise<MailboxSyncStep>;
  /** The Inbox folder's totalItemCount now (subfolders not included). */
  inboxItemCount(mailbox: string): Promise<number>;
  /**
   * Keeps change notifications for new Inbox mail alive (sources that have them): returns the state to
   * store, given the stored one. Notifications only make a sync come sooner.
   */
  keepSubscription?(mailbox: string, stored: unknown, target: NotificationTarget): Promise<unknown>;
}

export interface NotificationTarget {
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string;
}
