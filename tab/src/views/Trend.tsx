// The last 12 weeks: the response rate against the target line (and, when the pairing reads tasks, the share
// of tasks done on time against its own, with a table of the weeks' tasks), the inbox-zero streak as a grid,
// and the check-in's two ratings (no target: they start the conversation).
import { LineChart, type ChartProps } from '@fluentui/react-charts';
import { Card, CardHeader, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { ApiClient } from '../api.ts';
import { percent, rating, shortDate, text, weekLabel } from '../i18n.ts';
import { STATUS_MARK } from '../../../src/i18n/status-marks.ts';
import { ErrorState, Loading } from '../States.tsx';
import type { TaskWeek, TrendResponse } from '../types.ts';
import { useApi } from '../use-api.ts';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', gap: tokens.spacingHorizontalXS },
  cell: { height: '40px', borderRadius: tokens.borderRadiusMedium, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: tokens.fontSizeBase200, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  pass: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  fail: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  unknown: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  // The chart capitalises every legend word ("Besvart I Tide"); a legend is a sentence-case catalog message.
  legend: { textTransform: 'none' },
  values: { overflowX: 'auto', marginTop: tokens.spacingVerticalS },
  // Twelve columns wide enough for "73,3 % ✗": on a narrow screen the table scrolls rather than squeezing them.
  valueTable: { width: '100%', minWidth: 'calc(9em + 12 * 4.5em)', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  rowHeader: { width: '9em', textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingInlineEnd: tokens.spacingHorizontalS },
  valueCell: { textAlign: 'center', fontWeight: tokens.fontWeightRegular, paddingBlock: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground1 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** A week's rate, marked as the scorecard marks a met or missed target. */
function markedRate(rate: number, met: boolean | null): string {
  return met === null ? percent(rate) : `${percent(rate)} ${STATUS_MARK[met ? 'good' : 'bad']}`;
}

/** A week's share of tasks done on time, marked; "No tasks due" without a rate. */
function taskRate(week: TaskWeek | undefined): string {
  return week === undefined || week.rate === null ? text('tab.week.noTasks') : markedRate(week.rate, week.met);
}

/** Narrower than this, the chart labels every third week: twelve dates would run into each other. */
const NARROW = '(max-width: 599px)';

function useNarrow(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

/** A week's rate with the target's mark, or a dash that reads as `none` ("No mail", "No tasks due"). */
function Value({ rate, met, none }: { rate: number | null; met: boolean | null; none: 'tab.week.noMail' | 'tab.week.noTasks' }) {
  const styles = useStyles();
  if (rate === null) return <><span aria-hidden="true">–</span><span className={styles.hidden}>{text(none)}</span></>;
  return <>{markedRate(rate, met)}</>;
}

export default function Trend({ api, base }: { api: ApiClient; base: string; zone: string }) {
  const styles = useStyles();
  const narrow = useNarrow();
  const loaded = useApi<TrendResponse>(api, `${base}/trend`);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  const { weeks, targetPct, streak, ratings, tasks } = loaded.data;
  // The server returns the ratings and the task weeks for exactly the trend's weeks; each row is labelled by its own week.
  const mondayOf = new Map(weeks.map((w) => [w.week, w.start]));
  const taskWeek = new Map((tasks?.weeks ?? []).map((w) => [w.week, w]));
  const x = (start: string) => new Date(`${start}T00:00:00Z`);
  const asPercent = (rate: number) => Math.round(rate * 1000) / 10;
  const target = (legend: string, pct: number, color: string) => ({ legend, color, lineOptions: { strokeDasharray: '6 4' }, data: weeks.map((w) => ({ x: x(w.start), y: pct })) });
  // One target line while both KPIs aim at the same share; two, each named, once they differ.
  const targets = tasks === null || tasks.targetPct === targetPct
    ? [target(text('tab.trend.target', { target: targetPct }), targetPct, tokens.colorPaletteRedForeground1)]
    : [target(text('tab.trend.responseTarget', { target: targetPct }), targetPct, tokens.colorPaletteRedForeground1), target(text('tab.trend.taskTarget', { target: tasks.targetPct }), tasks.targetPct, tokens.colorPaletteMarigoldForeground2)];
  const title = text(tasks === null ? 'tab.trend.chartTitle' : 'tab.trend.chartTitleTasks');
  const data: ChartProps = {
    chartTitle: title,
    lineChartData: [
      {
        legend: text('tab.trend.rate'),
        color: tokens.colorBrandForeground1,
        data: weeks.filter((w) => w.rate !== null).map((w) => ({ x: x(w.start), y: asPercent(w.rate!) })),
      },
      ...(tasks === null ? [] : [{
        legend: text('tab.trend.tasksRate'),
        color: tokens.colorPaletteGreenForeground1,
        data: weeks.flatMap((w) => {
          const rate = taskWeek.get(w.week)?.rate ?? null;
          return rate === null ? [] : [{ x: x(w.start), y: asPercent(rate) }];
        }),
      }]),
      ...targets,
    ],
  };
  return (
    <>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{title}</Text>} />
        {/* Legends wrap: folded, the library would show its own untranslated "+1 more" for the fourth line. */}
        <LineChart data={data} height={300} yMinValue={0} yMaxValue={100} useUTC legendProps={{ enabledWrapLines: true, styles: { legend: styles.legend } }} tickValues={weeks.filter((_w, i) => !narrow || (weeks.length - 1 - i) % 3 === 0).map((w) => x(w.start))} customDateTimeFormatter={(d) => shortDate(d.toISOString().slice(0, 10))} />
        {/* The chart's values in words under it: read at a glance, not only on hover or by a screen reader. */}
        <div className={styles.values}>
          <table aria-label={text('tab.trend.tableLabel')} className={styles.valueTable} data-testid="trend-values">
            <thead>
              <tr>
                <td className={styles.rowHeader} />
                {weeks.map((w) => <th key={w.week} scope="col" className={styles.valueCell}>{shortDate(w.start)}</th>)}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className={styles.rowHeader}>{text('tab.trend.rate')}</th>
                {weeks.map((w) => <td key={w.week} className={styles.valueCell}><Value rate={w.rate} met={w.met} none="tab.week.noMail" /></td>)}
              </tr>
              {tasks !== null && (
                <tr>
                  <th scope="row" className={styles.rowHeader}>{text('tab.trend.tasksRate')}</th>
                  {weeks.map((w) => {
                    const week = taskWeek.get(w.week);
                    return <td key={w.week} className={styles.valueCell}><Value rate={week?.rate ?? null} met={week?.met ?? null} none="tab.week.noTasks" /></td>;
                  })}
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Card>
      {tasks !== null && (
        <Card>
          <CardHeader header={<Text as="h2" weight="semibold">{text('tab.trend.tasksTitle')}</Text>} description={<Text>{text('tab.week.target', { target: tasks.targetPct })}</Text>} />
          <Table aria-label={text('tab.trend.tasksTitle')} size="small" data-testid="task-weeks">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text('tab.column.week')}</TableHeaderCell>
                <TableHeaderCell>{text('tab.column.taskRate')}</TableHeaderCell>
                <TableHeaderCell>{text('tab.taskStatus.onTime')}</TableHeaderCell>
                <TableHeaderCell>{text('tab.taskStatus.late')}</TableHeaderCell>
                <TableHeaderCell>{text('tab.taskStatus.overdue')}</TableHeaderCell>
                <TableHeaderCell>{text('tab.taskStatus.open')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {weeks.map((w) => {
                const week = taskWeek.get(w.week);
                return (
                  <TableRow key={w.week} data-testid="task-week">
                    <TableCell>{weekLabel(w.week)}</TableCell>
                    <TableCell>{taskRate(week)}</TableCell>
                    <TableCell>{week?.onTime ?? 0}</TableCell>
                    <TableCell>{week?.late ?? 0}</TableCell>
                    <TableCell>{week?.overdue ?? 0}</TableCell>
                    <TableCell>{week?.open ?? 0}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Card>
      )}
      <Card>
        <CardHeader
          header={<Text as="h2" weight="semibold">{text('tab.trend.inboxZeroTitle')}</Text>}
          description={<Text data-testid="streak">{streak === null ? text('tab.inboxZero.noStreak') : text('tab.inboxZero.streak', { weeks: streak })}</Text>}
        />
        <div className={styles.grid} role="list">
          {weeks.map((w) => {
            const status = w.inboxZero?.status ?? null;
            const label = status === null ? text('tab.inboxZero.notYet') : text(`tab.inboxZero.${status}`, { count: w.inboxZero?.count ?? 0 });
            return (
              <Tooltip key={w.week} content={`${weekLabel(w.week)}: ${label}`} relationship="description">
                <div role="listitem" tabIndex={0} aria-label={`${weekLabel(w.week)}: ${label}`} className={`${styles.cell} ${status === 'pass' ? styles.pass : status === 'fail' ? styles.fail : styles.unknown}`}>
                  {/* Told by mark as well as colour, like every status (src/i18n/status-marks.ts). */}
                  {status === 'pass' ? `${STATUS_MARK.good} ` : status === 'fail' ? `${STATUS_MARK.bad} ` : ''}{shortDate(w.start)}
                </div>
              </Tooltip>
            );
          })}
        </div>
      </Card>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.trend.ratingsTitle')}</Text>} description={<Text>{text('tab.trend.ratingsNote')}</Text>} />
        <Table aria-label={text('tab.trend.ratingsTitle')} size="small" data-testid="ratings">
          <TableHeader>
            <TableRow>
              <TableHeaderCell />
              <TableHeaderCell>{text('tab.trend.quality')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.trend.involved')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ratings.weeks.map((row) => (
              <TableRow key={row.week}>
                <TableCell>{shortDate(mondayOf.get(row.week)!)}</TableCell>
                <TableCell>{rating(row.quality)}</TableCell>
                <TableCell>{rating(row.involved)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell><Text weight="semibold">{text('tab.trend.ratingsMean')}</Text></TableCell>
              <TableCell><Text weight="semibold">{rating(ratings.mean.quality)}</Text></TableCell>
              <TableCell><Text weight="semibold">{rating(ratings.mean.involved)}</Text></TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </Card>
    </>
  );
}
