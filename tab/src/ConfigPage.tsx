// The group chat tab's configuration page (the manifest's configurationUrl): Teams opens it when someone adds
// the tab to a chat and keeps Save disabled until the page says it can save. It finds the pairing whose chat
// this is, as the tab does (the signed-in person's pairings from /api/me, matched by the context's chat id),
// says what Save will add, and on Save stores a content page that opens that pairing. See
// https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page
import { FluentProvider, makeStyles, Text, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { apiClient, type ApiClient } from './api.ts';
import type { Host, TabConfiguration, TabInstance, ThemeName } from './host.ts';
import { text } from './i18n.ts';
import { Empty, ErrorState, Loading } from './States.tsx';
import type { Me, PairingSummary } from './types.ts';
import { useApi } from './use-api.ts';

const THEMES = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

/** What Save stores: the tab's content page for this pairing (its id in the URL, so the tab opens it even for someone in several). */
export function tabInstance(pairing: PairingSummary, origin: string): TabInstance {
  const contentUrl = new URL('/tab/', origin);
  contentUrl.searchParams.set('pairing', pairing.id);
  // No websiteUrl: outside Teams the tab has no SSO to sign anyone in with, so "open in a browser" would only fail.
  return { contentUrl: contentUrl.href, entityId: `kpi-${pairing.id}`, suggestedDisplayName: text('tab.config.displayName') };
}

export function ConfigPage({ host, configuration }: { host: Host; configuration: TabConfiguration }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const [token, setToken] = useState<string | null>(null);
  const [authProblem, setAuthProblem] = useState<string | null>(null);
  useEffect(() => {
    void host.ssoToken().then(setToken, (error: unknown) => setAuthProblem(error instanceof Error ? error.message : String(error)));
  }, [host]);
  const api = useMemo(() => (token === null ? null : apiClient(token, () => setAuthProblem(text('tab.auth.refused')))), [token]);
  const styles = useStyles();

  return (
    <FluentProvider theme={THEMES[theme]}>
      <main className={styles.page}>
        <Text as="h1" size={500} weight="semibold">{text('tab.config.title')}</Text>
        {authProblem !== null ? (
          <ErrorState message={text('tab.auth.failed', { reason: authProblem })} />
        ) : api === null ? (
          <Loading />
        ) : (
          <ChatPairing api={api} chatId={host.chatId} configuration={configuration} />
        )}
      </main>
    </FluentProvider>
  );
}

function ChatPairing({ api, chatId, configuration }: { api: ApiClient; chatId: string | null; configuration: TabConfiguration }) {
  const styles = useStyles();
  const me = useApi<Me>(api, '/me');
  const pairing = me.data?.pairings.find((candidate) => chatId !== null && candidate.chatId === chatId) ?? null;

  // Save is enabled only with a pairing to open; whatever else happens (loading, an error, none) it stays disabled.
  useEffect(() => {
    configuration.setValid(pairing !== null);
    configuration.onSave(async () => {
      if (pairing === null) throw new Error(text('tab.config.notSetUp'));
      return tabInstance(pairing, window.location.origin);
    });
  }, [configuration, pairing]);

  if (me.data === null) return me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : <Loading />;
  if (pairing === null) return <Empty title={text('tab.config.notSetUpTitle')}>{text('tab.config.notSetUp')}</Empty>;
  return (
    <section className={styles.section} aria-label={text('tab.config.title')} data-testid="config-pairing">
      <Text as="p">{text('tab.config.adds', { name: text('tab.config.displayName') })}</Text>
      <dl className={styles.facts}>
        <dt className={styles.term}>{text('tab.config.mailbox')}</dt>
        <dd className={styles.value}>{pairing.mailbox}</dd>
        <dt className={styles.term}>{text('tab.person.owner')}</dt>
        <dd className={styles.value}>{pairing.owner}</dd>
        <dt className={styles.term}>{text('tab.person.va')}</dt>
        <dd className={styles.value}>{pairing.va}</dd>
      </dl>
      <Text as="p" size={200}>{text('tab.config.onlyPair')}</Text>
    </section>
  );
}
