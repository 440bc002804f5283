// The KPI tab in English, Danish, Dutch, Norwegian, German and the pseudo-locale, end to end in Chromium against the
// real server: the browser's language picks the catalog (as Teams' locale does inside Teams), every view is
// screenshotted to test/artifacts/i18n/tab/, and the test fails on text cut off with an ellipsis, an unfilled
// placeholder or NaN, on a week shown by its ISO label ("2026-W47", "W47"; issue #20) instead of its Monday, and,
// in the pseudo-locale, on interface text that bypassed the catalog.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../src/api/tab-build.ts';
import { PSEUDO_LOCALE } from '../src/i18n/locales.ts';
import { EN } from '../src/i18n/en.ts';
import { t, type MessageKey } from '../src/i18n/messages.ts';
import { PSEUDO_OPEN } from '../src/i18n/pseudo.ts';
import { listFeedback } from '../src/store/feedback.ts';
import { launchChromium, seededDataDir, startServer, type RunningServer } from './support/tab-browser.ts';
import { seedTabPairing } from './support/tab-seed.ts';
import { isoWeekIn } from './support/iso-week-labels.ts';

const ARTIFACTS = new URL('./artifacts/i18n/tab/', import.meta.url).pathname;
const LOCALES = ['en-GB', 'da-DK', 'nl-NL', 'nb-NO', 'de-DE', PSEUDO_LOCALE] as const;
const VIEWS = ['week', 'trend', 'waiting', 'messages', 'tasks', 'feedback', 'settings'] as const;
/** A tab just under Teams' narrowest desktop width, where long words clip first. */
const VIEWPORT = { width: 1024, height: 900 };

/** English messages without placeholders, by text: shown as they are in a translated tab, they were not translated. */
const ENGLISH = new Map<string, MessageKey[]>();
for (const [key, text] of Object.entries(EN)) if (!text.includes('{')) ENGLISH.set(text, [...(ENGLISH.get(text) ?? []), key as MessageKey]);

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
/**
 * What the tab shows as it was stored, not interface text: addresses, subjects, task titles, the signed-in name,
 * and the seed's typed feedback answers (choices and questions are interface text, labelled from the catalog).
 */
let data: RegExp;

beforeAll(async () => {
  const dir = await seededDataDir(async (db) => {
    const { pairing } = await seedTabPairing(db, Date.now(), { tasks: true });
    const feedback = (await listFeedback(db, pairing.id)).flatMap((entry) => Object.entries(entry.answers).filter(([key]) => key !== 'kpisFair' && key !== 'involved').map(([, answer]) => answer));
    const subjects = (await db.query<{ subject: string }>('select distinct subject from messages where pairing_id = $1', [pairing.id])).map((row) => row.subject);
    const titles = (await db.query<{ title: string }>('select distinct title from tasks where pairing_id = $1', [pairing.id])).map((row) => row.title);
    const exactly = (text: string) => `^${text.replace(/[.?*+(){}[\]\\|^$]/g, '\\$&')}$`;
    data = new RegExp([`@|^${pairing.settings.timeZone}$|^Owner$`, ...feedback.map(exactly), ...subjects.map(exactly), ...titles.map(exactly)].join('|'));
  });
  // The shared build: it swaps files in place, so browser tests running beside this one never see an empty dist/tab.
  await buildTab();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(dir), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** An element each view shows once its data is in, found by the view's own (translated) label. */
function ready(locale: string, view: (typeof VIEWS)[number]): string {
  if (view === 'week') return '[data-testid="rate"]';
  if (view === 'trend') return `table[aria-label="${t(locale, 'tab.trend.tableLabel')}"]`;
  if (view === 'messages') return '[data-testid="message-row"]';
  if (view === 'tasks') return '[data-testid="task-row"]';
  if (view === 'settings') return `text=${t(locale, 'tab.settings.title')}`;
  return `section[aria-label="${t(locale, view === 'waiting' ? 'tab.nav.waiting' : 'tab.nav.feedback')}"]`;
}

interface Findings {
  readonly clipped: string[];
  readonly texts: string[];
  /** aria-label and title attributes: read out and shown as tooltips. */
  readonly labels: string[];
  /** Addresses the layout wrapped inside a name, not after "@" or before a ".". */
  readonly brokenAddresses: string[];
}

/** Text the page cut with an ellipsis, the text of every visible element that holds text itself, and labels. */
function inspect(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const leaves = [...document.querySelectorAll<HTMLElement>('body *')].filter((node) => node.children.length === 0 && (node.textContent ?? '').trim() !== '' && node.getClientRects().length > 0);
    return {
      clipped: leaves.filter((node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).textOverflow === 'ellipsis').map((node) => node.textContent!.slice(0, 80)),
      texts: leaves.map((node) => (node.textContent ?? '').trim()),
      labels: [...document.querySelectorAll('[aria-label], [title]')].flatMap((node) => [node.getAttribute('aria-label') ?? '', node.getAttribute('title') ?? '']).filter((label) => label !== ''),
      brokenAddresses: [...document.querySelectorAll('[data-testid="address"]')].filter((node) => {
        // Each character's line (its box's top); a new line may start only after "@" or at a ".".
        const chars: Array<{ char: string; top: number }> = [];
        const range = document.createRange();
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode() as Text | null; text !== null; text = walker.nextNode() as Text | null) {
          for (let i = 0; i < text.length; i++) {
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            chars.push({ char: text.data[i]!, top: range.getBoundingClientRect().top });
          }
        }
        return chars.some((c, i) => i > 0 && c.top > chars[i - 1]!.top + 1 && chars[i - 1]!.char !== '@' && c.char !== '.');
      }).map((node) => node.textContent ?? ''),
    };
  });
}

describe.each(LOCALES)('the tab in %s', (locale) => {
  it('shows every view translated, unclipped and filled in', async () => {
    const page = await (await browser.newContext({ locale, viewport: VIEWPORT })).newPage();
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('button', { name: t(locale, 'tab.signIn.as', { name: 'Owner' }), exact: true }).click();
    await page.getByTestId('rate').first().waitFor();
    const problems: string[] = [];
    for (const view of VIEWS) {
      await page.goto(`${server.url}/tab/?view=${view}`);
      await page.locator(ready(locale, view)).first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${ARTIFACTS}${locale}-${view}.png`, fullPage: true });
      const { clipped, texts, labels, brokenAddresses } = await inspect(page);
      for (const text of clipped) problems.push(`${view}: cut off: ${text}`);
      for (const address of brokenAddresses) problems.push(`${view}: address wrapped inside a name: ${address}`);
      for (const text of texts) if (/\{\w+[},]|NaN|Invalid Date|undefined/.test(text)) problems.push(`${view}: unfilled: ${text}`);
      for (const text of isoWeekIn([...texts, ...labels])) problems.push(`${view}: ISO week: ${text}`);
      // The chart's legend as shown (innerText applies CSS text-transform): the catalog's words, not title case.
      if (view === 'trend') {
        const legend = await page.locator('.fui-legend__legend').first().innerText();
        if (legend.trim() !== t(locale, 'tab.trend.rate')) problems.push(`trend: legend shown as "${legend.trim()}"`);
      }
      if (locale !== PSEUDO_LOCALE) {
        for (const text of new Set(texts)) if (ENGLISH.has(text) && !data.test(text) && ENGLISH.get(text)!.every((key) => t(locale, key) !== text)) problems.push(`${view}: still English: ${text}`);
      }
      if (locale === PSEUDO_LOCALE) {
        for (const text of new Set(texts)) if (/[A-Za-z]{3,}/.test(text) && !text.includes(PSEUDO_OPEN) && !data.test(text)) problems.push(`${view}: not from the catalog: ${text}`);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
