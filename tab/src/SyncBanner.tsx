// The sync's state above every view: progress while the mailbox's first read runs, the error when it fails, and
// the task sync's error while the chosen plan or list cannot be read.
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import type { ApiClient } from './api.ts';
import { text } from './i18n.ts';
import type { SyncResponse } from './types.ts';
import { useApi } from './use-api.ts';

const SYNC_REFRESH_MS = 15_000;

/** Shown while the mailbox's first read runs (with what it has read so far), when it fails, and while the tasks cannot be read. */
export function SyncBanner({ api, pairingId }: { api: ApiClient; pairingId: string }) {
  const sync = useApi<SyncResponse>(api, `/pairings/${pairingId}/sync`, SYNC_REFRESH_MS);
  if (sync.data === null) return null;
  const tasks = sync.data.tasksError === null ? null : (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody><MessageBarTitle>{text('tab.sync.tasksErrorTitle')}</MessageBarTitle>{sync.data.tasksError}</MessageBarBody>
    </MessageBar>
  );
  return <>{mailboxBanner(sync.data)}{tasks}</>;
}

function mailboxBanner(sync: SyncResponse) {
  if (sync.state === 'synced') return null;
  if (sync.state === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody><MessageBarTitle>{text('tab.sync.errorTitle')}</MessageBarTitle>{sync.lastError}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text('tab.sync.runningTitle')}</MessageBarTitle>
        {text('tab.sync.running', { count: Math.max(sync.messagesStored, sync.progress?.fetched ?? 0) })}
        {/* Without a known share the bar runs indeterminate. */}
        <ProgressBar thickness="large" aria-label={text('tab.sync.runningTitle')} {...(sync.progress ? { value: sync.progress.fraction } : {})} />
      </MessageBarBody>
    </MessageBar>
  );
}
