// The tab's host: inside Teams, Outlook or the Microsoft 365 app (teams-js: context, theme, SSO token), or
// standalone in a browser (theme from ?theme= or the system's colour scheme, tokens from the sign-in picker).
export type ThemeName = 'light' | 'dark' | 'contrast';

/** What a configurable tab stores in Teams when the person adding it presses Save (teams-js `pages.InstanceConfig`). */
export interface TabInstance {
  readonly contentUrl: string;
  readonly websiteUrl?: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/**
 * Teams' configuration frame (the manifest's configurationUrl), where Teams keeps Save disabled until the page
 * says it can save, then asks it to: https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page
 */
export interface TabConfiguration {
  /** Enables or disables Teams' Save button. */
  setValid(valid: boolean): void;
  /** What Save stores; a rejection is shown to the person as the reason Save failed. Replaces an earlier handler. */
  onSave(instance: () => Promise<TabInstance>): void;
}

export interface Host {
  readonly kind: 'teams' | 'standalone';
  readonly locale: string;
  readonly theme: ThemeName;
  /** Calls back on every theme change, live. */
  onThemeChange(listener: (theme: ThemeName) => void): void;
  /** Teams: the SSO token; standalone: null (the picker provides one). */
  ssoToken(): Promise<string | null>;
  /** The Teams chat the tab is pinned in, whose pairing it shows; null outside a chat. */
  readonly chatId: string | null;
  /** Where a deep link asked the tab to open (Teams' sub-page id, readSubPage in src/reports/tab-link.ts); null when none did. */
  readonly subPageId: string | null;
  /** Set when Teams opened the page to configure the tab (frame context `settings`); null for the tab itself. */
  readonly configuration: TabConfiguration | null;
}

/** Teams names its themes default, dark and contrast. */
const fromTeams = (theme: string | undefined): ThemeName => (theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light');

function standaloneTheme(media: MediaQueryList): ThemeName {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'dark' || asked === 'light' || asked === 'contrast') return asked;
  return media.matches ? 'dark' : 'light';
}

function standaloneHost(): Host {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  return {
    kind: 'standalone',
    locale: navigator.language,
    theme: standaloneTheme(media),
    onThemeChange: (listener) => media.addEventListener('change', () => listener(standaloneTheme(media))),
    ssoToken: async () => null,
    chatId: null,
    subPageId: null,
    configuration: null,
  };
}

/** A page framed by Teams carries its host's query parameters or is simply framed; a plain tab is not. */
const framed = () => window.parent !== window;

export async function connectHost(): Promise<Host> {
  if (!framed()) return standaloneHost();
  // Loaded only when framed, so the standalone bundle stays small.
  const { app, authentication, pages, FrameContexts } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  app.notifySuccess();
  const configuring = context.page.frameContext === FrameContexts.settings;
  return {
    kind: 'teams',
    locale: context.app.locale,
    theme: fromTeams(context.app.theme),
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(fromTeams(theme))),
    ssoToken: () => authentication.getAuthToken(),
    chatId: context.chat?.id ?? null,
    subPageId: context.page.subPageId ?? null,
    configuration: configuring ? teamsConfiguration(pages) : null,
  };
}

type Pages = typeof import('@microsoft/teams-js').pages;

/** pages.config, as https://learn.microsoft.com/javascript/api/@microsoft/teams-js/pages.config describes it. */
function teamsConfiguration(pages: Pages): TabConfiguration {
  return {
    setValid: (valid) => pages.config.setValidityState(valid),
    onSave(instance) {
      // Teams waits for exactly one of notifySuccess or notifyFailure; a failure's reason is shown under Save.
      pages.config.registerOnSaveHandler((saveEvent) => {
        instance()
          .then((config) => pages.config.setConfig(config))
          .then(
            () => saveEvent.notifySuccess(),
            (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
          );
      });
    },
  };
}
