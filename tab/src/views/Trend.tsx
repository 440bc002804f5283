// The last 12 weeks: the response rate against the target line, the inbox-zero streak as a grid, and the
// check-in's two ratings (no target: they start the conversation).
import { LineChart, type ChartProps } from '@fluentui/react-charts';
import { Card, CardHeader, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api.ts';
import { percent, rating, shortDate, text, weekLabel } from '../i18n.ts';
import { ErrorState, Loading } from '../States.tsx';
import type { TrendResponse } from '../types.ts';
import { useApi } from '../use-api.ts';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', gap: tokens.spacingHorizontalXS },
  cell: { height: '40px', borderRadius: tokens.borderRadiusMedium, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: tokens.fontSizeBase200, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  pass: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  fail: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  unknown: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  // The chart capitalises every legend word ("Besvart I Tide"); a legend is a sentence-case catalog message.
  legend: { textTransform: 'none' },
});

export default function Trend({ api, base }: { api: ApiClient; base: string; zone: string }) {
  const styles = useStyles();
  const loaded = useApi<TrendResponse>(api, `${base}/trend`);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  const { weeks, targetPct, streak, ratings } = loaded.data;
  // The server returns the ratings for exactly the trend's weeks; each row is labelled by its own week.
  const mondayOf = new Map(weeks.map((w) => [w.week, w.start]));
  const x = (start: string) => new Date(`${start}T00:00:00Z`);
  const data: ChartProps = {
    chartTitle: text('tab.trend.chartTitle'),
    lineChartData: [
      {
        legend: text('tab.trend.rate'),
        color: tokens.colorBrandForeground1,
        data: weeks.filter((w) => w.rate !== null).map((w) => ({ x: x(w.start), y: Math.round(w.rate! * 1000) / 10 })),
      },
      {
        legend: text('tab.trend.target', { target: targetPct }),
        color: tokens.colorPaletteRedForeground1,
        lineOptions: { strokeDasharray: '6 4' },
        data: weeks.map((w) => ({ x: x(w.start), y: targetPct })),
      },
    ],
  };
  return (
    <>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.trend.chartTitle')}</Text>} />
        <LineChart data={data} legendProps={{ styles: { legend: styles.legend } }} height={300} yMinValue={0} yMaxValue={100} useUTC tickValues={weeks.map((w) => x(w.start))} customDateTimeFormatter={(d) => shortDate(d.toISOString().slice(0, 10))} />
        <table aria-label={text('tab.trend.tableLabel')} style={{ position: 'absolute', left: '-10000px' }}>
          <tbody>{weeks.map((w) => <tr key={w.week}><th scope="row">{weekLabel(w.week)}</th><td>{percent(w.rate)}</td></tr>)}</tbody>
        </table>
      </Card>
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
                  {shortDate(w.start)}
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
