// The designed states: loading, errors (with retry), empty, offline, and a boundary for views that fail.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Component, useEffect, useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ApiError, OFFLINE } from './api.ts';
import { text } from './i18n.ts';

const useStyles = makeStyles({
  centre: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalXXXL, textAlign: 'center' },
});

export function Loading() {
  return <div className={useStyles().centre}><Spinner label={text('tab.state.loading')} /></div>;
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={useStyles().centre} role="status">
      <Text as="h2" size={500} weight="semibold">{title}</Text>
      {children && <Text>{children}</Text>}
    </div>
  );
}

/**
 * How many offline error states are on screen. Each says "You are offline" with its own retry, so while one
 * shows, the banner that says the same above it stays away (one message, not two).
 */
const offlineErrors = { shown: 0, listeners: new Set<() => void>() };
const changed = () => offlineErrors.listeners.forEach((listener) => listener());
const subscribeOfflineErrors = (listener: () => void) => {
  offlineErrors.listeners.add(listener);
  return () => offlineErrors.listeners.delete(listener);
};

export function ErrorState({ error, message, onRetry }: { error?: ApiError; message?: string; onRetry?: () => void }) {
  const offline = error?.status === OFFLINE;
  // Before paint, so the banner does not flash beside the error for a frame.
  useLayoutEffect(() => {
    if (!offline) return;
    offlineErrors.shown++;
    changed();
    return () => {
      offlineErrors.shown--;
      changed();
    };
  }, [offline]);
  return (
    <MessageBar intent={offline ? 'warning' : 'error'}>
      <MessageBarBody>
        <MessageBarTitle>{text(offline ? 'tab.state.offlineTitle' : 'tab.state.errorTitle')}</MessageBarTitle>
        {offline ? text('tab.state.offline') : (message ?? error?.message)}
      </MessageBarBody>
      {onRetry && <MessageBarActions><Button onClick={onRetry}>{text('tab.state.retry')}</Button></MessageBarActions>}
    </MessageBar>
  );
}

/**
 * Catches what a view throws while rendering — above all a view's code that cannot be fetched while
 * offline — and shows it as an error with a retry instead of a blank tab.
 */
export class ViewBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const shown = navigator.onLine ? new ApiError(500, 'internal', error.message) : new ApiError(OFFLINE, 'offline', error.message);
    // A view whose code failed to load stays failed in React.lazy: loading the page again is the retry.
    return <ErrorState error={shown} onRetry={() => window.location.reload()} />;
  }
}

/** Says the device is offline, unless an offline error state on screen says so already. */
export function OfflineBanner() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  const errorSaysSo = useSyncExternalStore(subscribeOfflineErrors, () => offlineErrors.shown > 0);
  if (online || errorSaysSo) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody><MessageBarTitle>{text('tab.state.offlineTitle')}</MessageBarTitle>{text('tab.state.offline')}</MessageBarBody>
    </MessageBar>
  );
}
