// A week's tasks for the completion KPI (docs/kpi.md §11): due day, status or the reason a task does not count,
// and a link that opens it in Planner or To Do. The week exports as CSV. Only in the nav of a pairing that
// reads tasks.
import { Badge, Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, ApiError } from '../api.ts';
import { day, text } from '../i18n.ts';
import { marked, type Status } from '../../../src/i18n/status-marks.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import type { LinkedTaskRow, TaskSourceKind, TaskStatus, TasksResponse } from '../types.ts';
import { useApi } from '../use-api.ts';
import { useViewStyles } from './ThisWeek.tsx';
import { usePickedWeek, WeekPicker } from './WeekPicker.tsx';

/** The Messages view's colours for the matching mail statuses, and the marks every surface puts on a status. */
const STATUS_LOOK: Record<TaskStatus, { colour: 'success' | 'warning' | 'danger' | 'informative'; mark: Status | null }> = {
  onTime: { colour: 'success', mark: 'good' },
  late: { colour: 'warning', mark: 'warning' },
  overdue: { colour: 'danger', mark: 'bad' },
  open: { colour: 'informative', mark: null },
};

function TaskStatusBadge({ row }: { row: LinkedTaskRow }) {
  if ('excluded' in row.result) return <Badge appearance="outline" color="informative">{text(`tab.taskReason.${row.result.excluded}`)}</Badge>;
  const { colour, mark } = STATUS_LOOK[row.result.status];
  const words = text(`tab.taskStatus.${row.result.status}`);
  return <Badge appearance="tint" color={colour}>{mark === null ? words : marked(mark, words)}</Badge>;
}

function TaskTitle({ row, source }: { row: LinkedTaskRow; source: TaskSourceKind }) {
  const styles = useViewStyles();
  const title = row.title === '' ? text('none') : row.title;
  return (
    <div className={styles.stat}>
      <Text>{title}</Text>
      {row.webUrl !== null && (
        <Link href={row.webUrl} target="_blank" rel="noopener noreferrer" aria-label={text(`tab.tasks.openLabel.${source}`, { title })} data-testid="task-link">
          {text(`tab.tasks.open.${source}`)}
        </Link>
      )}
    </div>
  );
}

export function Tasks({ api, base }: { api: ApiClient; base: string; zone: string }) {
  const styles = useViewStyles();
  const { trend, week: shownWeek, pick } = usePickedWeek(api, base);
  const loaded = useApi<TasksResponse>(api, shownWeek === null ? null : `${base}/tasks?week=${shownWeek}`);
  const [problem, setProblem] = useState<ApiError | null>(null);

  if (trend.error) return <ErrorState error={trend.error} onRetry={trend.reload} />;
  if (trend.data === null) return <Loading />;
  return (
    <section aria-label={text('tab.nav.tasks')} className={styles.stack}>
      <div className={styles.toolbar}>
        <WeekPicker weeks={trend.data.weeks} week={shownWeek} onPick={pick} />
        <Button onClick={() => void api.download(`${base}/export/tasks.csv?week=${shownWeek}`).catch(setProblem)}>{text('tab.export.tasks')}</Button>
      </div>
      {problem && <ErrorState error={problem} />}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : loaded.data === null ? <Loading /> : (
        <>
          <Text block>{text(`tab.tasks.intro.${loaded.data.source}`)}</Text>
          {loaded.data.tasks.length === 0 ? <Empty title={text('tab.tasks.emptyTitle')} /> : (
            <Table aria-label={text('tab.nav.tasks')} size="small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{text('tab.column.due')}</TableHeaderCell>
                  <TableHeaderCell>{text('tab.column.task')}</TableHeaderCell>
                  <TableHeaderCell>{text('tab.column.status')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {loaded.data.tasks.map((row) => (
                  <TableRow key={row.id} data-testid="task-row" data-id={row.id}>
                    <TableCell className={styles.nowrap}>{row.dueDay === null ? text('none') : day(row.dueDay)}</TableCell>
                    <TableCell><TaskTitle row={row} source={loaded.data!.source} /></TableCell>
                    <TableCell className={styles.nowrap}><TaskStatusBadge row={row} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
