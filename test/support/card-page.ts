// A Chromium page that renders Adaptive Cards with the adaptivecards SDK at a Teams card width, and measures
// what a reader would see: its text, elements spilling sideways, and single-line text cut with an ellipsis.
import type { Browser, Page } from 'playwright-core';
import { SDK_CSS_PATH, SDK_PATH } from './adaptive-cards-sdk.ts';
import { teamsMarkdown } from './teams-markdown.ts';

/** About the width Teams gives a card in a chat on a laptop. */
export const CARD_WIDTH = 480;

export interface RenderedCard {
  readonly height: number;
  readonly text: string;
  /** Elements reaching past the card's right edge. */
  readonly overflowing: readonly string[];
  /** Single-line text the SDK cut with an ellipsis. */
  readonly clipped: readonly string[];
  /** Where the card's links point (Markdown links; Action.OpenUrl buttons are buttons, not links). */
  readonly links: readonly string[];
}

/**
 * A page with the SDK loaded. With `markdown`, TextBlocks and facts go through Teams' Markdown subset
 * (teams-markdown.ts) as in Teams; without, the SDK shows their text as it is.
 */
export async function openCardPage(browser: Browser, background: string, options: { markdown?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: CARD_WIDTH + 40, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><head><style>/* The SDK draws a filtered choice set as a datalist input without the border-box sizing its other inputs get (Teams draws its own typeahead). */ .ac-choiceSetInput-filtered{box-sizing:border-box}</style></head><body style="margin:0;padding:20px;background:${background};font-family:'Segoe UI',system-ui,sans-serif"><div id="card" style="width:${CARD_WIDTH}px"></div></body></html>`);
  await page.addStyleTag({ path: SDK_CSS_PATH });
  await page.addScriptTag({ path: SDK_PATH });
  if (options.markdown === true) {
    await page.addScriptTag({
      content:
        `window.teamsMarkdown = ${teamsMarkdown.toString()};\n` +
        'AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = window.teamsMarkdown(text); result.didProcess = true; };',
    });
  }
  return page;
}

/**
 * The card as Teams shows its @mentions: each entity's `<at>…</at>` text becomes the person's name (Teams draws it
 * as a highlighted name; "Mention support within Adaptive Cards",
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards).
 * The SDK knows no mentions and would print the tags.
 */
function withMentionsShown(card: object): object {
  const entities = (card as { msteams?: { entities?: Array<{ type: string; text: string; mentioned: { name: string } }> } }).msteams?.entities ?? [];
  const mentions = entities.filter((entity) => entity.type === 'mention');
  if (mentions.length === 0) return card;
  const show = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(show);
    if (typeof node !== 'object' || node === null) return node;
    const entries = Object.entries(node).map(([key, value]) => [key, key === 'text' && typeof value === 'string' ? mentions.reduce((text, m) => text.split(m.text).join(m.mentioned.name), value) : show(value)]);
    return Object.fromEntries(entries);
  };
  return show(card) as object;
}

/** Renders `card` into the page's #card with the host config; screenshot `#card` afterwards to keep it. */
export function renderCard(page: Page, shownCard: object, hostConfig: object): Promise<RenderedCard> {
  const card = withMentionsShown(shownCard);
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
        links: [...root.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? ''),
        clipped: leaves.filter((node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflow !== 'visible').map((node) => (node.textContent ?? '').slice(0, 80)),
      };
    },
    { card, config: hostConfig },
  );
}
