// The dev Graph's change notifications for messages: `POST /subscriptions` with Graph's validation
// handshake (the endpoint must echo `validationToken` as text within 10 s), `GET`, renewal by `PATCH`, `DELETE`,
// and a notification POSTed to `notificationUrl` for each change in a subscribed mailbox or folder.
// A move reaches a subscription as `deleted` in one folder and `created` in the other. Expiry runs on the
// store's simulated clock. Unlike Graph, plain http is accepted for loopback hosts.
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { Agent, fetch as undiciFetch } from 'undici';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { ACCESS_DENIED, graphError, hasRole, ITEM_NOT_FOUND, ROLES, USER_NOT_FOUND, type GraphEnv, type GraphFailure } from './graph-response.ts';
import { changeKey, type FolderChange, type MailboxStore } from './mailbox-store.ts';

/** Outlook resources live at most 7 days (10,080 minutes) per subscription. */
export const MAX_MESSAGE_SUBSCRIPTION_MINUTES = 10_080;
const VALIDATION_TIMEOUT_MS = 10_000;
const RESOURCE = /^\/?users\/([^/]+)\/(?:mailFolders(?:\('([^']+)'\)|\/([^/]+))\/)?messages$/i;

const createSchema = z.object({
  changeType: z.string().regex(/^(created|updated|deleted)(,(created|updated|deleted))*$/),
  notificationUrl: z.string().url(),
  lifecycleNotificationUrl: z.string().url().optional(),
  resource: z.string().min(1),
  expirationDateTime: z.string().datetime({ offset: true }),
  clientState: z.string().max(128).optional(),
});
const renewSchema = z.object({ expirationDateTime: z.string().datetime({ offset: true }) });

export interface DevSubscription {
  readonly id: string;
  readonly applicationId: string;
  readonly resource: string;
  readonly changeTypes: ReadonlySet<string>;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl?: string;
  readonly clientState?: string;
  readonly mailboxId: string;
  /** Absent: the whole mailbox. */
  readonly folderKey?: string;
  readonly immutableIds: boolean;
  expiration: number;
}

export interface SentNotification {
  readonly url: string;
  readonly body: { readonly value: ReadonlyArray<Record<string, unknown>> };
  readonly status: number | 'failed';
}

const iso = (ms: number) => new Date(ms).toISOString();
const invalid = (message: string, code = 'InvalidRequest'): GraphFailure => ({ status: 400, code, message });

function acceptableUrl(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
}

export class DevSubscriptions {
  readonly subscriptions = new Map<string, DevSubscription>();
  /** Every notification (change or lifecycle) sent, with the receiver's status. */
  readonly sent: SentNotification[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly agent: Agent;

  constructor(private readonly store: MailboxStore, private readonly logger: Logger, trustedCaPem?: string) {
    this.agent = new Agent(trustedCaPem ? { connect: { ca: trustedCaPem } } : {});
    store.onChange((change) => this.notify(change));
  }

  /** Waits until every notification sent so far has been answered (or failed). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Sends a lifecycle notification, as Graph does before it drops or needs to reauthorize a subscription. */
  lifecycle(id: string, lifecycleEvent: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed'): void {
    const subscription = this.subscriptions.get(id);
    if (!subscription?.lifecycleNotificationUrl) throw new Error(`subscription ${id} has no lifecycle notification URL`);
    if (lifecycleEvent === 'subscriptionRemoved') this.subscriptions.delete(id);
    this.post(subscription.lifecycleNotificationUrl, {
      value: [{ subscriptionId: id, subscriptionExpirationDateTime: iso(subscription.expiration), tenantId: this.store.tenantId, clientState: subscription.clientState ?? null, lifecycleEvent }],
    });
  }

  async close(): Promise<void> {
    await this.settle();
    await this.agent.close();
  }

  /** The endpoint must echo the token as text/plain with 200 within 10 s. */
  async validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.set('validationToken', token);
    try {
      const response = await undiciFetch(target, { method: 'POST', dispatcher: this.agent, headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS) });
      return response.status === 200 && (await response.text()) === token;
    } catch (error) {
      this.logger.warn('devtenant.graph.subscription_validation_failed', { url, reason: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  private notify(change: FolderChange): void {
    const now = this.store.now();
    for (const subscription of [...this.subscriptions.values()]) {
      if (subscription.expiration <= now) {
        this.subscriptions.delete(subscription.id);
        continue;
      }
      if (subscription.mailboxId !== change.mailboxId || !subscription.changeTypes.has(change.changeType)) continue;
      if (subscription.folderKey !== undefined && subscription.folderKey !== change.folder) continue;
      const stored = this.store.mailbox(change.mailboxId)?.messages.get(change.messageId);
      const id = subscription.immutableIds ? change.messageId : change.defaultId;
      const resource = `Users/${change.mailboxId}/Messages/${id}`;
      this.post(subscription.notificationUrl, {
        value: [
          {
            subscriptionId: subscription.id,
            subscriptionExpirationDateTime: iso(subscription.expiration),
            changeType: change.changeType,
            resource,
            resourceData: { '@odata.type': '#Microsoft.Graph.Message', '@odata.id': resource, ...(stored ? { '@odata.etag': `W/"${changeKey(stored)}"` } : {}), id },
            clientState: subscription.clientState ?? null,
            tenantId: this.store.tenantId,
          },
        ],
      });
    }
  }

  private post(url: string, body: SentNotification['body']): void {
    const delivery = undiciFetch(url, { method: 'POST', dispatcher: this.agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(async (response) => {
        await response.body?.cancel();
        this.sent.push({ url, body, status: response.status });
      })
      .catch((error: unknown) => {
        this.logger.warn('devtenant.graph.notification_failed', { url, reason: error instanceof Error ? error.message : String(error) });
        this.sent.push({ url, body, status: 'failed' });
      })
      .finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }
}

export function registerSubscriptionRoutes(app: Hono<GraphEnv>, store: MailboxStore, baseUrl: string, hub: DevSubscriptions): void {
  const json = (subscription: DevSubscription) => ({
    id: subscription.id,
    resource: subscription.resource,
    applicationId: subscription.applicationId,
    changeType: [...subscription.changeTypes].join(','),
    clientState: subscription.clientState ?? null,
    notificationUrl: subscription.notificationUrl,
    lifecycleNotificationUrl: subscription.lifecycleNotificationUrl ?? null,
    expirationDateTime: iso(subscription.expiration),
    creatorId: subscription.applicationId,
    includeResourceData: false,
    latestSupportedTlsVersion: 'v1_2',
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationContentType: null,
  });
  /** The expiration a request asks for, or why it may not have it (on the simulated clock). */
  const expiration = (text: string): number | GraphFailure => {
    const at = Date.parse(text);
    if (at <= store.now()) return invalid('Subscription expiration must be in the future.');
    if (at > store.now() + MAX_MESSAGE_SUBSCRIPTION_MINUTES * 60_000) return invalid(`Subscription expiration can only be ${MAX_MESSAGE_SUBSCRIPTION_MINUTES} minutes in the future.`);
    return at;
  };

  app.post('/v1.0/subscriptions', async (c) => {
    const parsed = createSchema.safeParse(await c.req.json().catch((error: unknown) => (error instanceof SyntaxError ? undefined : Promise.reject(error))));
    if (!parsed.success) return graphError(c, invalid(`Invalid subscription: ${parsed.error.issues[0]?.path.join('.') ?? 'body'}.`));
    const input = parsed.data;
    const match = RESOURCE.exec(input.resource);
    if (!match) return graphError(c, invalid(`Resource '${input.resource}' is not supported for change notifications by the dev Graph.`, 'ExtensionError'));
    if (!hasRole(c, ROLES.mailRead)) return graphError(c, ACCESS_DENIED);
    const mailbox = store.mailbox(decodeURIComponent(match[1]!));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const folderRef = match[2] ?? match[3];
    const folder = folderRef === undefined ? undefined : store.folder(mailbox, folderRef);
    if (folderRef !== undefined && !folder) return graphError(c, ITEM_NOT_FOUND);
    const expires = expiration(input.expirationDateTime);
    if (typeof expires !== 'number') return graphError(c, expires);
    for (const url of [input.notificationUrl, input.lifecycleNotificationUrl].filter((value) => value !== undefined)) {
      if (!acceptableUrl(url)) return graphError(c, invalid('The notification URL must use https.', 'ValidationError'));
      if (!(await hub.validate(url))) return graphError(c, invalid('Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.', 'ValidationError'));
    }
    const subscription: DevSubscription = {
      id: randomUUID(),
      applicationId: c.get('appId'),
      resource: input.resource,
      changeTypes: new Set(input.changeType.split(',')),
      notificationUrl: input.notificationUrl,
      ...(input.lifecycleNotificationUrl ? { lifecycleNotificationUrl: input.lifecycleNotificationUrl } : {}),
      ...(input.clientState ? { clientState: input.clientState } : {}),
      mailboxId: mailbox.user.id,
      ...(folder ? { folderKey: folder.key } : {}),
      immutableIds: /idtype="?immutableid"?/i.test(c.req.header('prefer') ?? ''),
      expiration: expires,
    };
    hub.subscriptions.set(subscription.id, subscription);
    return c.json({ '@odata.context': `${baseUrl}/$metadata#subscriptions/$entity`, ...json(subscription) }, 201);
  });

  app.get('/v1.0/subscriptions', (c) => {
    const now = store.now();
    const mine = [...hub.subscriptions.values()].filter((subscription) => subscription.applicationId === c.get('appId') && subscription.expiration > now);
    return c.json({ '@odata.context': `${baseUrl}/$metadata#subscriptions`, value: mine.map(json) });
  });

  const owned = (id: string, appId: string) => {
    const subscription = hub.subscriptions.get(id);
    return subscription && subscription.applicationId === appId && subscription.expiration > store.now() ? subscription : undefined;
  };
  const notFound: GraphFailure = { status: 404, code: 'ResourceNotFound', message: 'The object was not found.' };

  app.get('/v1.0/subscriptions/:id', (c) => {
    const subscription = owned(c.req.param('id'), c.get('appId'));
    return subscription ? c.json({ '@odata.context': `${baseUrl}/$metadata#subscriptions/$entity`, ...json(subscription) }) : graphError(c, notFound);
  });

  app.patch('/v1.0/subscriptions/:id', async (c) => {
    const subscription = owned(c.req.param('id'), c.get('appId'));
    if (!subscription) return graphError(c, notFound);
    const parsed = renewSchema.safeParse(await c.req.json().catch((error: unknown) => (error instanceof SyntaxError ? undefined : Promise.reject(error))));
    if (!parsed.success) return graphError(c, invalid('Invalid subscription update: expirationDateTime.'));
    const expires = expiration(parsed.data.expirationDateTime);
    if (typeof expires !== 'number') return graphError(c, expires);
    subscription.expiration = expires;
    return c.json({ '@odata.context': `${baseUrl}/$metadata#subscriptions/$entity`, ...json(subscription) });
  });

  app.delete('/v1.0/subscriptions/:id', (c) => {
    if (!owned(c.req.param('id'), c.get('appId'))) return graphError(c, notFound);
    hub.subscriptions.delete(c.req.param('id'));
    return c.body(null, 204);
  });
}
