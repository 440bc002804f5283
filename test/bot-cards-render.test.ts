// Every bot card rendered by the adaptivecards SDK with Teams' light and dark host configs in headless
// Chromium, at a Teams card width: screenshots go to test/artifacts/bot-cards/ to be looked at, and the
// test fails when a card renders empty or spills sideways (long names and subjects must wrap or clip).
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostConfig, SDK_CSS_PATH, SDK_PATH } from './support/adaptive-cards-sdk.ts';
import { allCards } from './support/bot-cards.ts';

const ARTIFACTS = new URL('./artifacts/bot-cards/', import.meta.url);
/** About the width Teams gives a card in a chat on a laptop. */
const CARD_WIDTH = 480;
const BACKGROUND = { light: '#ffffff', dark: '#292929' } as const;

describe('bot cards in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => browser?.close());

  for (const theme of ['light', 'dark'] as const) {
    it(`renders every card in the Teams ${theme} theme`, async () => {
      const page = await browser.newPage({ viewport: { width: CARD_WIDTH + 40, height: 800 }, deviceScaleFactor: 1 });
      await page.setContent(`<!doctype html><html><body style="margin:0;padding:20px;background:${BACKGROUND[theme]};font-family:'Segoe UI',system-ui,sans-serif"><div id="card" style="width:${CARD_WIDTH}px"></div></body></html>`);
      await page.addStyleTag({ path: SDK_CSS_PATH });
      await page.addScriptTag({ path: SDK_PATH });
      for (const [name, card] of allCards()) {
        const result = await page.evaluate(
          ({ card, config }) => {
            const AC = (window as unknown as { AdaptiveCards: { AdaptiveCard: new () => { hostConfig: unknown; parse(card: unknown): void; render(): HTMLElement | undefined }; HostConfig: new (json: unknown) => unknown } }).AdaptiveCards;
            const adaptive = new AC.AdaptiveCard();
            adaptive.hostConfig = new AC.HostConfig(config);
            adaptive.parse(card);
            const element = adaptive.render();
            const root = document.getElementById('card')!;
            root.replaceChildren(...(element === undefined ? [] : [element]));
            const overflowing = [...root.querySelectorAll<HTMLElement>('*')].filter((node) => node.getBoundingClientRect().right > root.getBoundingClientRect().right + 1).map((node) => node.className || node.tagName);
            return { height: root.getBoundingClientRect().height, text: root.innerText, overflowing: overflowing.slice(0, 5) };
          },
          { card, config: hostConfig(theme) },
        );
        await page.locator('#card').screenshot({ path: new URL(`${name}-${theme}.png`, ARTIFACTS).pathname });
        expect(result.height, name).toBeGreaterThan(40);
        expect(result.text.trim().length, name).toBeGreaterThan(0);
        expect(result.text, name).not.toMatch(/Invalid DateTime|NaN|undefined|\{\w+\}/);
        expect(result.overflowing, name).toEqual([]);
      }
      await page.close();
    }, 120_000);
  }
});
