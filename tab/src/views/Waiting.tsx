// Unanswered inbound mail, oldest first, with the time left on the pairing's clock, each subject opening the
// message in Outlook on the web where Graph gave its link; refreshes itself.
import { Badge, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ApiClient } from '../api.ts';
import { dateTime, duration, text } from '../i18n.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import type { WaitingResponse } from '../types.ts';
import { useApi } from '../use-api.ts';
import { Address } from './Address.tsx';
import { useViewStyles } from './ThisWeek.tsx';

const REFRESH_MS = 60_000;

export function Waiting({ api, base, zone }: { api: ApiClient; base: string; zone: string }) {
  const styles = useViewStyles();
  const loaded = useApi<WaitingResponse>(api, `${base}/waiting`, REFRESH_MS);
  if (loaded.error && loaded.data === null) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  const { messages, windowHours, clock, weeks } = loaded.data;
  return (
    <section aria-label={text('tab.nav.waiting')}>
      <div className={styles.toolbar}>
        <Text>{text(clock === 'working' ? 'tab.waiting.clockWorking' : 'tab.waiting.clockCalendar', { hours: windowHours })}</Text>
        {loaded.loadedAt !== null && <Text size={200} className={styles.muted} role="status">{text('tab.waiting.updated', { time: dateTime(loaded.loadedAt, zone) })}</Text>}
      </div>
      {/* This week's figures count only this week's mail; older unanswered mail, already missed there, is listed here too. */}
      <Text as="p" size={200} className={styles.muted}>{text('tab.waiting.scope', { weeks })}</Text>
      {loaded.error && <ErrorState error={loaded.error} onRetry={loaded.reload} />}
      {messages.length === 0 ? (
        <Empty title={text('tab.waiting.emptyTitle')}>{text('tab.waiting.empty')}</Empty>
      ) : (
        <Table aria-label={text('tab.nav.waiting')} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text('tab.column.from')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.subject')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.received')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.timeLeft')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {messages.map((m) => (
              <TableRow key={m.id} data-testid="waiting-row">
                <TableCell>{m.from === null ? text('none') : <Address value={m.from} />}</TableCell>
                <TableCell>
                  {m.webLink === null ? m.subject : (
                    <Link href={m.webLink} target="_blank" rel="noopener noreferrer" title={text('tab.waiting.openInOutlook')} data-testid="open-in-outlook">{m.subject || text('none')}</Link>
                  )}
                </TableCell>
                <TableCell>{dateTime(m.receivedAt, zone)}</TableCell>
                <TableCell>
                  {m.status === 'missed'
                    ? <Badge appearance="filled" color="danger">{text('tab.status.missed')}</Badge>
                    : <Badge appearance="tint" color="warning">{text('tab.waiting.left', { time: duration(m.remainingMinutes) })}</Badge>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
