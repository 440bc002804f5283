// The tab's shell: Fluent's Teams theme following the host live, sign-in (Teams SSO or the standalone
// picker), the pairing, the sync and offline banners, and the views as tabs.
import {
  Button, FluentProvider, makeStyles, Tab, TabList, Text, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens, Select,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { apiClient, type ApiClient } from './api.ts';
import type { Host, ThemeName } from './host.ts';
import { text } from './i18n.ts';
import { ErrorState, Loading, OfflineBanner, ViewBoundary } from './States.tsx';
import { readSubPage, type SubPage } from '../../src/reports/tab-link.ts';
import type { Me, PairingSummary } from './types.ts';
import { useApi } from './use-api.ts';
import { ThisWeek } from './views/ThisWeek.tsx';

// The first view ships with the shell; the others (charts, tables, dialogs) load when opened, keeping the
// initial bundle small.
const Trend = lazy(() => import('./views/Trend.tsx'));
// Shown only while a mailbox is first read or failing; its progress bar need not hold up the first render.
const SyncBanner = lazy(() => import('./SyncBanner.tsx').then((m) => ({ default: m.SyncBanner })));
// Only standalone, and only before signing in.
const SignInPicker = lazy(() => import('./SignInPicker.tsx').then((m) => ({ default: m.SignInPicker })));
const Waiting = lazy(() => import('./views/Waiting.tsx').then((m) => ({ default: m.Waiting })));
const Messages = lazy(() => import('./views/Messages.tsx').then((m) => ({ default: m.Messages })));
const Tasks = lazy(() => import('./views/Tasks.tsx').then((m) => ({ default: m.Tasks })));
const Feedback = lazy(() => import('./views/Feedback.tsx').then((m) => ({ default: m.Feedback })));
const SettingsView = lazy(() => import('./views/Settings.tsx').then((m) => ({ default: m.SettingsView })));

const THEMES = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;
const VIEWS = ['week', 'trend', 'waiting', 'messages', 'tasks', 'feedback', 'settings'] as const;
type View = (typeof VIEWS)[number];

/** The views a pairing has: Tasks only where it reads tasks (otherwise nothing about tasks shows at all). */
const viewsOf = (pairing: PairingSummary): readonly View[] => VIEWS.filter((v) => v !== 'tasks' || pairing.tasks !== null);

const TOKEN_KEY = 'tandem.token';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`, backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
  // On a phone the views' names scroll sideways under the header instead of widening the whole page.
  nav: { padding: `0 ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1, overflowX: 'auto' },
  main: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
});

const isView = (name: string | null | undefined): name is View => (VIEWS as readonly string[]).includes(name ?? '');

/** The view asked for by `?view=` (standalone) or a Teams deep link, else This week. */
function initialView(params: URLSearchParams, link: SubPage | null): View {
  const asked = params.get('view') ?? link?.view;
  return isView(asked) ? asked : 'week';
}

export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));

  // Teams: the SSO token; when Teams cannot give one (consent not granted, signed out), say so instead of spinning.
  const [authProblem, setAuthProblem] = useState<string | null>(null);
  const teamsSignIn = useCallback(() => {
    void host.ssoToken().then(setToken, (error: unknown) => setAuthProblem(error instanceof Error ? error.message : String(error)));
  }, [host]);
  useEffect(() => {
    if (host.kind === 'teams') teamsSignIn();
  }, [host, teamsSignIn]);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
  }, []);
  const signedIn = useCallback((next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next);
    setToken(next);
  }, []);
  // A token the API refuses: standalone, pick again; in Teams, report it (asking again would loop).
  const refused = useCallback(() => (host.kind === 'teams' ? setAuthProblem(text('tab.auth.refused')) : signOut()), [host, signOut]);
  const api = useMemo(() => (token === null ? null : apiClient(token, refused)), [token, refused]);

  return (
    <FluentProvider theme={THEMES[theme]}>
      {authProblem !== null ? (
        <ErrorState message={text('tab.auth.failed', { reason: authProblem })} onRetry={() => { setAuthProblem(null); teamsSignIn(); }} />
      ) : api === null ? (
        host.kind === 'standalone' ? <Suspense fallback={<Loading />}><SignInPicker onSignedIn={signedIn} /></Suspense> : <Loading />
      ) : (
        <Signed api={api} host={host} onSignOut={signOut} />
      )}
    </FluentProvider>
  );
}

function Signed({ api, host, onSignOut }: { api: ApiClient; host: Host; onSignOut: () => void }) {
  const styles = useStyles();
  const me = useApi<Me>(api, '/me');
  // Where the tab was asked to open: the page's query (standalone, a chat tab's saved page), else a deep link.
  const params = useMemo(() => new URLSearchParams(window.location.search), []);
  const link = useMemo(() => readSubPage(host.subPageId), [host]);
  const [chosen, setChosen] = useState<string | null>(() => params.get('pairing') ?? link?.pairing ?? null);
  const [view, setView] = useState<View>(() => initialView(params, link));

  if (me.data === null) return <div className={styles.page}>{me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : <Loading />}</div>;
  // The pairing asked for (a chat tab's saved ?pairing=, or a deep link's), else the chat's it is pinned in, else the first.
  const pairing: PairingSummary | undefined =
    me.data.pairings.find((p) => p.id === chosen) ?? me.data.pairings.find((p) => host.chatId !== null && p.chatId === host.chatId) ?? me.data.pairings[0];
  const views = pairing === undefined ? VIEWS : viewsOf(pairing);
  // A view this pairing does not have (Tasks, after switching to a pairing without tasks) falls back to This week.
  const shown = views.includes(view) ? view : 'week';

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.title}>
          <Text as="h1" size={500} weight="semibold">{text('tab.title')}</Text>
          {pairing && <Text size={200}>{pairing.role === 'owner' ? text('tab.header.ownerView', { va: pairing.va }) : text('tab.header.vaView', { owner: pairing.owner })}</Text>}
        </div>
        {me.data.pairings.length > 1 && pairing && (
          <Select aria-label={text('tab.header.choosePairing')} value={pairing.id} onChange={(_e, d) => setChosen(d.value)}>
            {me.data.pairings.map((p) => <option key={p.id} value={p.id}>{p.mailbox}</option>)}
          </Select>
        )}
        <Text size={200}>{me.data.user.name}</Text>
        {host.kind === 'standalone' && <Button appearance="subtle" onClick={onSignOut}>{text('tab.signOut')}</Button>}
      </header>
      {pairing === undefined ? (
        <main className={styles.main}><ErrorState message={text('tab.noPairing')} /></main>
      ) : (
        <>
          <nav className={styles.nav}>
            <TabList selectedValue={shown} onTabSelect={(_e, d) => setView(d.value as View)}>
              {views.map((v) => <Tab key={v} value={v}>{text(`tab.nav.${v}`)}</Tab>)}
            </TabList>
          </nav>
          <main className={styles.main}>
            <OfflineBanner />
            <Suspense fallback={null}><SyncBanner api={api} pairingId={pairing.id} /></Suspense>
            <ViewBoundary key={shown}>
              <PairingView api={api} pairing={pairing} view={shown} week={link?.pairing === pairing.id ? link.week : params.get('week')} />
            </ViewBoundary>
          </main>
        </>
      )}
    </div>
  );
}

/** `week`: the week a deep link (or standalone, `?week=`) asked Messages to show first. */
function PairingView({ api, pairing, view, week }: { api: ApiClient; pairing: PairingSummary; view: View; week: string | null }) {
  const props = { api, base: `/pairings/${pairing.id}`, zone: pairing.timeZone };
  if (view === 'week') return <ThisWeek {...props} />;
  return (
    <Suspense fallback={<Loading />}>
      {view === 'trend' && <Trend {...props} />}
      {view === 'waiting' && <Waiting {...props} />}
      {view === 'messages' && <Messages {...props} week={week} />}
      {view === 'tasks' && <Tasks {...props} />}
      {view === 'feedback' && <Feedback {...props} />}
      {view === 'settings' && <SettingsView {...props} role={pairing.role} mailbox={pairing.mailbox} />}
    </Suspense>
  );
}
