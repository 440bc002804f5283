/// <reference types="office-js" />
// The pane's view of Outlook through Office.js (loaded from Microsoft's CDN by addin/index.html, as Office
// requires): the selected item, selection changes (pinned pane), the theme, and the item's categories.
// Outside Outlook (a plain browser, Office.js not loaded) there is no host and the pane says so.
import type { ThemeName } from '../host.ts';

/** What the pane needs of the selected item. */
export interface SelectedItem {
  readonly internetMessageId: string;
  /** When the item arrived, ISO 8601; tells "not synced yet" from "not measured". */
  readonly receivedAt: string | null;
}

export type CategoryResult = { readonly ok: true } | { readonly ok: false; readonly unsupported: boolean; readonly reason: string };

export interface OutlookHost {
  readonly locale: string;
  readonly theme: ThemeName;
  /** The item in the reading pane; null when nothing (or not a message) is selected. */
  item(): SelectedItem | null;
  /** Calls back when the user selects another item while the pane stays pinned. */
  onItemChanged(listener: () => void): void;
  /** Mirrors Tandem's mark as an Outlook category on the selected item (needs ReadWriteItem, Mailbox 1.8). */
  setCategory(category: string, present: boolean): Promise<CategoryResult>;
  /** Whether the host can broker a sign-in for the pane (nested app authentication). */
  supportsNestedAuth(): boolean;
}

/** Office.js on the CDN is a classic script: it defines `Office` on window, or nothing when it did not load. */
const office = (): typeof Office | undefined => (window as { Office?: typeof Office }).Office;

/** Office themes give colours, not names: a dark body background means the dark theme. */
function themeOf(theme: Office.OfficeTheme | undefined): ThemeName {
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme?.bodyBackgroundColor ?? '')?.[1];
  if (hex === undefined) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128 ? 'dark' : 'light';
}

function readItem(mailbox: Office.Mailbox): SelectedItem | null {
  const item = mailbox.item as Office.MessageRead | null | undefined;
  if (item === null || item === undefined || typeof item.internetMessageId !== 'string' || item.internetMessageId === '') return null;
  const created = item.dateTimeCreated;
  return { internetMessageId: item.internetMessageId, receivedAt: created instanceof Date && !Number.isNaN(created.getTime()) ? created.toISOString() : null };
}

/** Resolves once Office.js is ready in Outlook; null outside Outlook. */
export async function connectOutlook(): Promise<OutlookHost | null> {
  const api = office();
  if (api === undefined) return null;
  const info = await api.onReady();
  if (info.host !== api.HostType.Outlook) return null;
  const { context } = api;
  const mailbox = context.mailbox;
  return {
    locale: context.displayLanguage || navigator.language,
    theme: themeOf(context.officeTheme),
    item: () => readItem(mailbox),
    onItemChanged: (listener) => mailbox.addHandlerAsync(api.EventType.ItemChanged, listener),
    supportsNestedAuth: () => context.requirements.isSetSupported('NestedAppAuth', '1.1'),
    setCategory(category, present) {
      const item = mailbox.item as Office.MessageRead | null;
      if (item === null || !context.requirements.isSetSupported('Mailbox', '1.8') || item.categories === undefined) {
        return Promise.resolve({ ok: false, unsupported: true, reason: 'Mailbox 1.8' });
      }
      return new Promise((resolve) => {
        const done = (result: Office.AsyncResult<void>) =>
          resolve(result.status === api.AsyncResultStatus.Succeeded ? { ok: true } : { ok: false, unsupported: false, reason: result.error?.message ?? 'failed' });
        if (present) item.categories.addAsync([category], done);
        else item.categories.removeAsync([category], done);
      });
    },
  };
}
