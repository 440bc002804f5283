// The task pane's shell: Fluent's theme following Outlook's, sign-in (nested app authentication in Outlook,
// the dev picker standalone), the selected item followed across ItemChanged, and the empty and error states.
import { Button, FluentProvider, Text, makeStyles, teamsDarkTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PaneAnswer, PaneMatch, PanePairing } from '../../../src/reports/pane.ts';
import { apiClient, type ApiClient, type ApiError } from '../api.ts';
import { dateTime, text } from '../i18n.ts';
import { SignInPicker } from '../SignInPicker.tsx';
import { Empty, ErrorState, Loading, OfflineBanner } from '../States.tsx';
import { useApi } from '../use-api.ts';
import type { PaneAuth } from './auth.ts';
import { MessageCard, type MarkControl } from './MessageCard.tsx';
import type { OutlookHost, SelectedItem } from './office.ts';

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

/** The clock of a waiting message moves and new mail syncs every few minutes: the pane re-reads each minute. */
const REFRESH_MS = 60_000;

export type PaneAuthControl = PaneAuth & { remember?(token: string): void; forget?(): void };

export function Pane({ outlook, auth }: { outlook: OutlookHost | null; auth: PaneAuthControl }) {
  const styles = useStyles();
  const theme = outlook?.theme === 'dark' || new URLSearchParams(window.location.search).get('theme') === 'dark' ? teamsDarkTheme : teamsLightTheme;
  return (
    <FluentProvider theme={theme}>
      <main className={styles.page}>
        <Text as="h1" size={400} weight="semibold">{text('addin.title')}</Text>
        <OfflineBanner />
        {outlook === null ? <Empty title={text('addin.state.outsideOutlookTitle')}>{text('addin.state.outsideOutlook')}</Empty> : <SignedIn outlook={outlook} auth={auth} />}
      </main>
    </FluentProvider>
  );
}

function SignedIn({ outlook, auth }: { outlook: OutlookHost; auth: PaneAuthControl }) {
  const [token, setToken] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (auth.kind === 'nested' && !outlook.supportsNestedAuth()) return setFailure(text('addin.state.signInUnsupported'));
    auth.token().then(setToken, (error: Error) => setFailure(text('addin.state.signInFailed', { reason: error.message })));
  }, [auth, outlook, attempt]);
  const expired = useCallback(() => {
    auth.forget?.();
    setToken(null);
    setAttempt((n) => n + 1);
  }, [auth]);
  const api = useMemo(() => (token === null ? null : apiClient(token, expired)), [token, expired]);

  if (failure !== null) {
    return <ErrorState message={failure} onRetry={() => { setFailure(null); setAttempt((n) => n + 1); }} />;
  }
  if (api === null) {
    if (auth.kind === 'standalone') return <SignInPicker onSignedIn={(next) => { auth.remember?.(next); setToken(next); }} />;
    return <Loading />;
  }
  return <SelectedMessage api={api} outlook={outlook} />;
}

/** The item in the reading pane, re-read whenever Outlook reports another selection. */
function useSelectedItem(outlook: OutlookHost): SelectedItem | null {
  const [item, setItem] = useState(() => outlook.item());
  useEffect(() => outlook.onItemChanged(() => setItem(outlook.item())), [outlook]);
  return item;
}

function SelectedMessage({ api, outlook }: { api: ApiClient; outlook: OutlookHost }) {
  const item = useSelectedItem(outlook);
  if (item === null) return <Empty title={text('addin.state.noItemTitle')}>{text('addin.state.noItem')}</Empty>;
  const query = new URLSearchParams({ internetMessageId: item.internetMessageId, ...(item.receivedAt === null ? {} : { receivedAt: item.receivedAt }) });
  // Keyed by the item: another selection starts afresh, never showing the last item's figures meanwhile.
  const path = `/addin/message?${query}`;
  return <ItemAnswer key={path} api={api} outlook={outlook} path={path} />;
}

function ItemAnswer({ api, outlook, path }: { api: ApiClient; outlook: OutlookHost; path: string }) {
  const answer = useApi<PaneAnswer>(api, path, REFRESH_MS);
  const mark = useMark(api, outlook, answer.reload);
  if (answer.error !== null) return <ErrorState error={answer.error} onRetry={answer.reload} />;
  if (answer.data === null) return <Loading />;
  const data = answer.data;
  if (data.state === 'found') return <>{data.matches.map((match) => <MessageCard key={match.pairing.id} match={match} mark={mark} />)}</>;
  if (data.state === 'noPairing') return <Empty title={text('addin.state.noPairingTitle')}>{text('addin.state.noPairing')}</Empty>;
  if (data.state === 'notTandem') return <Empty title={text('addin.state.notTandemTitle')}>{text('addin.state.notTandem')}</Empty>;
  return (
    <Empty title={text('addin.state.notSyncedTitle')}>
      {data.pairings.map((pairing) => <span key={pairing.id} data-testid="sync-state">{syncLine(pairing)} </span>)}
      <Button appearance="subtle" onClick={answer.reload}>{text('addin.retry')}</Button>
    </Empty>
  );
}

function syncLine(pairing: PanePairing): string {
  return pairing.lastSyncAt === null
    ? text('addin.state.neverSynced', { mailbox: pairing.mailbox })
    : text('addin.state.notSynced', { mailbox: pairing.mailbox, when: dateTime(pairing.lastSyncAt, pairing.timeZone) });
}

/** "No reply needed" and its undo: recorded by the API first, then mirrored as the Outlook category. */
function useMark(api: ApiClient, outlook: OutlookHost, reload: () => void): MarkControl {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const toggle = useCallback(
    (match: PaneMatch) => {
      const marking = match.message?.reason !== 'marked';
      const category = match.pairing.noReplyCategory;
      const path = `/pairings/${match.pairing.id}/messages/${encodeURIComponent(match.messageId)}/mark`;
      setBusy(true);
      const recorded = marking
        ? api.send('PUT', path, { reason: text('addin.markReason') })
        // Excluded by the category alone: nothing to undo in Tandem, only in Outlook.
        : match.message?.mark === null ? Promise.resolve() : api.send('DELETE', path);
      recorded
        .then(() => outlook.setCategory(category, marking))
        .then((result) => {
          if (result.ok) setNote(text(marking ? 'addin.category.set' : 'addin.category.removed', { category }));
          else setNote(result.unsupported ? text('addin.category.unsupported', { category }) : text('addin.category.failed', { category, reason: result.reason }));
        }, (error: ApiError) => setNote(error.message))
        .finally(() => {
          setBusy(false);
          reload();
        });
    },
    [api, outlook, reload],
  );
  return { busy, note, toggle };
}
