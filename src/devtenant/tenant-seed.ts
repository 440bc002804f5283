// The contract between the seeded-tenant generator and the dev Graph: who is in the tenant, which
// mailboxes and folders exist at the start, and a timeline of what happens to them as simulated time
// passes. The dev Graph applies every event with `at` ≤ its clock; the generator also states the KPI it
// expects (ground truth), so tests can compare what Tandem synced and computed with what really happened.
import type { SettingsInput } from '../kpi/settings.ts';
import type { Interval } from '../kpi/message.ts';
import type { DevTaskSeed } from './task-seed.ts';

export interface DevAddress {
  readonly name: string;
  readonly address: string;
}

export interface DevHeader {
  readonly name: string;
  readonly value: string;
}

/** Graph's meeting message types; a message with one is an `eventMessage`. */
export type DevMeetingMessageType = 'meetingRequest' | 'meetingCancelled' | 'meetingAccepted' | 'meetingTentativelyAccepted' | 'meetingDeclined';

export interface DevMessage {
  /** Immutable id: stays the same when the message moves between folders. */
  readonly id: string;
  readonly conversationId: string;
  readonly internetMessageId: string;
  readonly subject: string;
  readonly from: DevAddress;
  readonly sender: DevAddress;
  readonly toRecipients: readonly DevAddress[];
  readonly ccRecipients: readonly DevAddress[];
  /** Epoch milliseconds. */
  readonly receivedDateTime: number;
  readonly sentDateTime: number;
  /** A folder key of the mailbox: a well-known name (`inbox`, `sentitems`, `archive`, …) or a custom key. */
  readonly folder: string;
  readonly isDraft: boolean;
  readonly isRead: boolean;
  readonly categories: readonly string[];
  readonly inferenceClassification: 'focused' | 'other';
  readonly internetMessageHeaders: readonly DevHeader[];
  readonly meetingMessageType?: DevMeetingMessageType;
  /** Present so the dev Graph can show it never serves a body to Tandem's permissions. */
  readonly body: string;
}

export interface DevAutomaticReplies {
  readonly status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  /** Epoch milliseconds; only with `scheduled`. */
  readonly scheduledStart?: number;
  readonly scheduledEnd?: number;
}

export type TimelineEvent =
  | { readonly at: number; readonly kind: 'deliver'; readonly mailbox: string; readonly message: DevMessage }
  | { readonly at: number; readonly kind: 'move'; readonly mailbox: string; readonly messageId: string; readonly folder: string }
  | { readonly at: number; readonly kind: 'categorize'; readonly mailbox: string; readonly messageId: string; readonly categories: readonly string[] }
  /** Permanently deleted: gone from every folder (a soft delete is a `move` to `deleteditems`). */
  | { readonly at: number; readonly kind: 'delete'; readonly mailbox: string; readonly messageId: string }
  | { readonly at: number; readonly kind: 'automaticReplies'; readonly mailbox: string; readonly setting: DevAutomaticReplies };

export interface DevUser {
  /** Entra object id. */
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly mail: string;
  /** More SMTP addresses of the user (proxy addresses besides `mail`). */
  readonly aliases?: readonly string[];
}

export interface DevFolderSeed {
  /** Well-known name (`inbox`, `sentitems`, `drafts`, `deleteditems`, `archive`, `junkemail`, `outbox`) or a custom key. */
  readonly key: string;
  readonly displayName: string;
  /** Key of the parent folder; absent for top-level folders. */
  readonly parentKey?: string;
  /** Listed by `mailFolders` only with `includeHiddenFolders=true`. */
  readonly hidden?: boolean;
}

export interface DevMailboxSeed {
  /** The owning user's id (mailboxes are addressed as `/users/{id or upn}`). */
  readonly userId: string;
  /** As Exchange stores it: a Windows name such as `W. Europe Standard Time`, or IANA. */
  readonly timeZone: string;
  readonly workingHours: {
    readonly daysOfWeek: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
    readonly timeZone: { readonly name: string };
  };
  readonly automaticReplies: DevAutomaticReplies;
  readonly folders: readonly DevFolderSeed[];
  /** Outlook's language for the mailbox (mailboxSettings.language.locale); default `en-US`. */
  readonly locale?: string;
}

/** The expected KPI for one ISO week, in the engine's terms (`WeekKpi`). */
export interface ExpectedWeek {
  readonly week: string;
  readonly counted: number;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  readonly pending: number;
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
  readonly excluded: Readonly<Record<string, number>>;
  readonly answeredBy: { readonly va: number; readonly owner: number; readonly other: number };
}

export interface GroundTruth {
  /** The pairing the expectations are for. */
  readonly pairing: {
    readonly ownerUserId: string;
    readonly vaUserId: string;
    readonly mailboxUserId: string;
    readonly settings: SettingsInput;
    /** VA leave as entered in Tandem (not observed from the mailbox). */
    readonly leave: readonly Interval[];
  };
  /** The VA's out-of-office intervals, as Tandem should record them from mailbox settings. */
  readonly outOfOffice: readonly Interval[];
  /** The instant the expectations are evaluated at (the end of the timeline). */
  readonly evaluatedAt: number;
  readonly weeks: readonly ExpectedWeek[];
}

export interface TenantSeed {
  readonly tenantId: string;
  readonly verifiedDomains: readonly string[];
  readonly users: readonly DevUser[];
  readonly mailboxes: readonly DevMailboxSeed[];
  /** Sorted by `at`. */
  readonly events: readonly TimelineEvent[];
  /** Simulated time starts here; nothing is delivered before it. */
  readonly start: number;
  readonly end: number;
  readonly groundTruth: GroundTruth;
  /** A Planner plan and a To Do list with their task timeline and expected completion KPI; absent: none. */
  readonly tasks?: DevTaskSeed;
}
