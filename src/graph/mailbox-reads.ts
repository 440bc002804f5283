// The two mailbox reads the KPI engine needs besides messages: the inbox's counts and the mailbox's
// settings (time zone, working hours, automatic replies), zod-parsed from Graph's JSON.
import { z } from 'zod';
import type { MailboxDefaults } from '../ports/mailbox.ts';
import type { Logger } from '../log.ts';
import type { GraphClient } from './graph-client.ts';

export const inboxCountsSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  totalItemCount: z.number().int().nonnegative(),
  unreadItemCount: z.number().int().nonnegative(),
  childFolderCount: z.number().int().nonnegative(),
});
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });

export const mailboxSettingsSchema = z.object({
  timeZone: z.string(),
  workingHours: z.object({
    daysOfWeek: z.array(z.string()),
    startTime: z.string(),
    endTime: z.string(),
    timeZone: z.object({ name: z.string() }),
  }),
  language: z.object({ locale: z.string().nullish() }).nullish(),
  automaticRepliesSetting: z.object({
    // Graph documents lower camel case; compare case-insensitively (docs/graph-facts.md).
    status: z.string().transform((status) => status.toLowerCase()).pipe(z.enum(['disabled', 'alwaysenabled', 'scheduled'])),
    scheduledStartDateTime: dateTimeTimeZone.optional(),
    scheduledEndDateTime: dateTimeTimeZone.optional(),
  }),
});
export type MailboxSettings = z.infer<typeof mailboxSettingsSchema>;

const userPath = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;

export async function readInboxCounts(graph: Pick<GraphClient, 'get'>, mailbox: string): Promise<InboxCounts> {
  return inboxCountsSchema.parse(await graph.get(`${userPath(mailbox)}/mailFolders/inbox?$select=id,displayName,totalItemCount,unreadItemCount,childFolderCount`));
}

export async function readMailboxSettings(graph: Pick<GraphClient, 'get'>, mailbox: string): Promise<MailboxSettings> {
  return mailboxSettingsSchema.parse(await graph.get(`${userPath(mailbox)}/mailboxSettings`));
}

/** What a pairing's set-up offers as defaults, from the mailbox's own settings. */
export function mailboxDefaultsOf(settings: MailboxSettings): MailboxDefaults {
  const { daysOfWeek, startTime, endTime, timeZone } = settings.workingHours;
  return { timeZone: settings.timeZone, workingHours: { daysOfWeek, startTime, endTime, timeZone: timeZone.name }, locale: settings.language?.locale ?? null };
}

/** Set-up defaults read through `graph`; a mailbox that cannot be read simply offers none. */
export function mailboxDefaultsReader(graph: GraphClient, logger: Logger): (address: string) => Promise<MailboxDefaults | null> {
  return async (address) => {
    try {
      return mailboxDefaultsOf(await readMailboxSettings(graph, address));
    } catch (error) {
      logger.info('mailbox_defaults_unreadable', { address, reason: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };
}
