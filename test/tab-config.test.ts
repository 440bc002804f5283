// The group chat tab's configuration page in Chromium, framed by a stand-in Teams client that answers teams-js's
// postMessage protocol (test/support/teams-host.ts), against the real server. The contract, from
// https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page and
// https://learn.microsoft.com/javascript/api/@microsoft/teams-js/pages.config: Teams keeps Save disabled until the
// page calls setValidityState(true); on Save it calls the registered handler, which must setConfig({ contentUrl,
// entityId, suggestedDisplayName, … }) and then notifySuccess (or notifyFailure with a reason).
import { mkdir } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../src/api/tab-build.ts';
import { createPairing, setConversationRef, type Pairing } from '../src/store/pairings.ts';
import { launchChromium, seededDataDir, startServer, type RunningServer } from './support/tab-browser.ts';
import { objectIdFor, SEED_ZONE, seedTabPairing } from './support/tab-seed.ts';
import { openTeamsHost, type TeamsHost } from './support/teams-host.ts';

const ARTIFACTS = new URL('./artifacts/tab-config/', import.meta.url).pathname;
const CHAT = '19:tandem-config@thread.v2';
const CHAT_WITHOUT_PAIRING = '19:no-tandem-yet@thread.v2';
const OWNER = 'owner@contoso.example';
const WEEK = 7 * 24 * 3_600_000;

let server: RunningServer;
let browser: Browser;
/** The pairing set up in CHAT, with twelve weeks of mail. */
let chatPairing: Pairing;
/** Another pairing of the same owner, older, in no chat: what the tab would show first without being told. */
let otherPairing: Pairing;
let ownerToken: string;

beforeAll(async () => {
  const now = Date.now();
  const dir = await seededDataDir(async (db) => {
    ({ pairing: chatPairing } = await seedTabPairing(db, now));
    await setConversationRef(db, chatPairing.id, { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: CHAT } });
    otherPairing = await createPairing(db, {
      tenantId: chatPairing.tenantId,
      mailbox: 'sales@contoso.example',
      owner: { address: OWNER, userId: objectIdFor(OWNER) },
      va: { address: 'va-sales@contoso.example', userId: objectIdFor('va-sales@contoso.example') },
      createdAt: chatPairing.createdAt - WEEK,
    });
  });
  await buildTab();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(dir), launchChromium()]);
  // The token Teams would give the tab (the dev identity issues the same one): the owner of both pairings.
  const response = await fetch(`${server.url}/api/sign-in/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ oid: objectIdFor(OWNER) }) });
  expect(response.status).toBe(200);
  ownerToken = ((await response.json()) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openHost(frameContext: 'settings' | 'content', url: string, context: Record<string, unknown>): Promise<TeamsHost> {
  const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 800, height: 520 } })).newPage();
  return openTeamsHost(page, { url, frameContext, context: { locale: 'en-US', theme: 'default', tid: chatPairing.tenantId, userObjectId: objectIdFor(OWNER), ...context }, token: ownerToken });
}

async function screenshot(frame: Frame, name: string): Promise<void> {
  await frame.page().screenshot({ path: `${ARTIFACTS}${name}.png` });
}

describe('the group chat tab’s configuration page', () => {
  it('enables Save in a chat with a pairing, and saves a content page that shows that chat’s pairing', async () => {
    const host = await openHost('settings', `${server.url}/tab/?mode=config`, { chatId: CHAT });
    const frame = await host.frame();
    const shown = frame.getByTestId('config-pairing');
    await shown.waitFor();
    expect(await shown.textContent()).toContain(chatPairing.mailbox);
    expect(await shown.textContent()).toContain('Vera Assistant');
    expect(await shown.textContent()).not.toContain(chatPairing.va.address);
    expect(await shown.textContent()).not.toContain(otherPairing.mailbox);
    // Save is enabled once the pairing is known, and never was before it.
    const validity = (await host.sentOf('settings.setValidityState')).map(([valid]) => valid);
    expect(validity.at(-1)).toBe(true);
    expect(validity.slice(0, validity.lastIndexOf(true)).every((valid) => valid === false)).toBe(true);
    expect(await host.sentOf('registerHandler')).toContainEqual(['save']);
    await screenshot(frame, 'config-light');

    await host.save();
    await host.waitFor('settings.save.success');
    const [[config]] = (await host.sentOf('settings.setSettings')) as [[{ contentUrl: string; entityId: string; suggestedDisplayName: string; websiteUrl?: string }]];
    expect(config).toMatchObject({ entityId: expect.stringContaining(chatPairing.id), suggestedDisplayName: 'KPIs' });
    const content = new URL(config.contentUrl);
    expect(content.origin).toBe(new URL(server.url).origin);
    expect(content.pathname).toBe('/tab/');
    expect(content.searchParams.get('pairing')).toBe(chatPairing.id);
    // setConfig before notifySuccess, and no failure.
    const order = (await host.sent()).map((message) => message.func);
    expect(order.indexOf('settings.setSettings')).toBeLessThan(order.indexOf('settings.save.success'));
    expect(order).not.toContain('settings.save.failure');

    // Teams then opens the saved contentUrl as the tab in the chat: it shows the chat's pairing, not the owner's first.
    const tab = await openHost('content', config.contentUrl, { chatId: CHAT, entityId: config.entityId });
    const tabFrame = await tab.frame();
    await tabFrame.getByTestId('rate').waitFor();
    expect(await tabFrame.locator('header').getByText('Working with').textContent()).toBe('Working with Vera Assistant, your VA');
    // The owner's other pairing stays one choice away in the header's picker.
    expect(await tabFrame.locator('header select').inputValue()).toBe(chatPairing.id);
    await screenshot(tabFrame, 'saved-tab');
  });

  it('follows Teams’ dark theme', async () => {
    const host = await openHost('settings', `${server.url}/tab/?mode=config`, { chatId: CHAT, theme: 'dark' });
    const frame = await host.frame();
    await frame.getByTestId('config-pairing').waitFor();
    const background = await frame.locator('main').evaluate((element) => getComputedStyle(element).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    await screenshot(frame, 'config-dark');
  });

  it('in a chat without a pairing, says to set Tandem up first and keeps Save disabled', async () => {
    const host = await openHost('settings', `${server.url}/tab/?mode=config`, { chatId: CHAT_WITHOUT_PAIRING });
    const frame = await host.frame();
    await frame.getByText('Tandem is not set up in this chat yet').waitFor();
    expect(await frame.getByText('Set Tandem up in the chat first').count()).toBe(1);
    const validity = (await host.sentOf('settings.setValidityState')).map(([valid]) => valid);
    expect(validity.length).toBeGreaterThan(0);
    expect(validity).not.toContain(true);
    await screenshot(frame, 'config-no-pairing');
    // Were Save pressed anyway, nothing is stored and Teams is told why.
    await host.save();
    const [reason] = await host.waitFor('settings.save.failure');
    expect(reason).toContain('Set Tandem up in the chat first');
    expect(await host.sentOf('settings.setSettings')).toEqual([]);
  });
});

describe('a deep link into the personal tab (Teams hands it over as page.subPageId)', () => {
  // https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application: the link's
  // context.subEntityId reaches the tab as app.getContext().page.subPageId (the legacy context's subEntityId).
  it('opens the linked pairing at the linked view', async () => {
    const host = await openHost('content', `${server.url}/tab/`, { entityId: 'kpi', subEntityId: `${otherPairing.id}/settings` });
    const frame = await host.frame();
    await frame.locator('[role="tab"][aria-selected="true"]').getByText('Settings').waitFor();
    expect(await frame.locator('header select').inputValue()).toBe(otherPairing.id);
    // Inside Teams the user is signed in as Teams' own user (SSO): there is nothing to sign out of.
    expect(await frame.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });

  it('never opens a pairing the reader is not in: a link naming one opens one of their own', async () => {
    const host = await openHost('content', `${server.url}/tab/`, { entityId: 'kpi', subEntityId: '7f3c2a10-0000-4000-8000-00000000beef/settings' });
    const frame = await host.frame();
    await frame.locator('[role="tab"][aria-selected="true"]').getByText('Settings').waitFor();
    expect([chatPairing.id, otherPairing.id]).toContain(await frame.locator('header select').inputValue());
  });

  it('opens Messages at the linked week', async () => {
    const monday = DateTime.now().setZone(SEED_ZONE).startOf('week').minus({ weeks: 3 });
    const week = `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`;
    const host = await openHost('content', `${server.url}/tab/`, { entityId: 'kpi', subEntityId: `${chatPairing.id}/messages/${week}` });
    const frame = await host.frame();
    const asked = frame.page().waitForRequest((request) => request.url().includes(`/pairings/${chatPairing.id}/messages?`));
    await frame.locator('[role="tab"][aria-selected="true"]').getByText('Messages').waitFor();
    expect(new URL((await asked).url()).searchParams.get('week')).toBe(week);
    expect(await frame.locator('header select').inputValue()).toBe(chatPairing.id);
  });
});
