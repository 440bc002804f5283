// The dev Graph's tenant reads: `GET /organization` (with `verifiedDomains`) and `GET /domains`, each
// behind the application permissions Graph's docs list for it, and `GET /users/{id}/mailboxSettings`
// from the store's current state (automatic replies change as the timeline says).
import type { Hono } from 'hono';
import { ACCESS_DENIED, graphError, hasRole, selectProperties, ROLES, USER_NOT_FOUND, type GraphEnv } from './graph-response.ts';
import { folderId, type MailboxStore } from './mailbox-store.ts';

/** Graph's dateTimeTimeZone in UTC: seven fraction digits, no offset. */
const utcDateTime = (ms: number) => ({ dateTime: new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000'), timeZone: 'UTC' });
const HOUR_MS = 3_600_000;
/** One for every request: building an Intl.DisplayNames costs more than the rest of a mailboxSettings answer. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
/** Graph's localeInfo: the tag and its English name, e.g. "Danish (Denmark)". */
const languageOf = (locale: string) => ({ locale, displayName: languageNames.of(locale) ?? locale });


export function registerDirectoryRoutes(app: Hono<GraphEnv>, store: MailboxStore, baseUrl: string): void {
  const domains = store.verifiedDomains.map((name, index) => ({ name, isDefault: index === 0, isInitial: name.endsWith('.onmicrosoft.com') }));

  app.get('/v1.0/organization', (c) => {
    if (!hasRole(c, ROLES.organization)) return graphError(c, ACCESS_DENIED);
    const organization = {
      id: store.tenantId,
      displayName: `Dev tenant ${store.tenantId.slice(0, 8)}`,
      verifiedDomains: domains.map((domain) => ({ capabilities: 'Email, OfficeCommunicationsOnline', isDefault: domain.isDefault, isInitial: domain.isInitial, name: domain.name, type: 'Managed' })),
    };
    const select = c.req.query('$select');
    return c.json({ '@odata.context': `${baseUrl}/$metadata#organization${select ? `(${select})` : ''}`, value: [selectProperties(organization, select)] });
  });

  app.get('/v1.0/domains', (c) => {
    if (!hasRole(c, ROLES.domains)) return graphError(c, ACCESS_DENIED);
    return c.json({
      '@odata.context': `${baseUrl}/$metadata#domains`,
      value: domains.map((domain) => ({
        authenticationType: 'Managed',
        availabilityStatus: null,
        id: domain.name,
        isAdminManaged: true,
        isDefault: domain.isDefault,
        isInitial: domain.isInitial,
        isRoot: true,
        isVerified: true,
        supportedServices: ['Email', 'OfficeCommunicationsOnline'],
        passwordValidityPeriodInDays: 2147483647,
        passwordNotificationWindowInDays: 14,
        state: null,
      })),
    });
  });

  // A user's directory entry: `mail` and `proxyAddresses` ("SMTP:" primary, "smtp:" alias), the properties
  // set-up reads to tell the owner's own mailbox from someone else's. Unknown users are 404 like Graph's.
  // https://learn.microsoft.com/graph/api/user-get · https://learn.microsoft.com/graph/api/resources/user
  app.get('/v1.0/users/:user', (c) => {
    if (!hasRole(c, ROLES.users)) return graphError(c, ACCESS_DENIED);
    const user = store.user(c.req.param('user'));
    if (user === undefined) return graphError(c, USER_NOT_FOUND);
    const entry = {
      id: user.id,
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      mail: user.mail,
      proxyAddresses: [`SMTP:${user.mail}`, ...(user.aliases ?? []).map((alias) => `smtp:${alias}`), `SIP:${user.userPrincipalName}`],
    };
    const select = c.req.query('$select');
    return c.json({ '@odata.context': `${baseUrl}/$metadata#users/$entity`, ...selectProperties(entry, select) });
  });

  app.get('/v1.0/users/:user/mailboxSettings', (c) => {
    if (!hasRole(c, ROLES.mailboxSettings)) return graphError(c, ACCESS_DENIED);
    const mailbox = store.mailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const replies = mailbox.automaticReplies;
    // Exchange keeps (and returns) a schedule even when replies are off; without one, the next hour.
    const start = replies.scheduledStart ?? Math.ceil(store.now() / HOUR_MS) * HOUR_MS;
    const end = replies.scheduledEnd ?? start + 24 * HOUR_MS;
    const settings = {
      archiveFolder: folderId(mailbox.user.id, 'archive'),
      timeZone: mailbox.seed.timeZone,
      automaticRepliesSetting: {
        status: replies.status,
        externalAudience: 'all',
        internalReplyMessage: replies.status === 'disabled' ? '' : `${mailbox.user.displayName} is away.`,
        externalReplyMessage: replies.status === 'disabled' ? '' : `${mailbox.user.displayName} is away.`,
        scheduledStartDateTime: utcDateTime(start),
        scheduledEndDateTime: utcDateTime(end),
      },
      language: languageOf(mailbox.seed.locale ?? 'en-US'),
      workingHours: mailbox.seed.workingHours,
      dateFormat: 'M/d/yyyy',
      timeFormat: 'h:mm tt',
      delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
      userPurpose: 'user',
    };
    const select = c.req.query('$select');
    return c.json({ '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/mailboxSettings`, ...selectProperties(settings, select) });
  });
}
