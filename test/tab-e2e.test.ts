// The tab end to end in Chromium against the real server on embedded PGlite: the owner and the VA sign in
// through the standalone picker and see the engine's numbers; a settings change recomputes history; the VA
// adds leave and marks a message; CSV exports download; the completion KPI shows beside the mail KPI and the
// Tasks view lists the plan's tasks with links into Planner (a pairing without tasks shows neither); the owner picks the
// tasks to measure from the plans and lists the dev tenant's Graph lists for the pair; every view
// is screenshotted in light, dark and high contrast and checked with axe (no serious or critical violation,
// text contrast included).
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiFor } from '../src/reports/reports.ts';
import { loadTaskReport } from '../src/reports/tasks.ts';
import type { TaskWeek } from '../src/kpi/tasks.ts';
import { buildTab } from '../src/api/tab-build.ts';
import { lastWeeks, weekAt, weekPeriod } from '../src/kpi/weeks.ts';
import { DateTime } from 'luxon';
import { formatDate, formatDuration, formatPercent } from '../src/i18n/format.ts';
import { t } from '../src/i18n/messages.ts';
import type { WeekKpi } from '../src/kpi/engine.ts';
import { parseSettings } from '../src/kpi/settings.ts';
import { createPairing, type Pairing } from '../src/store/pairings.ts';
import { launchChromium, seededDataDir, startServer, type RunningServer } from './support/tab-browser.ts';
import { objectIdFor, SEED_ZONE, seedTabPairing } from './support/tab-seed.ts';
import { seriousViolations } from './support/axe.ts';
import { LOCAL_SEED, LOCAL_WEEKS } from '../src/devtenant/local-tenant.ts';
import { generateTenantSeed } from '../src/devtenant/seed/generate.ts';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const LOCALE = 'en-US';
const VIEWS = ['week', 'trend', 'waiting', 'messages', 'tasks', 'feedback', 'settings'] as const;
/** An element each view shows once its data is in. */
const READY: Record<(typeof VIEWS)[number], string> = {
  week: '[data-testid="rate"]',
  trend: '[role="listitem"]',
  waiting: 'section[aria-label="Waiting"]',
  messages: '[data-testid="message-row"]',
  tasks: '[data-testid="task-row"]',
  feedback: 'section[aria-label="Feedback"]',
  settings: 'text=Targets and rules',
};

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let pairing: Pairing;
/**
 * The engine's week as of each minute from seeding until the page could be looking (unanswered mail turns
 * missed as its window closes, so the server's "now" may have moved a boundary on): the page must show one.
 */
let expected: Array<{ week: WeekKpi; streak: number | null }>;
let expectedWith72h: WeekKpi[];
/** The engine's trend at seeding: the weeks before this one, whose rates the passing minutes cannot change. */
let expectedTrend: readonly WeekKpi[];
let expectedTaskTrend: readonly TaskWeek[];
const MINUTES_WATCHED = 30;
/**
 * The people of the local dev tenant (the seed `npm start` uses; its people do not depend on the week it starts),
 * in a pairing of their own whose mailbox the dev tenant does not hold: their Planner plans and To Do lists are
 * the dev tenant's, their mail is nobody's.
 */
const local = generateTenantSeed(LOCAL_SEED, { weeks: LOCAL_WEEKS });
const TASK_PEOPLE = { owner: 'tasks.owner@contoso.example', va: 'tasks.assistant@contoso.example' };

/** When the pairing was seeded: its weeks are counted from here. */
let seededAt: number;

beforeAll(async () => {
  const now = Date.now();
  seededAt = now;
  const dir = await seededDataDir(async (db) => {
    ({ pairing } = await seedTabPairing(db, now, { tasks: true }));
    // A pairing just set up in its chat (which stores the people's object ids): no mail synced yet.
    await createPairing(db, { tenantId: pairing.tenantId, mailbox: 'owner-new@contoso.example', owner: { address: 'owner-new@contoso.example', userId: objectIdFor('owner-new@contoso.example') }, va: { address: 'va-new@contoso.example', userId: objectIdFor('va-new@contoso.example') } });
    await createPairing(db, { tenantId: pairing.tenantId, mailbox: TASK_PEOPLE.owner, owner: { address: TASK_PEOPLE.owner, userId: local.groundTruth.pairing.ownerUserId }, va: { address: TASK_PEOPLE.va, userId: local.groundTruth.pairing.vaUserId } });
    const period = weekPeriod(weekAt(pairing.settings, now));
    const minutes = Array.from({ length: MINUTES_WATCHED + 1 }, (_, minute) => now + minute * 60_000);
    expected = await Promise.all(minutes.map(async (at) => kpiFor(db, pairing, period, at).then((report) => ({ week: report.weeks[0]!, streak: report.inboxZeroStreak }))));
    expectedTrend = (await kpiFor(db, pairing, lastWeeks(pairing.settings, now, 12), now)).weeks.slice(0, -1);
    expectedTaskTrend = (await loadTaskReport(db, pairing, lastWeeks(pairing.settings, now, 12), now))!.weeks.slice(0, -1);
    expectedWith72h = await Promise.all(minutes.map(async (at) => (await kpiFor(db, pairing, period, at, parseSettings({ ...pairing.settings, windowHours: 72 }))).weeks[0]!));
  });
  // Always the current code: a bundle left from an earlier build would be tested otherwise.
  await buildTab();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(dir), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** axe needs a page of an explicit context. */
async function openPage(options: Parameters<typeof browser.newContext>[0] = {}): Promise<Page> {
  return (await browser.newContext({ locale: LOCALE, viewport: { width: 1280, height: 900 }, ...options })).newPage();
}

/** The German tab's words, from the catalog. */
const de = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t('de-DE', key, params);

/** Through the standalone picker, whose button speaks the page's language (`locale`, as its context was opened). */
async function signIn(page: Page, name: 'Owner' | 'VA' | 'Owner New' | 'Tasks Owner' | 'Tasks Assistant', ready = READY.week, locale = LOCALE): Promise<void> {
  await page.goto(`${server.url}/tab/`);
  await page.getByRole('button', { name: locale === LOCALE ? `Sign in as ${name}` : t(locale, 'tab.signIn.as', { name }), exact: true }).click();
  await page.locator(ready).first().waitFor();
}

async function openView(page: Page, view: (typeof VIEWS)[number], theme: 'light' | 'dark' | 'contrast'): Promise<void> {
  await page.goto(`${server.url}/tab/?view=${view}&theme=${theme}`);
  await page.locator(READY[view]).first().waitFor().catch(async (error: unknown) => {
    await page.screenshot({ path: `${ARTIFACTS}failed-${view}-${theme}.png`, fullPage: true });
    throw error;
  });
  await page.waitForLoadState('networkidle');
}

async function shown(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent())!.trim();
}

/** The totals sentence as English (en-US) writes it, by hand: "40 e-mails needed a reply: 33 on time, 2 late, and 5 missed." */
function totalsInEnglish(week: WeekKpi): string {
  const parts = ([[week.onTime, 'on time'], [week.late, 'late'], [week.missed, 'missed']] as const).filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
  const list = parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`;
  const counted = week.counted === 0 ? [] : [`${week.counted} ${week.counted === 1 ? 'e-mail' : 'e-mails'} needed a reply: ${list}.`];
  const pending = week.pending === 0 ? [] : [`${week.pending} more ${week.pending === 1 ? 'still has' : 'still have'} time for an answer.`];
  return [...counted, ...pending].join(' ');
}

describe('the KPI tab in Chromium', () => {
  it('shows the owner exactly the engine\'s numbers for this week', async () => {
    const page = await openPage();
    await signIn(page, 'Owner');
    const screen = {
      rate: await shown(page, 'rate'),
      counts: await Promise.all((['counted', 'onTime', 'late', 'missed', 'pending'] as const).map((key) => shown(page, key))),
      median: await shown(page, 'median'),
      p90: await shown(page, 'p90'),
      answeredBy: [await shown(page, 'byVa'), await shown(page, 'byOwner')],
      streak: await shown(page, 'streak'),
      totals: await shown(page, 'totals'),
    };
    const engine = expected.map(({ week, streak }) => ({
      rate: week.rate === null ? 'No mail' : formatPercent(LOCALE, week.rate),
      counts: [week.counted, week.onTime, week.late, week.missed, week.pending].map(String),
      median: formatDuration(LOCALE, week.medianMinutes),
      p90: formatDuration(LOCALE, week.p90Minutes),
      answeredBy: [String(week.answeredBy.va), String(week.answeredBy.owner)],
      // Written out by hand, not through the app's catalog: English says "1 week", every other count "weeks".
      streak: streak === null ? 'No streak yet' : streak === 1 ? 'Streak: 1 week' : `Streak: ${streak} weeks`,
      totals: totalsInEnglish(week),
    }));
    expect(engine).toContainEqual(screen);
    expect(expected[0]!.week.counted).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows the trend\'s rates in words under the chart, as the engine computes them, each marked against the target', async () => {
    const page = await openPage();
    await signIn(page, 'Owner');
    await openView(page, 'trend', 'light');
    const values = page.getByTestId('trend-values');
    // On the page, not only for screen readers: inside the viewport's width, where the chart is.
    const box = (await values.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    // A week without a rate shows a dash, and says why to a screen reader (read here with the rest of the cell).
    const written = (weeks: readonly { rate: number | null; met: boolean | null }[], none: string) =>
      weeks.map((week) => (week.rate === null ? `– ${none}` : `${formatPercent(LOCALE, week.rate)} ${week.met ? '✓' : '✗'}`));
    const row = async (n: number) => (await values.locator('tbody tr').nth(n).locator('td').allInnerTexts()).map((cell) => cell.replace(/\s+/g, ' ').trim());
    const [mail, tasks] = [await row(0), await row(1)];
    expect([mail.length, tasks.length]).toEqual([12, 12]);
    expect(mail.slice(0, -1)).toEqual(written(expectedTrend, 'No mail'));
    expect(tasks.slice(0, -1)).toEqual(written(expectedTaskTrend, 'No tasks due'));
    expect(expectedTrend.some((week) => week.rate !== null)).toBe(true);
    await page.context().close();
  });

  it('keeps the trend readable on a phone: the rates\' table scrolls instead of squeezing them, a week without mail says so, and the page is no wider than the screen', async () => {
    const page = await openPage({ viewport: { width: 360, height: 800 } });
    await signIn(page, 'Owner New', 'text=No mail yet');
    await openView(page, 'trend', 'light');
    const values = page.getByTestId('trend-values');
    const cells = await values.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.map((cell) => cell.replace(/\s+/g, ' ').trim())).toEqual(Array(12).fill('– No mail'));
    // Every date and rate fits its cell, and the table is wider than the screen, inside a box that scrolls.
    const fits = await values.locator('th, td').evaluateAll((cells) => cells.every((cell) => cell.scrollWidth <= cell.clientWidth + 1));
    expect(fits).toBe(true);
    const box = await values.evaluate((table) => ({ table: table.scrollWidth, scroller: table.parentElement!.clientWidth, scrolls: getComputedStyle(table.parentElement!).overflowX }));
    expect(box.table).toBeGreaterThan(box.scroller);
    expect(box.scrolls).toBe('auto');
    // Nor does anything else widen the page: the views' names scroll in their own bar.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${ARTIFACTS}tab-trend-narrow.png`, fullPage: true });
    await page.context().close();
  });

  for (const role of ['Owner', 'VA'] as const) {
    for (const theme of ['light', 'dark', 'contrast'] as const) {
      it(`renders every view for the ${role === 'VA' ? 'VA' : 'owner'} in the ${theme === 'contrast' ? 'high-contrast' : theme} theme, with no serious accessibility violation (axe's color-contrast among them)`, async () => {
        const page = await openPage();
        await signIn(page, role);
        const problems: string[] = [];
        for (const view of VIEWS) {
          await openView(page, view, theme);
          await page.screenshot({ path: `${ARTIFACTS}tab-${role.toLowerCase()}-${view}-${theme}.png`, fullPage: true });
          // The ratings beside the trend: both sides answered the weeks before last (owner 3 and 4 of 5, VA 4 of 5).
          if (view === 'trend') await expect.poll(() => page.getByTestId('ratings').textContent()).toMatch(/3 of 5.*4 of 5.*4 of 5/s);
          // The inbox weeks are told by mark as well as colour: the seed empties the Inbox most Fridays, not all.
          if (view === 'trend') {
            const chips = await page.locator('[role="listitem"]').allInnerTexts();
            expect(chips.some((chip) => chip.startsWith('✓ '))).toBe(true);
            expect(chips.some((chip) => chip.startsWith('✗ '))).toBe(true);
          }
          problems.push(...(await seriousViolations(page)).map((problem) => `${view}/${theme}: ${problem}`));
        }
        expect(problems).toEqual([]);
        await page.context().close();
      }, 180_000);
    }
  }

  it('shows a new pairing\'s empty state and the offline state, without serious accessibility violations', async () => {
    const page = await openPage();
    // The server's first sync of this mailbox (the dev tenant's import-backed source) finds nothing.
    await signIn(page, 'Owner New', 'text=No mail yet');
    // Outside Teams the picker signed the user in, so the header offers to sign out (inside Teams it does not: tab-config).
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}tab-new-pairing-week-light.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // No task source: nothing about tasks, not even an empty box, and asking for the Tasks view shows This week.
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['This week', 'Trend', 'Waiting', 'Messages', 'Feedback', 'Settings']);
    expect(await page.getByTestId('tasks-card').count()).toBe(0);
    await page.goto(`${server.url}/tab/?view=tasks`);
    await page.getByText('No mail yet').waitFor();
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('This week');
    expect(await page.getByText(/task/i).count()).toBe(0);
    await page.goto(`${server.url}/tab/?theme=dark`);
    await page.getByText('No mail yet').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}tab-new-pairing-week-dark.png`, fullPage: true });

    await page.context().setOffline(true);
    await page.getByRole('tab', { name: 'Trend' }).click();
    // Not a spinner for ever: the view says it is offline, once, and offers to try again.
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await expect.poll(() => page.getByText('You are offline').count()).toBe(1);
    expect(await page.getByText('Loading…').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}tab-offline-dark.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows the task KPI beside the mail KPI, and the Tasks view lists a week’s tasks with status and links that open them in Planner', async () => {
    const page = await openPage();
    // Planner is not reachable from here: its pages answer with a stand-in, so a click can be followed.
    await page.context().route('https://tasks.office.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Planner</title>' }));
    await signIn(page, 'Owner');
    // This week, by the seed's construction: two tasks done on time, one not due yet, whatever the weekday.
    await page.getByTestId('tasks-card').waitFor();
    expect(await shown(page, 'tasks-rate')).toBe(formatPercent(LOCALE, 1));
    expect(await Promise.all(['tasks-onTime', 'tasks-late', 'tasks-overdue', 'tasks-open'].map((id) => shown(page, id)))).toEqual(['2', '0', '0', '1']);
    expect(await shown(page, 'tasks-met')).toBe('✓ Target met');
    expect(await page.getByTestId('tasks-card').textContent()).toContain('Target 80%');
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['This week', 'Trend', 'Waiting', 'Messages', 'Tasks', 'Feedback', 'Settings']);

    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.getByTestId('task-row').first().waitFor();
    // Last week, in the seed's words: by due moment, then id; the task without a due date last.
    const lastMonday = DateTime.fromMillis(Date.now(), { zone: SEED_ZONE }).startOf('week').minus({ weeks: 1 });
    const dueDay = (day: number) => formatDate(LOCALE, lastMonday.plus({ days: day }).toISODate()!, { weekday: true, year: false });
    await page.getByRole('combobox', { name: 'Week' }).click();
    await page.getByRole('option').nth(1).click();
    await expect.poll(() => page.getByTestId('task-row').first().getAttribute('data-id')).toBe('lw-invoices');
    const rows = await page.getByTestId('task-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows).toEqual([
      [dueDay(0), 'Chase unpaid invoicesOpen in Planner', '✓ On time'],
      [dueDay(1), 'Book travel for the trade fairOpen in Planner', '✓ On time'],
      [dueDay(2), 'Send the spring quotesOpen in Planner', '⚠ Done late'],
      [dueDay(2), 'Call the supplier about the delayOpen in Planner', 'Not assigned to the VA'],
      [dueDay(3), 'Update the CRM contactsOpen in Planner', '✓ On time'],
      [dueDay(3), 'Refresh the website photosOpen in Planner', 'Removed before it was due'],
      [dueDay(4), 'Monthly sales reportOpen in Planner', '✗ Overdue'],
      ['–', 'Tidy the shared driveOpen in Planner', 'No due date'],
    ]);
    // Planner's own address of each task in the pairing's tenant (the seed, like the sync, stores none).
    const plannerLink = (id: string) => `https://tasks.office.com/${pairing.tenantId}/Home/Task/${id}`;
    const links = page.getByTestId('task-link');
    expect(await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('aria-label')]))).toEqual(
      ['lw-invoices', 'lw-travel', 'lw-quotes', 'lw-supplier', 'lw-crm', 'lw-website', 'lw-report', 'no-date'].map((id, i) => [plannerLink(id), '_blank', `Open "${rows[i]![1]!.replace('Open in Planner', '')}" in Planner`]),
    );
    const [popup] = await Promise.all([page.waitForEvent('popup'), links.nth(6).click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(plannerLink('lw-report'));
    expect(await popup.title()).toBe('Planner');
    await popup.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export these tasks (CSV)' }).click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('id,title,dueDay,dueAt,status,excludedBecause,webUrl');
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(['lw-invoices', 'lw-travel', 'lw-quotes', 'lw-supplier', 'lw-crm', 'lw-website', 'lw-report', 'no-date']);
    await page.context().close();
  }, 120_000);

  it('shows This week, Tasks and the Trend with both KPIs in German', async () => {
    const page = await openPage({ locale: 'de-DE' });
    await signIn(page, 'Owner', '[data-testid="tasks-rate"]', 'de-DE');
    for (const view of ['week', 'tasks', 'trend'] as const) {
      await openView(page, view, 'light');
      if (view === 'trend') await page.getByTestId('task-week').first().waitFor();
      await page.screenshot({ path: `${ARTIFACTS}tab-owner-${view}-de-light.png`, fullPage: true });
    }
    // The trend's task table: last week 3 of 5 done on time against 80 %, this week 2 of 2.
    const lastTwo = await page.getByTestId('task-week').evaluateAll((trs) => trs.slice(-2).map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent!.trim())));
    expect(lastTwo).toEqual([[`${formatPercent('de-DE', 0.6)} ✗`, '3', '1', '1', '0'], [`${formatPercent('de-DE', 1)} ✓`, '2', '0', '0', '1']]);
    expect(await page.getByRole('heading', { name: de('tab.trend.chartTitleTasks') }).count()).toBe(1);
    await page.context().close();
  }, 120_000);

  it('lets the owner preview a settings change on past weeks, refuses a bad value next to its field, and saving recomputes history', async () => {
    const page = await openPage();
    await signIn(page, 'Owner');
    await openView(page, 'settings', 'light');
    const window = page.getByLabel('Answer within (hours)');
    await window.fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('must be a whole number from 1 to 168 hours').count()).toBe(1);

    await window.fill('72');
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    await expect.poll(() => page.getByTestId('preview-row').count()).toBe(12);
    await page.screenshot({ path: `${ARTIFACTS}tab-owner-settings-preview-light.png`, fullPage: true });
    const lastRow = (await page.getByTestId('preview-row').last().textContent())!;
    expect(expectedWith72h.map((week) => (week.rate === null ? 'No mail' : formatPercent(LOCALE, week.rate))).some((rate) => lastRow.includes(rate))).toBe(true);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.', { exact: false }).waitFor();
    await openView(page, 'week', 'light');
    const counts = await Promise.all((['counted', 'onTime', 'late', 'missed', 'pending'] as const).map((key) => shown(page, key)));
    expect(expectedWith72h.map((week) => [week.counted, week.onTime, week.late, week.missed, week.pending].map(String))).toContainEqual(counts);
    await page.context().close();
  }, 120_000);

  it("lets the owner choose the chat's language, which the VA then sees but cannot change", async () => {
    const owner = await openPage();
    await signIn(owner, 'Owner');
    await openView(owner, 'settings', 'light');
    const picker = owner.getByRole('combobox', { name: 'Language' });
    await picker.waitFor();
    expect(await picker.textContent()).toContain('Your Outlook language');
    await picker.click();
    await owner.getByRole('option', { name: 'Dansk' }).click();
    await owner.getByText('Saved. The next cards in the chat use it.').waitFor();
    await owner.screenshot({ path: `${ARTIFACTS}tab-owner-settings-language-light.png`, fullPage: true });
    await owner.reload();
    await expect.poll(async () => owner.getByRole('combobox', { name: 'Language' }).textContent()).toBe('Dansk');
    await owner.context().close();

    const va = await openPage();
    await signIn(va, 'VA');
    await openView(va, 'settings', 'light');
    // The VA reads the choice as text; there is no picker to open.
    await expect.poll(async () => va.getByTestId('setting-language').textContent()).toBe('Dansk');
    expect(await va.getByRole('combobox', { name: 'Language' }).count()).toBe(0);
    await va.getByText('Only the owner can change it.').waitFor();
    await va.context().close();

    // Back to following Outlook, through the same picker.
    const back = await openPage();
    await signIn(back, 'Owner');
    await openView(back, 'settings', 'light');
    await back.getByRole('combobox', { name: 'Language' }).click();
    await back.getByRole('option', { name: /Your Outlook language/ }).click();
    await back.getByText('Saved. The next cards in the chat use it.').waitFor();
    expect(await back.getByRole('combobox', { name: 'Language' }).textContent()).toContain('Your Outlook language');
    await back.context().close();
  }, 120_000);

  it('speaks German formats in a German tab: 24-hour working hours, a friendly zone, dates typed day first; saving still sends HH:MM and YYYY-MM-DD', async () => {
    const owner = await openPage({ locale: 'de-DE' });
    await signIn(owner, 'Owner', READY.week, 'de-DE');
    await owner.goto(`${server.url}/tab/?view=settings&theme=light`);
    const end = owner.getByRole('combobox', { name: de('tab.settings.workEnd') });
    await end.waitFor();
    await owner.waitForLoadState('networkidle');
    expect((await end.textContent())!.trim()).toBe('17:00');
    expect((await owner.getByRole('combobox', { name: de('tab.settings.workStart') }).textContent())!.trim()).toBe('09:00');
    // The seed's zone, Europe/Copenhagen, by its German name.
    expect(await owner.getByRole('combobox', { name: de('tab.settings.timeZone') }).inputValue()).toMatch(/^Mitteleuropäische Zeit \(Copenhagen\) · UTC\+0[12]:00$/);
    await owner.screenshot({ path: `${ARTIFACTS}tab-owner-settings-de-light.png`, fullPage: true });

    await end.click();
    await owner.getByRole('option', { name: '18:30' }).click();
    const zone = owner.getByRole('combobox', { name: de('tab.settings.timeZone') });
    await zone.click();
    await zone.fill('');
    await zone.pressSequentially('new york');
    await owner.getByRole('option', { name: /New York/ }).click();
    expect(await zone.inputValue()).toMatch(/^Nordamerikanische Ostküstenzeit \(New York\) · UTC-0[45]:00$/);
    await owner.screenshot({ path: `${ARTIFACTS}tab-owner-settings-de-changed-light.png`, fullPage: true });
    const [put] = await Promise.all([owner.waitForRequest((request) => request.method() === 'PUT' && request.url().endsWith('/settings')), owner.getByRole('button', { name: de('tab.settings.save') }).click()]);
    expect(put.postDataJSON()).toMatchObject({ timeZone: 'America/New_York', workingHours: { startTime: '09:00', endTime: '18:30' } });
    await owner.getByText(de('tab.settings.saved')).waitFor();
    await owner.reload();
    await owner.getByRole('combobox', { name: de('tab.settings.workEnd') }).waitFor();
    await expect.poll(async () => (await owner.getByRole('combobox', { name: de('tab.settings.workEnd') }).textContent())!.trim()).toBe('18:30');
    // Back as it was, for the other tests.
    await owner.getByRole('combobox', { name: de('tab.settings.workEnd') }).click();
    await owner.getByRole('option', { name: '17:00' }).click();
    await zone.click();
    await zone.fill('');
    await zone.pressSequentially('copenhagen');
    await owner.getByRole('option', { name: /Copenhagen/ }).click();
    await owner.getByRole('button', { name: de('tab.settings.save') }).click();
    await owner.getByText(de('tab.settings.saved')).waitFor();
    await owner.context().close();

    const va = await openPage({ locale: 'de-DE' });
    await signIn(va, 'VA', READY.week, 'de-DE');
    await va.goto(`${server.url}/tab/?view=settings&theme=light`);
    const first = va.getByLabel(de('tab.leave.firstDay'));
    await first.waitFor();
    expect(await first.getAttribute('placeholder')).toBe('TT.MM.JJJJ');
    await first.fill('31.02.2026');
    await va.getByText(de('tab.date.invalid', { pattern: 'TT.MM.JJJJ', example: '13.10.2026' })).waitFor();
    await first.fill('20.10.2026');
    await va.getByLabel(de('tab.leave.lastDay')).fill('21.10.2026');
    expect(await va.getByText(de('tab.date.invalid', { pattern: 'TT.MM.JJJJ', example: '13.10.2026' })).count()).toBe(0);
    await va.screenshot({ path: `${ARTIFACTS}tab-va-settings-leave-de-light.png`, fullPage: true });
    const [post] = await Promise.all([va.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/leave')), va.getByRole('button', { name: de('tab.leave.add') }).click()]);
    expect(post.postDataJSON()).toEqual({ from: '2026-10-20', to: '2026-10-21' });
    await expect.poll(() => va.getByTestId('leave-row').filter({ hasText: '20. Okt.' }).count()).toBe(1);
    await va.screenshot({ path: `${ARTIFACTS}tab-va-settings-leave-de-added-light.png`, fullPage: true });
    await va.context().close();
  }, 180_000);

  it('opens each waiting message in Outlook on the web, by the link Graph gave', async () => {
    const page = await openPage();
    await signIn(page, 'Owner');
    await openView(page, 'waiting', 'light');
    // Rows already missed in an earlier week stand beside This week's "Missed 0": the view says how far back it reaches.
    await page.getByText('Mail nobody has answered yet, from the last 4 weeks, oldest first.', { exact: false }).waitFor();
    const links = page.getByTestId('open-in-outlook');
    expect(await links.count()).toBe(await page.getByTestId('waiting-row').count());
    for (const link of await links.all()) {
      // The seed stores, like the Graph sync, OWA's ItemID link for the message (test/support/tab-seed.ts).
      expect(await link.getAttribute('href')).toMatch(/^https:\/\/outlook\.office365\.com\/owa\/\?ItemID=m-/);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('title')).toBe('Open in Outlook');
    }
    expect(await links.count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('lets the VA add leave, mark a message "no reply needed" (the KPI follows) and export CSV; settings are read-only', async () => {
    const page = await openPage({ acceptDownloads: true });
    await signIn(page, 'VA');

    await openView(page, 'settings', 'light');
    await page.getByText('Only the owner can change these settings.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    // What was agreed reads as text: nothing to type into or switch but the VA's own time off (two date fields).
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(2);
    // (Earlier tests may have changed the values; what matters here is that they read as text.)
    expect(await page.getByTestId('setting-windowHours').textContent()).toMatch(/^\d+$/);
    expect(await page.getByTestId('setting-privacyMode').textContent()).toMatch(/^Hide the subjects .*: (On|Off)$/);
    // Typed in the reader's order (en-US: month first), as the placeholder shows.
    expect(await page.getByLabel('First day away').getAttribute('placeholder')).toBe('MM/DD/YYYY');
    await page.getByLabel('First day away').fill('10/13/2026');
    await page.getByLabel('Last day away').fill('10/14/2026');
    await page.getByRole('button', { name: 'Add time off' }).click();
    await expect.poll(() => page.getByTestId('leave-row').filter({ hasText: 'Oct 13' }).count()).toBe(1);

    // Last week, which has missed mail whatever the day (early in a week, this week has none yet), as `?week=` opens it.
    const monday = DateTime.fromMillis(seededAt, { zone: SEED_ZONE }).startOf('week').minus({ weeks: 1 });
    const lastWeek = `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`;
    const countedIn = async () => {
      const [weekly] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export weekly KPIs (CSV)' }).click()]);
      const [header, ...lines] = (await readFile((await weekly.path())!, 'utf8')).trim().split('\r\n').map((line) => line.split(','));
      return Number(lines.find((cells) => cells[0] === lastWeek)![header!.indexOf('counted')]);
    };
    await page.goto(`${server.url}/tab/?view=messages&week=${lastWeek}&theme=light`);
    await page.locator(READY.messages).first().waitFor();
    const countedLastWeek = await countedIn();
    // Answered mail offers no mark (it was answered); mail nobody answered does.
    expect(await page.locator('[data-testid="message-row"][data-status="onTime"]').getByRole('button', { name: /^Mark / }).count()).toBe(0);
    const row = page.locator('[data-testid="message-row"][data-status="missed"]').first();
    const id = await row.getAttribute('data-id');
    await row.getByRole('button', { name: /^Mark / }).click();
    await page.getByLabel(/Why does this message need no reply/).fill('Answered by phone');
    await page.getByRole('button', { name: 'Mark as no reply needed' }).click();
    await page.locator(`[data-id="${id}"]`).getByText('Marked by the VA: Answered by phone').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this week (CSV)' }).click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('id,receivedAt,from,subject,status,excludedBecause,answeredAt,answeredFrom,clockMinutes,markedBy,markReason');
    expect(csv.length - 1).toBe(await page.getByTestId('message-row').count());
    expect(csv.find((line) => line.startsWith(`${id},`))).toMatch(/,marked,.*,va,Answered by phone$/);
    const [weekly] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export weekly KPIs (CSV)' }).click()]);
    expect((await readFile((await weekly.path())!, 'utf8')).trim().split('\r\n')).toHaveLength(13);
    // The KPI follows: that week counts one message fewer.
    expect(await countedIn()).toBe(countedLastWeek - 1);
    await page.context().close();
  }, 120_000);

  it('lets the owner pick the tasks to measure from the pair’s plans and lists, grouped, and save a task target; the VA sees the choice read-only', async () => {
    // Written out from the dev tenant's seed: whose each plan (by its group's members) and each list is.
    const { ownerUserId, vaUserId } = local.groundTruth.pairing;
    const whose = (ids: readonly string[]) => (ids.includes(ownerUserId) && ids.includes(vaUserId) ? 'both' : ids.includes(ownerUserId) ? 'the owner’s' : 'the VA’s');
    const groups = new Map(local.tasks!.groups!.map((group) => [group.id, group.memberIds]));
    const byTitle = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const plans = local.tasks!.plans.map((plan) => `${plan.title} (${whose(groups.get(plan.groupId)!)})`).sort(byTitle);
    const lists = local.tasks!.lists.map((list) => `${list.displayName} (${whose([list.userId])})`).sort(byTitle);
    expect(plans.length).toBeGreaterThan(1);

    const owner = await openPage();
    await signIn(owner, 'Tasks Owner', 'text=No mail yet');
    await openView(owner, 'settings', 'light');
    const picker = owner.getByRole('combobox', { name: 'Tasks to measure' });
    await expect.poll(() => picker.isEnabled()).toBe(true);
    expect((await picker.textContent())!.trim()).toBe('None (no task target)');
    await picker.click();
    const listbox = owner.getByRole('listbox');
    const group = (name: string) => listbox.getByRole('group', { name });
    expect(await group('Planner plans').getByRole('option').allTextContents()).toEqual(plans);
    expect(await group('To Do lists').getByRole('option').allTextContents()).toEqual(lists);
    expect((await listbox.getByRole('option').first().textContent())!.trim()).toBe('None (no task target)');
    await owner.screenshot({ path: `${ARTIFACTS}tab-owner-settings-tasks-open-light.png`, fullPage: true });
    expect(await seriousViolations(owner)).toEqual([]);
    const chosen = plans.find((label) => label.endsWith('(both)'))!;
    await owner.getByRole('option', { name: chosen }).click();
    await owner.getByLabel('Task target (% done on time)').fill('80');
    const [put] = await Promise.all([owner.waitForRequest((request) => request.method() === 'PUT' && request.url().endsWith('/settings')), owner.getByRole('button', { name: 'Save' }).click()]);
    const planId = local.tasks!.plans.find((plan) => chosen.startsWith(`${plan.title} (`))!.id;
    expect(put.postDataJSON()).toMatchObject({ taskSource: `planner:${planId}`, taskTargetPct: 80 });
    await owner.getByText('Saved.', { exact: false }).waitFor();
    await owner.reload();
    await expect.poll(async () => (await owner.getByRole('combobox', { name: 'Tasks to measure' }).textContent())!.trim()).toBe(chosen);
    await owner.screenshot({ path: `${ARTIFACTS}tab-owner-settings-tasks-light.png`, fullPage: true });
    await owner.context().close();

    const va = await openPage();
    await signIn(va, 'Tasks Assistant', 'text=No mail yet');
    await openView(va, 'settings', 'dark');
    await expect.poll(async () => (await va.getByTestId('setting-taskSource').textContent())!.trim()).toBe(chosen);
    expect(await va.getByRole('combobox', { name: 'Tasks to measure' }).count()).toBe(0);
    // Read-only values are text, not fields that look as if they could be typed into.
    expect(await va.getByTestId('setting-taskTargetPct').textContent()).toBe('80');
    expect(await va.getByRole('spinbutton').count()).toBe(0);
    await va.screenshot({ path: `${ARTIFACTS}tab-va-settings-tasks-dark.png`, fullPage: true });
    expect(await seriousViolations(va)).toEqual([]);
    await va.context().close();
  }, 180_000);
});
