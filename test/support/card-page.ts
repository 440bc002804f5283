// A Chromium page that renders Adaptive Cards with the adaptivecards SDK at a Teams card width, and measures
// what a reader would see: its text, elements spilling sideways, and single-line text cut with an ellipsis.
import type { Browser, Page } from 'playwright-core';
import { SDK_CSS_PATH, SDK_PATH } from './adaptive-cards-sdk.ts';

/** About the width Teams gives a card in a chat on a laptop. */
export const CARD_WIDTH = 480;

export interface RenderedCard {
  readonly height: number;
  readonly text: string;
  /** Elements reaching past the card's right edge. */
  readonly overflowing: readonly string[];
  /** Single-line text the SDK cut with an ellipsis. */
  readonly clipped: readonly string[];
}

export async function openCardPage(browser: Browser, background: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: CARD_WIDTH + 40, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;padding:20px;background:${background};font-family:'Segoe UI',system-ui,sans-serif"><div id="card" style="width:${CARD_WIDTH}px"></div></body></html>`);
  await page.addStyleTag({ path: SDK_CSS_PATH });
  await page.addScriptTag({ path: SDK_PATH });
  return page;
}

/** Renders `card` into the page's #card with the host config; screenshot `#card` afterwards to keep it. */
export function renderCard(page: Page, card: object, hostConfig: object): Promise<RenderedCard> {
  return page.evaluate(
    ({ card, config }) => {
      const AC = (window as unknown as { AdaptiveCards: { AdaptiveCard: new () => { hostConfig: unknown; parse(card: unknown): void; render(): HTMLElement | undefined }; HostConfig: new (json: unknown) => unknown } }).AdaptiveCards;
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(config);
      adaptive.parse(card);
      const element = adaptive.render();
      const root = document.getElementById('card')!;
      root.replaceChildren(...(element === undefined ? [] : [element]));
      const right = root.getBoundingClientRect().right + 1;
      const nodes = [...root.querySelectorAll<HTMLElement>('*')];
      const leaves = nodes.filter((node) => node.children.length === 0 && (node.textContent ?? '').trim() !== '');
      return {
        height: root.getBoundingClientRect().height,
        text: root.innerText,
        overflowing: nodes.filter((node) => node.getBoundingClientRect().right > right).map((node) => node.className || node.tagName),
        clipped: leaves.filter((node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflow !== 'visible').map((node) => (node.textContent ?? '').slice(0, 80)),
      };
    },
    { card, config: hostConfig },
  );
}
