// A week's messages, counted and excluded (with the reason), filterable; either side can mark one "no reply
// needed" with a reason (audited, shown to both), and the KPI follows. The week exports as CSV.
import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Option, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, ApiError } from '../api.ts';
import { dateTime, duration, text } from '../i18n.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import type { MessageRow, MessagesResponse } from '../types.ts';
import { useApi } from '../use-api.ts';
import { Address } from './Address.tsx';
import { useViewStyles } from './ThisWeek.tsx';
import { usePickedWeek, WeekPicker } from './WeekPicker.tsx';

const FILTERS = ['all', 'counted', 'excluded', 'onTime', 'late', 'missed', 'pending', 'auto', 'noreply', 'junk', 'cc', 'internal', 'other', 'marked'] as const;
const STATUS_COLOURS = { onTime: 'success', late: 'warning', missed: 'danger', pending: 'informative' } as const;

function StatusBadge({ row }: { row: MessageRow }) {
  if (row.status !== null) return <Badge appearance="tint" color={STATUS_COLOURS[row.status]}>{text(`tab.status.${row.status}`)}</Badge>;
  return <Badge appearance="outline" color="informative">{text(`tab.reason.${row.reason ?? 'auto'}`)}</Badge>;
}

/** `week`: the week to show first (a deep link's), else this week. */
export function Messages({ api, base, zone, week = null }: { api: ApiClient; base: string; zone: string; week?: string | null }) {
  const styles = useViewStyles();
  const { trend, week: shownWeek, pick } = usePickedWeek(api, base, week);
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const loaded = useApi<MessagesResponse>(api, shownWeek === null ? null : `${base}/messages?week=${shownWeek}&filter=${filter}`);
  const [marking, setMarking] = useState<MessageRow | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);

  const refreshAll = () => {
    loaded.reload();
    trend.reload();
  };
  const mark = async () => {
    if (marking === null) return;
    try {
      await api.send('PUT', `${base}/messages/${encodeURIComponent(marking.id)}/mark`, { reason });
      setMarking(null);
      setReason('');
      setProblem(null);
      refreshAll();
    } catch (error) {
      setProblem(error as ApiError);
    }
  };
  const unmark = (row: MessageRow) => api.send('DELETE', `${base}/messages/${encodeURIComponent(row.id)}/mark`).then(refreshAll, setProblem);

  if (trend.error) return <ErrorState error={trend.error} onRetry={trend.reload} />;
  if (trend.data === null) return <Loading />;
  return (
    <section aria-label={text('tab.nav.messages')}>
      <div className={styles.toolbar}>
        <WeekPicker weeks={trend.data.weeks} week={shownWeek} onPick={pick} />
        <Field label={text('tab.messages.filter')}>
          <Dropdown value={text(`tab.filter.${filter}`)} selectedOptions={[filter]} onOptionSelect={(_e, d) => setFilter((d.optionValue ?? 'all') as (typeof FILTERS)[number])}>
            {FILTERS.map((f) => <Option key={f} value={f}>{text(`tab.filter.${f}`)}</Option>)}
          </Dropdown>
        </Field>
        <Button onClick={() => void api.download(`${base}/export/messages.csv?week=${shownWeek}`).catch(setProblem)}>{text('tab.export.messages')}</Button>
        <Button onClick={() => void api.download(`${base}/export/weeks.csv`).catch(setProblem)}>{text('tab.export.weeks')}</Button>
      </div>
      {problem && <ErrorState error={problem} />}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : loaded.data === null ? <Loading /> : loaded.data.messages.length === 0 ? (
        <Empty title={text('tab.messages.emptyTitle')} />
      ) : (
        <Table aria-label={text('tab.nav.messages')} size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text('tab.column.received')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.from')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.subject')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.status')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.answered')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.responseTime')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.column.noReply')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaded.data.messages.map((row) => (
              <TableRow key={row.id} data-testid="message-row" data-id={row.id} data-status={row.status}>
                <TableCell>{dateTime(row.receivedAt, zone)}</TableCell>
                <TableCell>{row.from === null ? text('none') : <Address value={row.from} />}</TableCell>
                <TableCell>{row.subject}</TableCell>
                <TableCell className={styles.nowrap}><StatusBadge row={row} /></TableCell>
                <TableCell>{row.answeredAt === null ? text('none') : dateTime(row.answeredAt, zone)}</TableCell>
                <TableCell>{row.answeredAt === null ? text('none') : duration(row.clockMinutes)}</TableCell>
                <TableCell>
                  {row.mark !== null ? (
                    <div>
                      <Text size={200}>{text('tab.messages.markedBy', { who: row.mark.by, reason: row.mark.reason })}</Text>{' '}
                      <Button size="small" appearance="subtle" onClick={() => void unmark(row)}>{text('tab.messages.unmark')}</Button>
                    </div>
                  ) : row.status === 'missed' || row.status === 'pending' ? (
                    // Only mail nobody has answered can be "no reply needed": an answered one was answered.
                    <Button size="small" onClick={() => setMarking(row)} aria-label={text('tab.messages.markLabel', { subject: row.subject })}>{text('tab.messages.mark')}</Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={marking !== null} onOpenChange={(_e, d) => !d.open && setMarking(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{text('tab.messages.markTitle')}</DialogTitle>
            <DialogContent>
              <Text block>{marking?.subject}</Text>
              <Field label={text('tab.messages.reason')} required validationMessage={problem?.message}>
                <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setMarking(null)}>{text('tab.cancel')}</Button>
              <Button appearance="primary" onClick={() => void mark()}>{text('tab.messages.markConfirm')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
