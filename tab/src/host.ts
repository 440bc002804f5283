// The tab's host: inside Teams, Outlook or the Microsoft 365 app (teams-js: context, theme, SSO token), or
// standalone in a browser (theme from ?theme= or the system's colour scheme, tokens from the sign-in picker).
export type ThemeName = 'light' | 'dark' | 'contrast';

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
  };
}

/** A page framed by Teams carries its host's query parameters or is simply framed; a plain tab is not. */
const framed = () => window.parent !== window;

export async function connectHost(): Promise<Host> {
  if (!framed()) return standaloneHost();
  // Loaded only when framed, so the standalone bundle stays small.
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  app.notifySuccess();
  return {
    kind: 'teams',
    locale: context.app.locale,
    theme: fromTeams(context.app.theme),
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(fromTeams(theme))),
    ssoToken: () => authentication.getAuthToken(),
    chatId: context.chat?.id ?? null,
  };
}
