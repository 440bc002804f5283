import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from './dev-tenant.ts';
import { deliverAt, devSeed, inbound, OWNER, START } from '../../test/support/dev-tenant-seed.ts';
import { devTenantCaller, devTenantMaterial, type DevTenantCaller } from '../../test/support/dev-tenant-client.ts';

const HOUR = 3_600_000;

/** A notification endpoint: echoes validation tokens (unless told not to) and records what it is sent. */
async function receiver(echo = true) {
  const received: Array<{ path: string; body: unknown }> = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const token = url.searchParams.get('validationToken');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (token !== null) {
        response.writeHead(200, { 'content-type': 'text/plain' }).end(echo ? token : 'nope');
        return;
      }
      received.push({ path: url.pathname, body: JSON.parse(Buffer.concat(chunks).toString()) as unknown });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('dev Graph change notifications', () => {
  let tenant: DevTenant | undefined;
  let graph: DevTenantCaller | undefined;
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await graph?.close();
    await tenant?.close();
    for (const close of closers.splice(0)) await close();
  });

  it('validates the endpoint, notifies new Inbox mail, renews, lifecycles and expires on the simulated clock', async () => {
    const endpoint = await receiver();
    closers.push(endpoint.close);
    const message = inbound(2 * 60);
    const elsewhere = inbound(3 * 60, { folder: 'clients' });
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed([deliverAt(message), deliverAt(elsewhere)]) });
    graph = devTenantCaller(tenant);
    tenant.clock.advanceTo(START + HOUR);

    const tooLong = await graph.post('/subscriptions', {
      changeType: 'created',
      notificationUrl: `${endpoint.url}/notify`,
      resource: `users/${OWNER.id}/mailFolders('inbox')/messages`,
      expirationDateTime: new Date(START + HOUR + 8 * 24 * HOUR).toISOString(),
    });
    expect(tooLong.status).toBe(400);

    const created = await graph.post(
      '/subscriptions',
      {
        changeType: 'created',
        notificationUrl: `${endpoint.url}/notify`,
        lifecycleNotificationUrl: `${endpoint.url}/lifecycle`,
        resource: `users/${OWNER.userPrincipalName}/mailFolders('inbox')/messages`,
        expirationDateTime: new Date(START + 2 * 24 * HOUR).toISOString(),
        clientState: 'tandem-secret',
      },
      { Prefer: 'IdType="ImmutableId"' },
    );
    expect(created.status).toBe(201);
    const subscription = (await created.json()) as { id: string; expirationDateTime: string; applicationId: string };
    expect(subscription).toMatchObject({ expirationDateTime: new Date(START + 2 * 24 * HOUR).toISOString(), applicationId: tenant.app.clientId, changeType: 'created', clientState: 'tandem-secret' });

    tenant.clock.advanceTo(START + 4 * HOUR);
    await tenant.subscriptions.settle();
    expect(endpoint.received).toEqual([
      {
        path: '/notify',
        body: {
          value: [
            expect.objectContaining({
              subscriptionId: subscription.id,
              changeType: 'created',
              clientState: 'tandem-secret',
              tenantId: tenant.tenantId,
              resourceData: expect.objectContaining({ '@odata.type': '#Microsoft.Graph.Message', id: message.id }),
            }),
          ],
        },
      },
    ]);

    const renewed = await graph.patch(`/subscriptions/${subscription.id}`, { expirationDateTime: new Date(START + 3 * 24 * HOUR).toISOString() });
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as { expirationDateTime: string }).expirationDateTime).toBe(new Date(START + 3 * 24 * HOUR).toISOString());
    expect(await (await graph.get(`/subscriptions/${subscription.id}`)).json()).toMatchObject({ id: subscription.id, expirationDateTime: new Date(START + 3 * 24 * HOUR).toISOString() });

    tenant.subscriptions.lifecycle(subscription.id, 'reauthorizationRequired');
    await tenant.subscriptions.settle();
    expect(endpoint.received.at(-1)).toMatchObject({ path: '/lifecycle', body: { value: [{ subscriptionId: subscription.id, lifecycleEvent: 'reauthorizationRequired' }] } });

    tenant.clock.advanceTo(START + 3 * 24 * HOUR + 1);
    tenant.store.deliver(OWNER.id, inbound(3 * 24 * 60 + 5));
    await tenant.subscriptions.settle();
    expect(endpoint.received.filter((notification) => notification.path === '/notify')).toHaveLength(1);
    expect(((await (await graph.get('/subscriptions')).json()) as { value: unknown[] }).value).toEqual([]);
    expect((await graph.patch(`/subscriptions/${subscription.id}`, { expirationDateTime: new Date(START + 4 * 24 * HOUR).toISOString() })).status).toBe(404);
  });

  it('refuses an endpoint that does not echo the validation token, and deletes subscriptions', async () => {
    const silent = await receiver(false);
    const good = await receiver();
    closers.push(silent.close, good.close);
    tenant = await startDevTenant({ ...(await devTenantMaterial()), seed: devSeed() });
    graph = devTenantCaller(tenant);
    const body = (url: string) => ({ changeType: 'created,updated,deleted', notificationUrl: url, resource: `/users/${OWNER.id}/messages`, expirationDateTime: new Date(START + HOUR).toISOString() });
    const refused = await graph.post('/subscriptions', body(silent.url));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'ValidationError', message: expect.stringContaining('must respond with 200 OK') } });
    expect((await graph.post('/subscriptions', body('http://example.test/hook'))).status).toBe(400);

    const created = (await (await graph.post('/subscriptions', body(good.url))).json()) as { id: string };
    tenant.store.deliver(OWNER.id, inbound(1));
    tenant.store.move(OWNER.id, [...tenant.store.mailbox(OWNER.id)!.messages.keys()][0]!, 'archive');
    await tenant.subscriptions.settle();
    expect(good.received.map((notification) => (notification.body as { value: Array<{ changeType: string }> }).value[0]?.changeType)).toEqual(['created', 'deleted', 'created']);
    expect((await graph.delete(`/subscriptions/${created.id}`)).status).toBe(204);
    expect((await graph.delete(`/subscriptions/${created.id}`)).status).toBe(404);
  });
});
