// The summary e-mail rendered in headless Chromium at an Outlook reading-pane width (600 px) and a phone
// width (375 px): nothing overflows sideways, nothing is fetched, and screenshots land in test/artifacts/.
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryMail } from '../src/mail/summary-mail.ts';
import { summaryInput, SUMMARY_NOW } from './support/summary-mail.ts';
import { taskWeek } from './support/tasks.ts';

const CHROMIUM = '/usr/bin/chromium';

/** A week with no mail to answer, no task due, no inbox snapshot, no feedback and no Teams link yet. */
function quietWeek() {
  const input = summaryInput();
  const week = { ...input.week, counted: 0, onTime: 0, late: 0, missed: 0, pending: 0, rate: null, met: null, medianMinutes: null, p90Minutes: null, answeredBy: { va: 0, owner: 0, other: 0 }, oldestWaiting: [], inboxZero: null };
  return { ...input, week, trend: [...input.trend.slice(0, -1), week], tasks: taskWeek(SUMMARY_NOW, 90, '2026-W45'), streak: null, feedback: [], tabUrl: null, late: true };
}
const ARTIFACTS = new URL('./artifacts/', import.meta.url);

describe.skipIf(!existsSync(CHROMIUM))('summary e-mail in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  const cases = [
    { name: 'full', width: 600, input: summaryInput() },
    { name: 'full', width: 375, input: summaryInput() },
    { name: 'privacy', width: 375, input: summaryInput({ privacyMode: true }) },
    { name: 'quiet', width: 600, input: quietWeek() },
    // A pairing without a task source: the summary as it was before the task KPI.
    { name: 'no-tasks', width: 600, input: summaryInput({ tasks: null }) },
    // German runs about a third longer than English; the pseudo-locale pads every string further.
    { name: 'de', width: 375, input: summaryInput({ locale: 'de-DE' }) },
    { name: 'pseudo', width: 375, input: summaryInput({ locale: 'qps-ploc' }) },
  ];

  it.each(cases)('$name at $width px: fits, loads nothing, passes axe, screenshot', async ({ name, width, input }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const requests: string[] = [];
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await page.setContent(summaryMail(input).html, { waitUntil: 'load' });
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      container: document.querySelector('[data-section="header"]')!.getBoundingClientRect().width,
      bars: [...document.querySelectorAll('[data-week]')].map((cell) => cell.getBoundingClientRect().width),
    }));
    await page.screenshot({ path: new URL(`summary-mail-${name}-${width}.png`, ARTIFACTS).pathname, fullPage: true });
    // Landmarks mean nothing inside a mail client's reading pane; every other rule applies.
    const { violations } = await new AxeBuilder({ page }).disableRules(['landmark-one-main', 'region']).analyze();
    await context.close();

    expect(requests).toEqual([]);
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    // The card fills the phone and stops at 600 px on wider screens (16 px page padding).
    expect(layout.container).toBeLessThanOrEqual(600);
    expect(layout.container).toBeGreaterThan(Math.min(width, 600) - 40);
    expect(layout.bars).toHaveLength(8);
    for (const bar of layout.bars) expect(bar).toBeGreaterThan(20);
  });
});
