// Every bot card rendered by the adaptivecards SDK with Teams' light, dark and high-contrast host configs in headless
// Chromium, at a Teams card width: screenshots go to test/artifacts/bot-cards/ to be looked at, and the
// test fails when a card renders empty or spills sideways (long names and subjects must wrap or clip).
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostConfig } from './support/adaptive-cards-sdk.ts';
import { allCards } from './support/bot-cards.ts';
import { openCardPage, renderCard } from './support/card-page.ts';

const ARTIFACTS = new URL('./artifacts/bot-cards/', import.meta.url);
const BACKGROUND = { light: '#ffffff', dark: '#292929', contrast: '#000000' } as const;

describe('bot cards in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => browser?.close());

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`renders every card in the Teams ${theme} theme`, async () => {
      const page = await openCardPage(browser, BACKGROUND[theme]);
      for (const [name, card] of allCards()) {
        const result = await renderCard(page, card, hostConfig(theme));
        await page.locator('#card').screenshot({ path: new URL(`${name}-${theme}.png`, ARTIFACTS).pathname });
        expect(result.height, name).toBeGreaterThan(40);
        expect(result.text.trim().length, name).toBeGreaterThan(0);
        expect(result.text, name).not.toMatch(/Invalid DateTime|NaN|undefined|\{\w+\}/);
        expect(result.overflowing, name).toEqual([]);
        // The check-in summary with the longest answers fits about one laptop screen: answers side by side, long
        // ones behind "Show more" (it was 4,200 px as one column).
        if (name.startsWith('feedback-summary')) expect(result.height, name).toBeLessThan(720);
      }
      await page.close();
    }, 120_000);
  }
});
