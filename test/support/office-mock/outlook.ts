/// <reference lib="dom" />
// Office.js for the pane's browser tests: office-addin-mock's OfficeMockObject shaped as Outlook's `Office`
// namespace (onReady, the mailbox item, ItemChanged, requirement sets, the theme, item categories), set up from
// `window.__officeConfig` and driven through `window.__officeMock` (select another item, read the categories).
import { OfficeMockObject } from 'office-addin-mock';

export interface MockItem {
  readonly internetMessageId: string;
  /** ISO 8601, as Outlook's `dateTimeCreated`. */
  readonly dateTimeCreated: string;
}

export interface OfficeConfig {
  readonly item: MockItem | null;
  readonly dark: boolean;
  /** Requirement sets the host claims, e.g. "Mailbox 1.8". */
  readonly supports: readonly string[];
}

type AsyncCallback = (result: { status: string; error?: { message: string } }) => void;

const config = (window as unknown as { __officeConfig: OfficeConfig }).__officeConfig;
const handlers: (() => void)[] = [];
/** Categories per internetMessageId, as the pane wrote them. */
const categories = new Map<string, Set<string>>();

function itemOf(item: MockItem): OfficeMockObject {
  const mine = () => categories.get(item.internetMessageId) ?? categories.set(item.internetMessageId, new Set()).get(item.internetMessageId)!;
  return new OfficeMockObject(
    {
      itemType: 'message',
      internetMessageId: item.internetMessageId,
      dateTimeCreated: new Date(item.dateTimeCreated),
      categories: {
        addAsync: (names: string[], callback: AsyncCallback) => {
          names.forEach((name) => mine().add(name));
          callback({ status: 'succeeded' });
        },
        removeAsync: (names: string[], callback: AsyncCallback) => {
          names.forEach((name) => mine().delete(name));
          callback({ status: 'succeeded' });
        },
      },
    },
    'outlook' as never,
  );
}

const office = new OfficeMockObject({
  host: 'outlook',
  HostType: { Outlook: 'Outlook' },
  EventType: { ItemChanged: 'olkItemSelectedChanged' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  context: {
    displayLanguage: 'en-US',
    officeTheme: config.dark
      ? { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#292929', controlForegroundColor: '#ffffff' }
      : { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424', controlBackgroundColor: '#ffffff', controlForegroundColor: '#242424' },
    requirements: { isSetSupported: (name: string, version?: string) => config.supports.includes(`${name} ${version ?? '1.1'}`) },
    mailbox: {
      addHandlerAsync: (eventType: string, handler: () => void) => {
        if (eventType === 'olkItemSelectedChanged') handlers.push(handler);
      },
    },
  },
}) as unknown as { context: { mailbox: { item: unknown } } };

office.context.mailbox.item = config.item === null ? null : itemOf(config.item);

Object.assign(window, {
  Office: office,
  __officeMock: {
    /** What Outlook does when the user selects another message with the pane pinned. */
    select(item: MockItem | null) {
      office.context.mailbox.item = item === null ? null : itemOf(item);
      handlers.forEach((handler) => handler());
    },
    categoriesOf: (internetMessageId: string) => [...(categories.get(internetMessageId) ?? [])],
  },
});
