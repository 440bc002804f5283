// Fixed mailboxes for the dev Graph when it runs without a store: folder counts and settings given as
// numbers, not derived from messages, for client tests that need no messages (mailFolders/{name} and
// mailboxSettings only).
import type { Hono } from 'hono';
import { ACCESS_DENIED, graphError, hasRole, ITEM_NOT_FOUND, ROLES, USER_NOT_FOUND, type GraphEnv } from './graph-response.ts';

export interface DevMailFolder {
  readonly id: string;
  readonly displayName: string;
  readonly parentFolderId?: string;
  readonly totalItemCount: number;
  readonly unreadItemCount: number;
  readonly childFolderCount: number;
}

export interface DevMailboxSettings {
  readonly timeZone: string;
  readonly workingHours: {
    readonly daysOfWeek: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
    readonly timeZone: { readonly name: string };
  };
  readonly automaticRepliesSetting: {
    readonly status: 'disabled' | 'alwaysEnabled' | 'scheduled';
    readonly externalAudience: 'none' | 'contactsOnly' | 'all';
    readonly internalReplyMessage: string;
    readonly externalReplyMessage: string;
    readonly scheduledStartDateTime: { readonly dateTime: string; readonly timeZone: string };
    readonly scheduledEndDateTime: { readonly dateTime: string; readonly timeZone: string };
  };
}

export interface DevMailbox {
  /** The user's object id; requests may address it by id or by userPrincipalName. */
  readonly id: string;
  readonly userPrincipalName: string;
  /** Folders by well-known name (`inbox`, `sentitems`, …). */
  readonly folders: Readonly<Record<string, DevMailFolder>>;
  readonly settings: DevMailboxSettings;
}

export /** Serves `mailboxes` as they are given. */
function registerFixedMailboxRoutes(app: Hono<GraphEnv>, mailboxes: readonly DevMailbox[], baseUrl: string): void {
  const findMailbox = (idOrUpn: string) => {
    const key = idOrUpn.toLowerCase();
    return mailboxes.find((mailbox) => mailbox.id.toLowerCase() === key || mailbox.userPrincipalName.toLowerCase() === key);
  };

  app.get('/v1.0/users/:user/mailFolders/:folder', (c) => {
    if (!hasRole(c, ROLES.mailRead)) return graphError(c, ACCESS_DENIED);
    const mailbox = findMailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const folder = mailbox.folders[c.req.param('folder').toLowerCase()] ?? Object.values(mailbox.folders).find((candidate) => candidate.id === c.req.param('folder'));
    if (!folder) return graphError(c, ITEM_NOT_FOUND);
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/mailFolders/$entity`,
      id: folder.id,
      displayName: folder.displayName,
      parentFolderId: folder.parentFolderId ?? `${mailbox.id}-msgfolderroot`,
      childFolderCount: folder.childFolderCount,
      unreadItemCount: folder.unreadItemCount,
      totalItemCount: folder.totalItemCount,
      sizeInBytes: folder.totalItemCount * 24_576,
      isHidden: false,
    });
  });

  app.get('/v1.0/users/:user/mailboxSettings', (c) => {
    if (!hasRole(c, ROLES.mailboxSettings)) return graphError(c, ACCESS_DENIED);
    const mailbox = findMailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/mailboxSettings`,
      archiveFolder: `${mailbox.id}-archive`,
      timeZone: mailbox.settings.timeZone,
      automaticRepliesSetting: mailbox.settings.automaticRepliesSetting,
      language: { locale: 'en-US', displayName: 'English (United States)' },
      workingHours: mailbox.settings.workingHours,
      dateFormat: 'M/d/yyyy',
      timeFormat: 'h:mm tt',
      delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
      userPurpose: 'user',
    });
  });
}
