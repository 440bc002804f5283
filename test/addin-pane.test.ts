// The Outlook task pane end to end in Chromium against the real server on embedded PGlite, with Office.js
// replaced by office-addin-mock (served where the page loads Office.js from): for a mailbox item whose
// Message-ID is in the seeded store it shows the engine's numbers; selecting another item (ItemChanged)
// updates it; "no reply needed" changes the week's KPI in the API and in the tab, mirrors the Outlook
// category, and undoes; the empty and error states; screenshots light and dark in test/artifacts/.
import { mkdir } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB_SCOPE } from '../src/auth/tab-validator.ts';
import { kpiFor, rowsFor } from '../src/reports/reports.ts';
import type { MessageRow } from '../src/reports/message-rows.ts';
import { weekAt, lastWeeks, weekPeriod } from '../src/kpi/weeks.ts';
import { buildTab } from '../src/api/tab-build.ts';
import { formatDuration, formatPercent } from '../src/i18n/format.ts';
import { t } from '../src/i18n/messages.ts';
import type { WeekKpi } from '../src/kpi/engine.ts';
import type { MessageMeta } from '../src/kpi/message.ts';
import { listMessagesSince, upsertMessages } from '../src/store/messages.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { API_SCOPE } from '../tab/src/addin/auth.ts';
import { seriousViolations } from './support/axe.ts';
import { isoWeekIn } from './support/iso-week-labels.ts';
import { OFFICE_JS_URL, officeMockScript } from './support/office-mock/bundle.ts';
import type { MockItem, OfficeConfig } from './support/office-mock/outlook.ts';
import { launchChromium, seededDataDir, startServer, type RunningServer } from './support/tab-browser.ts';
import { SEED_ZONE, seedTabPairing } from './support/tab-seed.ts';

const ARTIFACTS = new URL('./artifacts/addin/', import.meta.url).pathname;
const LOCALE = 'en-US';
const MINUTE = 60_000;
const en = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(LOCALE, key, params);
const midOf = (id: string) => `<${id}@seed.contoso.example>`;
/** Every requirement set the pane asks about, as Outlook on the web reports them. */
const SUPPORTS = ['Mailbox 1.5', 'Mailbox 1.8', 'NestedAppAuth 1.1'];
/** An Entra client id as the manifest puts it in the pane's URL: the pane then signs in through Outlook. */
const PROVISIONED_CLIENT_ID = 'a1b2c3d4-0000-4000-8000-000000000003';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let officeJs: string;
let pairing: Pairing;
let receivedNow: string;
/** Seeded rows the pane is checked against: answered on time by the VA, and a newsletter. */
let answered: MessageRow;
let newsletter: MessageRow;
/** This week as the engine computes it. */
let thisWeek: WeekKpi;

/** Two mails of one conversation that arrived minutes ago, both waiting: the ones marked in the test. */
function freshThread(now: number): MessageMeta[] {
  const weekStart = DateTime.fromMillis(now, { zone: SEED_ZONE }).startOf('week').toMillis();
  const start = Math.max(now - 30 * MINUTE, weekStart + MINUTE);
  const base = { conversationId: 'c-addin', sender: null, cc: [], isDraft: false, categories: [], inference: 'focused' as const, automatic: false, folder: 'inbox' as const, from: 'ben@northwind.example' };
  return ['addin-first', 'addin-second'].map((id, i) => ({
    ...base, id, receivedAt: start + i * MINUTE, sentAt: start + i * MINUTE - MINUTE, to: [pairing.mailbox], subject: 'Order 4471', internetMessageId: midOf(id),
  }));
}

beforeAll(async () => {
  const now = Date.now();
  const dir = await seededDataDir(async (db) => {
    ({ pairing } = await seedTabPairing(db, now));
    // The seeded mailbox as the Graph sync stores it: every message with its Message-ID.
    const seeded = (await listMessagesSince(db, pairing.id, 0)).map((message) => ({ ...message, internetMessageId: midOf(message.id) }));
    await upsertMessages(db, pairing.id, [...seeded, ...freshThread(now)]);
    const rows = await rowsFor(db, pairing, lastWeeks(pairing.settings, now, 2), now);
    answered = rows.find((row) => row.status === 'onTime' && row.answeredFrom === pairing.va.address)!;
    newsletter = rows.find((row) => row.reason === 'auto')!;
    thisWeek = (await kpiFor(db, pairing, weekPeriod(weekAt(pairing.settings, now)), now)).weeks[0]!;
  });
  receivedNow = new Date(now).toISOString();
  await buildTab();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser, officeJs] = await Promise.all([startServer(dir), launchChromium(), officeMockScript()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const item = (id: string, receivedAt = receivedNow): MockItem => ({ internetMessageId: midOf(id), dateTimeCreated: receivedAt });

/** A context whose pages get the mocked Office.js in place of the CDN's, set up from `config`. */
async function outlookContext(config: OfficeConfig): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: LOCALE, viewport: { width: 360, height: 900 }, colorScheme: config.dark ? 'dark' : 'light' });
  await context.addInitScript((value) => Object.assign(window, { __officeConfig: value }), config);
  await context.route(OFFICE_JS_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: officeJs }));
  return context;
}

async function openPane(context: BrowserContext, as: 'VA' | 'Owner' = 'VA'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/tab/addin/`);
  await page.getByRole('button', { name: `Sign in as ${as}` }).click();
  return page;
}

const select = (page: Page, next: MockItem | null) => page.evaluate((value) => (window as unknown as { __officeMock: { select(item: unknown): void } }).__officeMock.select(value), next);
const categoriesOf = (page: Page, id: string) =>
  page.evaluate((value) => (window as unknown as { __officeMock: { categoriesOf(id: string): string[] } }).__officeMock.categoriesOf(value), midOf(id));

/** The tab API's current week, with the pane's own token. */
async function apiWeek(page: Page): Promise<{ pending: number; counted: number; excluded: { marked: number } }> {
  const token = await page.evaluate(() => sessionStorage.getItem('tandem.token'));
  const response = await fetch(`${server.url}/api/pairings/${pairing.id}/week`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()).week;
}

describe('the Outlook task pane', () => {
  it('asks the API for the token scope the server validates', () => {
    expect(API_SCOPE).toBe(TAB_SCOPE);
  });

  it('shows the engine\'s numbers for the selected message, and follows the selection', async () => {
    const context = await outlookContext({ item: item(answered.id), dark: false, supports: SUPPORTS });
    const page = await openPane(context);
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent()).toContain(en('addin.status.onTime'));
    expect(await page.getByTestId('clock').textContent()).toBe(formatDuration(LOCALE, answered.clockMinutes));
    expect(await page.getByTestId('answered').textContent()).toContain('by the VA');
    expect(await page.getByTestId('last-sync').textContent()).not.toContain(en('none'));
    // The friendly name, written out: the seed's zone is Europe/Copenhagen.
    expect(await page.getByTestId('zone').textContent()).toMatch(/^Times in Central European Time \(Copenhagen\) · UTC\+0[12]:00, the time zone set in Tandem$/);
    expect(await page.getByTestId('week-rate').textContent()).toBe(en('addin.weekRate', { rate: thisWeek.rate === null ? en('tab.week.noMail') : formatPercent(LOCALE, thisWeek.rate), target: 90 }));
    expect(await page.getByTestId('week-counts').textContent()).toBe(en('addin.weekCounts', { onTime: thisWeek.onTime, counted: thisWeek.counted, pending: thisWeek.pending }));
    // This week's numbers name no week by its ISO label (issue #20); the link to the tab carries it, as URLs do.
    expect(isoWeekIn((await page.locator('body').innerText()).split('\n'))).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}pane-answered-light.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await select(page, item(newsletter.id));
    await expect.poll(() => page.getByTestId('reason').textContent()).toBe(en('addin.reason.auto'));
    expect(await verdict.textContent()).toBe(en('addin.excluded'));

    await select(page, item('addin-second'));
    await expect.poll(() => verdict.textContent()).toContain(en('addin.status.pending'));
    const waiting = page.getByTestId('conversation');
    expect(await waiting.locator('li').count()).toBe(1);
    expect(await waiting.textContent()).toContain('ben@northwind.example');
    expect(await page.getByTestId('left').textContent()).toMatch(/\d+ h \d+ min/);
    await page.screenshot({ path: `${ARTIFACTS}pane-pending-light.png`, fullPage: true });
    await context.close();
  });

  it('"no reply needed" changes the week in the API and the tab, mirrors the category, and undoes', async () => {
    const context = await outlookContext({ item: item('addin-first'), dark: true, supports: SUPPORTS });
    const page = await openPane(context, 'Owner');
    await page.getByRole('button', { name: en('addin.mark') }).waitFor();
    const before = await apiWeek(page);
    await page.screenshot({ path: `${ARTIFACTS}pane-pending-dark.png`, fullPage: true });

    await page.getByRole('button', { name: en('addin.mark') }).click();
    await expect.poll(() => page.getByTestId('reason').textContent()).toBe(en('addin.reason.marked'));
    expect(await page.getByTestId('category-note').textContent()).toBe(en('addin.category.set', { category: 'No reply needed' }));
    expect(await categoriesOf(page, 'addin-first')).toEqual(['No reply needed']);
    const after = await apiWeek(page);
    expect(after).toMatchObject({ pending: before.pending - 1, counted: before.counted, excluded: { marked: before.excluded.marked + 1 } });
    expect(await page.getByTestId('week-counts').textContent()).toContain(`${after.pending} still waiting`);
    await page.screenshot({ path: `${ARTIFACTS}pane-marked-dark.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The tab, same browser session: its week shows the change at once.
    const tab = await page.context().newPage();
    await tab.goto(`${server.url}/tab/`);
    await tab.evaluate((token) => sessionStorage.setItem('tandem.token', token!), await page.evaluate(() => sessionStorage.getItem('tandem.token')));
    await tab.reload();
    await expect.poll(() => tab.getByTestId('pending').textContent()).toBe(String(after.pending));

    await page.getByRole('button', { name: en('addin.unmark') }).click();
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain(en('addin.status.pending'));
    expect(await categoriesOf(page, 'addin-first')).toEqual([]);
    expect(await apiWeek(page)).toMatchObject({ pending: before.pending, excluded: { marked: before.excluded.marked } });
    await context.close();
  });

  it('says when the category cannot be set, and still records the mark', async () => {
    const context = await outlookContext({ item: item('addin-second'), dark: false, supports: ['Mailbox 1.5'] });
    const page = await openPane(context);
    await page.getByRole('button', { name: en('addin.mark') }).click();
    await expect.poll(() => page.getByTestId('category-note').textContent()).toBe(en('addin.category.unsupported', { category: 'No reply needed' }));
    expect(await page.getByTestId('reason').textContent()).toBe(en('addin.reason.marked'));
    await page.getByRole('button', { name: en('addin.unmark') }).click();
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain(en('addin.status.pending'));
    await context.close();
  });

  describe('empty and error states', () => {
    const states: [string, MockItem | null, string][] = [
      ['not-synced', item('arrived-after-the-sync', new Date(Date.now() + 60 * MINUTE).toISOString()), en('addin.state.notSyncedTitle')],
      ['not-tandem', item('long-ago-elsewhere', '2020-01-01T00:00:00Z'), en('addin.state.notTandemTitle')],
      ['no-item', null, en('addin.state.noItemTitle')],
    ];
    it.each(states)('%s', async (name, selected, title) => {
      for (const dark of [false, true]) {
        const context = await outlookContext({ item: selected, dark, supports: SUPPORTS });
        const page = await openPane(context);
        await page.getByRole('heading', { name: title }).waitFor();
        if (name === 'not-synced') expect(await page.getByTestId('sync-state').textContent()).toContain(pairing.mailbox);
        expect(isoWeekIn((await page.locator('body').innerText()).split('\n'))).toEqual([]);
        await page.screenshot({ path: `${ARTIFACTS}pane-${name}-${dark ? 'dark' : 'light'}.png`, fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      }
    });

    it('offline: says so, and recovers with the connection', async () => {
      const context = await outlookContext({ item: item(answered.id), dark: false, supports: SUPPORTS });
      const page = await openPane(context);
      await page.getByTestId('verdict').waitFor();
      await context.setOffline(true);
      await select(page, item(newsletter.id));
      await page.getByRole('button', { name: en('tab.state.retry') }).waitFor();
      // Said once: the error with its retry, not the banner as well.
      await expect.poll(() => page.getByText(en('tab.state.offline')).count()).toBe(1);
      await page.screenshot({ path: `${ARTIFACTS}pane-offline-light.png`, fullPage: true });
      await context.setOffline(false);
      await page.getByRole('button', { name: en('tab.state.retry') }).click();
      await expect.poll(() => page.getByTestId('reason').textContent()).toBe(en('addin.reason.auto'));
      await context.close();
    });

    it('outside Outlook (Office.js did not load): says where to open it', async () => {
      const context = await browser.newContext({ locale: LOCALE, viewport: { width: 360, height: 600 } });
      await context.route(OFFICE_JS_URL, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${server.url}/tab/addin/`);
      await page.getByRole('heading', { name: en('addin.state.outsideOutlookTitle') }).waitFor();
      await context.close();
    });

    it('in an Outlook without nested app authentication, says where sign-in works', async () => {
      const context = await outlookContext({ item: item(answered.id), dark: false, supports: ['Mailbox 1.5'] });
      const page = await context.newPage();
      await page.goto(`${server.url}/tab/addin/?clientId=${PROVISIONED_CLIENT_ID}&tenantId=a1b2c3d4-0000-4000-8000-00000000000a`);
      await page.getByText(en('addin.state.signInUnsupported')).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}pane-sign-in-unsupported-light.png`, fullPage: true });
      await context.close();
    });

    it('not signed in: a refused token brings the sign-in back', async () => {
      const context = await outlookContext({ item: item(answered.id), dark: false, supports: SUPPORTS });
      await context.addInitScript(() => sessionStorage.setItem('tandem.token', 'expired.token.value'));
      const page = await context.newPage();
      await page.goto(`${server.url}/tab/addin/`);
      await page.getByRole('button', { name: 'Sign in as VA' }).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}pane-sign-in-light.png`, fullPage: true });
      // Every button whole inside its person's card (which clips what overflows it), and the card inside the pane.
      const width = page.viewportSize()!.width;
      for (const button of await page.getByRole('button', { name: /^Sign in as / }).all()) {
        const box = (await button.boundingBox())!;
        const card = (await button.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " fui-Card ")][1]').boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
        expect(card.x + card.width).toBeLessThanOrEqual(width);
      }
      await context.close();
    });
  });
});
