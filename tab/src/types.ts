// The API's response shapes, as the server declares them (type-only imports: nothing of the server ships).
import type { MessageStatus, WeekKpi } from '../../src/kpi/engine.ts';
import type { Settings } from '../../src/kpi/settings.ts';
import type { MessageRow } from '../../src/reports/message-rows.ts';
import type { Leave } from '../../src/store/leave.ts';
import type { CheckInView, SideView } from '../../src/reports/check-in-privacy.ts';
import type { RatingsTrend } from '../../src/reports/ratings.ts';
import type { TaskExclusion, TaskStatus, TaskWeek } from '../../src/kpi/tasks.ts';
import type { LinkedTaskRow, TaskSourceKind } from '../../src/reports/tasks.ts';

import type { TaskChoice, TaskChoiceList } from '../../src/ports/tasks.ts';

export type { MessageRow, MessageStatus, Settings, WeekKpi, Leave, CheckInView, SideView, LinkedTaskRow, TaskChoice, TaskExclusion, TaskSourceKind, TaskStatus, TaskWeek };
export type Role = 'owner' | 'va';

export interface PairingSummary {
  readonly id: string;
  readonly mailbox: string;
  /** Display names (the address until Teams has shown a name). */
  readonly owner: string;
  readonly va: string;
  readonly role: Role;
  readonly locale: string;
  /** IANA zone the pairing's dates are shown in. */
  readonly timeZone: string;
  /** The Teams chat the pairing's bot posts to, once set up there. */
  readonly chatId: string | null;
  /** Where the completion KPI reads tasks; null: no task KPI, and nothing about tasks is shown. */
  readonly tasks: TaskSourceKind | null;
}
export interface Me {
  readonly user: { readonly name: string; readonly upn: string };
  readonly pairings: readonly PairingSummary[];
}
export interface WeekResponse {
  readonly week: WeekKpi;
  readonly streak: number | null;
  readonly targetPct: number;
  /** The completion KPI of the week; null when the pairing reads no tasks. */
  readonly tasks: { readonly source: TaskSourceKind; readonly targetPct: number; readonly week: TaskWeek } | null;
}
export interface TrendResponse {
  readonly weeks: readonly WeekKpi[];
  readonly streak: number | null;
  readonly targetPct: number;
  readonly ratings: RatingsTrend;
  /** The completion KPI of the same weeks; null when the pairing reads no tasks. */
  readonly tasks: { readonly source: TaskSourceKind; readonly targetPct: number; readonly weeks: readonly TaskWeek[] } | null;
}
export interface TasksResponse {
  readonly week: string;
  readonly source: TaskSourceKind;
  readonly tasks: readonly LinkedTaskRow[];
}
export interface WaitingResponse {
  readonly now: number;
  readonly windowHours: number;
  readonly clock: 'calendar' | 'working';
  /** How many weeks back the list reaches. */
  readonly weeks: number;
  readonly messages: readonly MessageRow[];
}
export interface MessagesResponse {
  readonly week: string;
  readonly messages: readonly MessageRow[];
}
export interface SettingsResponse {
  readonly settings: Settings;
  readonly editable: boolean;
}
/** The owner's and the VA's Planner plans and To Do lists; with a failure, none (only "none" can be chosen). */
export interface TaskSourcesResponse extends TaskChoiceList {
  readonly editable: boolean;
}
export interface LanguageResponse {
  /** The chat's language tag, e.g. `da-DK`. */
  readonly locale: string;
  /** Whether the owner chose it (else it follows the mailbox's Outlook language). */
  readonly chosen: boolean;
  /** The measured mailbox's Outlook language as the last sync read it. */
  readonly mailbox: string | null;
  /** The measured mailbox's address when it is not the owner's own (a shared mailbox); null when it is theirs. */
  readonly sharedMailbox: string | null;
  readonly languages: readonly string[];
  readonly editable: boolean;
}
export interface PreviewResponse {
  readonly current: readonly WeekKpi[];
  readonly proposed: readonly WeekKpi[];
}
export interface LeaveResponse {
  readonly leave: readonly Leave[];
  readonly editable: boolean;
}
export interface FeedbackResponse {
  /** Each week's check-in as the reader may see it: their own answers, the other side's once both answered. */
  readonly checkIns: readonly CheckInView[];
  readonly deliveries: readonly { kind: string; period: string; sentAt: number | null; late: boolean }[];
}
export interface SyncResponse {
  readonly state: 'pending' | 'backfilling' | 'synced' | 'error';
  /** The first read of the mailbox: how many messages and what share of its days so far. */
  readonly progress: { readonly phase: 'backfill' | 'incremental'; readonly fetched: number; readonly fraction: number } | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly messagesStored: number;
  /** Why the tasks of the chosen plan or list could not be read (in the pairing's language); null when they could. */
  readonly tasksError: string | null;
}
