// The adaptivecards SDK (the renderer Teams' web client builds on) loaded into jsdom, to parse and render
// cards in Node the way a host would, and report every warning it raises.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const require = createRequire(import.meta.url);
export const SDK_PATH = require.resolve('adaptivecards/dist/adaptivecards.js');
export const SDK_CSS_PATH = require.resolve('adaptivecards/dist/adaptivecards.css');

/** Teams' themes; `contrast` is our own host config (test/fixtures/schemas/README.md says from what). */
export type CardTheme = 'light' | 'dark' | 'contrast';

export function hostConfig(theme: CardTheme): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/schemas/hostconfig-teams-${theme}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

interface SdkEvent {
  readonly event: number;
  readonly message: string;
}

export interface ParsedCard {
  /** Parse events and validation failures, as the SDK words them. */
  readonly warnings: Array<{ readonly kind: string; readonly message: string }>;
  /** The rendered card's text (what a reader sees), or null when nothing rendered. */
  readonly text: string | null;
  readonly html: string | null;
}

/** The part of the SDK's surface these tests use (it is loaded as a script into jsdom, so untyped there). */
interface Sdk {
  readonly AdaptiveCard: new () => {
    hostConfig: unknown;
    parse(card: object, context: unknown): void;
    validateProperties(): { readonly validationEvents: readonly SdkEvent[] };
    render(): { textContent: string; outerHTML: string } | undefined;
  };
  readonly HostConfig: new (json: object) => unknown;
  readonly SerializationContext: new () => { readonly eventCount: number; getEventAt(index: number): SdkEvent };
  readonly ValidationEvent: Record<number, string>;
}

export function loadSdk(): { parse(card: object, theme?: 'light' | 'dark'): ParsedCard } {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', pretendToBeVisual: true });
  const window = dom.window;
  // jsdom has no innerText; without this shim TextBlocks and labels render blank.
  Object.defineProperty(window.HTMLElement.prototype, 'innerText', {
    get(this: { textContent: string }) {
      return this.textContent;
    },
    set(this: { textContent: string }, value: string) {
      this.textContent = value;
    },
    configurable: true,
  });
  window.eval(readFileSync(SDK_PATH, 'utf8'));
  const AC = (window as unknown as { AdaptiveCards: Sdk }).AdaptiveCards;
  const names = AC.ValidationEvent;
  return {
    parse(card, theme = 'light') {
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig(theme));
      const context = new AC.SerializationContext();
      adaptive.parse(card, context);
      const warnings: Array<{ kind: string; message: string }> = [];
      for (let i = 0; i < context.eventCount; i++) {
        const event = context.getEventAt(i);
        warnings.push({ kind: names[event.event] ?? String(event.event), message: event.message });
      }
      const validation = adaptive.validateProperties();
      for (const error of validation.validationEvents) warnings.push({ kind: names[error.event] ?? String(error.event), message: error.message });
      const element = adaptive.render();
      return { warnings, text: element?.textContent ?? null, html: element?.outerHTML ?? null };
    },
  };
}
