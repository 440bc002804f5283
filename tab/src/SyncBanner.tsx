// The mailbox sync's state above every view: progress while the first read runs, the error when it fails.
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import type { ApiClient } from './api.ts';
import { text } from './i18n.ts';
import type { SyncResponse } from './types.ts';
import { useApi } from './use-api.ts';

const SYNC_REFRESH_MS = 15_000;

/** Shown while the first sync is running (with what it has read so far) and when the sync fails. */
export function SyncBanner({ api, pairingId }: { api: ApiClient; pairingId: string }) {
  const sync = useApi<SyncResponse>(api, `/pairings/${pairingId}/sync`, SYNC_REFRESH_MS);
  if (sync.data === null || sync.data.state === 'synced') return null;
  if (sync.data.state === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody><MessageBarTitle>{text('tab.sync.errorTitle')}</MessageBarTitle>{sync.data.lastError}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text('tab.sync.runningTitle')}</MessageBarTitle>
        {text('tab.sync.running', { count: Math.max(sync.data.messagesStored, sync.data.progress?.fetched ?? 0) })}
        {/* Without a known share the bar runs indeterminate. */}
        <ProgressBar thickness="large" aria-label={text('tab.sync.runningTitle')} {...(sync.data.progress ? { value: sync.data.progress.fraction } : {})} />
      </MessageBarBody>
    </MessageBar>
  );
}
