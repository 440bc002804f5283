// A stand-in for the Teams client around a tab: a parent page (served by the test at the tab's own origin, which
// teams-js accepts messages from without its list of Microsoft's origins) frames the tab and answers teams-js's
// postMessage protocol as @microsoft/teams-js 2.x speaks it (dist/esm/.../internal/communication.js):
// - the tab sends requests `{ id, uuidAsString, func, args, apiVersionTag, … }` to its parent;
// - the host answers a request with `{ id, uuidAsString, args }` (the SDK matches it by uuid, else by id);
// - the host raises an event in the tab with `{ func, args }` (e.g. `settings.save`, the Save button).
// Answers, in the SDK's own terms: `initialize` → [frameContext, hostClientType, runtimeConfig JSON, SDK version];
// `getContext` → [the legacy context the SDK maps to app.getContext()'s]; `authentication.getAuthToken` →
// [true, token]; `settings.setSettings` (pages.config.setConfig) → [true]. One-way messages from the tab
// (`settings.setValidityState`, `settings.save.success`, `settings.save.failure`, `appInitialization.success`,
// `registerHandler`) are only recorded. Every message the tab sends is kept, in order, for the test to read.
import type { Frame, Page } from 'playwright-core';

export interface TeamsHostOptions {
  /** The tab page the host frames (must be on the origin the host page is served at). */
  readonly url: string;
  /** `settings` for a configuration page, `content` for the tab itself. */
  readonly frameContext: 'settings' | 'content';
  /** Fields of the legacy context teams-js turns into app.getContext()'s (chatId, locale, theme, …). */
  readonly context: Readonly<Record<string, unknown>>;
  /** What authentication.getAuthToken() gives the tab. */
  readonly token: string;
}

export interface SentMessage {
  readonly func: string;
  readonly args: readonly unknown[];
}

export interface TeamsHost {
  /** The framed tab. */
  frame(): Promise<Frame>;
  /** Every message the tab has sent, oldest first. */
  sent(): Promise<SentMessage[]>;
  /** Args of each message named `func`, oldest first. */
  sentOf(func: string): Promise<Array<readonly unknown[]>>;
  /** Waits for the tab to send `func`. */
  waitFor(func: string): Promise<readonly unknown[]>;
  /** Presses Teams' Save on a configuration page: raises `settings.save` in the tab. */
  save(): Promise<void>;
}

/** What a Teams web client that supports configurable tabs declares (runtime API version 4). */
const RUNTIME = { apiVersion: 4, isLegacyTeams: false, supports: { appInstallDialog: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} } };
const HOST_PATH = '/__teams-host.html';

function hostScript(options: TeamsHostOptions): string {
  const setup = { ...options, runtime: JSON.stringify(RUNTIME) };
  return `
const setup = ${JSON.stringify(setup).replace(/</g, '\\u003c')};
window.__sent = [];
const frame = document.createElement('iframe');
frame.src = setup.url;
frame.title = 'tab';
frame.style.cssText = 'border:0;width:100%;height:100%';
document.body.append(frame);
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const message = event.data;
  if (typeof message !== 'object' || message === null || typeof message.func !== 'string') return;
  window.__sent.push({ func: message.func, args: message.args ?? [] });
  const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
  switch (message.func) {
    case 'initialize': return reply([setup.frameContext, 'web', setup.runtime, '2.58.0']);
    case 'getContext': return reply([{ frameContext: setup.frameContext, ...setup.context }]);
    case 'authentication.getAuthToken': return reply([true, setup.token]);
    case 'settings.setSettings': return reply([true]);
  }
});
window.__save = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, new URL(setup.url).origin);
`;
}

/** Opens the host page on `page` (at the tab's origin) framing `options.url`. */
export async function openTeamsHost(page: Page, options: TeamsHostOptions): Promise<TeamsHost> {
  const origin = new URL(options.url).origin;
  await page.route(`${origin}${HOST_PATH}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><title>Teams</title><style>html,body{margin:0;height:100%}</style></head><body><script>${hostScript(options)}</script></body></html>`,
    }),
  );
  await page.goto(`${origin}${HOST_PATH}`);
  const sent = () => page.evaluate(() => (window as unknown as { __sent: SentMessage[] }).__sent);
  return {
    async frame() {
      const element = await page.waitForSelector('iframe');
      return (await element.contentFrame())!;
    },
    sent,
    sentOf: async (func) => (await sent()).filter((message) => message.func === func).map((message) => message.args),
    async waitFor(func) {
      const handle = await page.waitForFunction((name) => (window as unknown as { __sent: SentMessage[] }).__sent.find((message) => message.func === name)?.args, func);
      return (await handle.jsonValue()) as readonly unknown[];
    },
    save: () => page.evaluate(() => (window as unknown as { __save: () => void }).__save()),
  };
}
