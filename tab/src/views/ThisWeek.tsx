// This week: the response rate against the target (met or not), the counts behind it, median and p90,
// inbox-zero Friday and its streak, and who answered; beside them, when the pairing reads tasks, the share of
// tasks done on time against its own target.
import { Badge, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api.ts';
import { dateTime, duration, percent, shortDate, text, totals } from '../i18n.ts';
import { marked } from '../../../src/i18n/status-marks.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import type { WeekResponse } from '../types.ts';
import { useApi } from '../use-api.ts';

export const useViewStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL },
  stat: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  big: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalXL, alignItems: 'center', flexWrap: 'wrap' },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(72px, 1fr))', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: 'span 2', '@media (max-width: 640px)': { gridColumn: 'auto' } },
  table: { tableLayout: 'auto', '& td': { overflowWrap: 'anywhere' } },
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  grow: { flexGrow: 1 },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  const styles = useViewStyles();
  return (
    <div className={styles.stat}>
      <Text size={200} className={styles.muted}>{label}</Text>
      <Text size={600} weight="semibold" data-testid={testId}>{value}</Text>
    </div>
  );
}

function Target({ targetPct, met, testId }: { targetPct: number; met: boolean | null; testId: string }) {
  const styles = useViewStyles();
  return (
    <div className={styles.row}>
      <Text>{text('tab.week.target', { target: targetPct })}</Text>
      {met !== null && (
        <Badge appearance="filled" color={met ? 'success' : 'danger'} data-testid={testId}>{marked(met ? 'good' : 'bad', text(met ? 'tab.week.met' : 'tab.week.notMet'))}</Badge>
      )}
    </div>
  );
}

/** The completion KPI of the week (docs/kpi.md §11): tasks not yet due are shown but stay out of the rate. */
function TasksCard({ tasks, start, end }: { tasks: NonNullable<WeekResponse['tasks']>; start: string; end: string }) {
  const styles = useViewStyles();
  const { week } = tasks;
  const excluded = week.excluded.notVa + week.excluded.paused + week.excluded.deleted;
  return (
    <Card className={styles.wide} data-testid="tasks-card">
      <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.tasksTitle', { from: shortDate(start), to: shortDate(end) })}</Text>} />
      <div className={styles.row}>
        <div className={styles.stat}>
          <span className={styles.big} data-testid="tasks-rate">{week.rate === null ? text('tab.week.noTasks') : percent(week.rate)}</span>
          <Target targetPct={tasks.targetPct} met={week.met} testId="tasks-met" />
        </div>
        <div className={`${styles.counts} ${styles.grow}`}>
          <Stat label={text('tab.taskStatus.onTime')} value={week.onTime} testId="tasks-onTime" />
          <Stat label={text('tab.taskStatus.late')} value={week.late} testId="tasks-late" />
          <Stat label={text('tab.taskStatus.overdue')} value={week.overdue} testId="tasks-overdue" />
          <Stat label={text('tab.taskStatus.open')} value={week.open} testId="tasks-open" />
        </div>
      </div>
      {excluded > 0 && <Text size={200} className={styles.muted}>{text('tab.week.tasksExcluded', { count: excluded })}</Text>}
    </Card>
  );
}

export function ThisWeek({ api, base, zone }: { api: ApiClient; base: string; zone: string }) {
  const styles = useViewStyles();
  const loaded = useApi<WeekResponse>(api, `${base}/week`);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  const { week, streak, targetPct, tasks } = loaded.data;
  const excluded = Object.values(week.excluded).reduce((sum, n) => sum + n, 0);
  const tasksCard = tasks === null ? null : <TasksCard tasks={tasks} start={week.start} end={week.end} />;
  if (week.counted + week.pending + excluded === 0) {
    return (
      <>
        <Empty title={text('tab.week.emptyTitle')}>{text('tab.week.empty')}</Empty>
        {tasksCard !== null && <section aria-label={text('tab.nav.week')} className={styles.grid}>{tasksCard}</section>}
      </>
    );
  }
  const inboxZero = week.inboxZero;
  return (
    <section aria-label={text('tab.nav.week')} className={styles.grid}>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.rateTitle', { from: shortDate(week.start), to: shortDate(week.end) })}</Text>} />
        <span className={styles.big} data-testid="rate">{percent(week.rate)}</span>
        <Target targetPct={targetPct} met={week.met} testId="met" />
      </Card>
      {tasksCard}
      <Card className={styles.wide}>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.countsTitle')}</Text>} />
        <Text data-testid="totals">{totals(week)}</Text>
        <div className={styles.counts}>
          <Stat label={text('tab.status.counted')} value={week.counted} testId="counted" />
          <Stat label={text('tab.status.onTime')} value={week.onTime} testId="onTime" />
          <Stat label={text('tab.status.late')} value={week.late} testId="late" />
          <Stat label={text('tab.status.missed')} value={week.missed} testId="missed" />
          <Stat label={text('tab.status.pending')} value={week.pending} testId="pending" />
        </div>
        <Text size={200} className={styles.muted}>{text('tab.week.excluded', { count: excluded })}</Text>
      </Card>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.speedTitle')}</Text>} />
        <div className={styles.row}>
          <Stat label={text('tab.week.median')} value={duration(week.medianMinutes)} testId="median" />
          <Stat label={text('tab.week.p90')} value={duration(week.p90Minutes)} testId="p90" />
        </div>
      </Card>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.inboxZeroTitle')}</Text>} />
        <div className={styles.row}>
          {inboxZero === null ? (
            <Text data-testid="inboxZero">{text('tab.inboxZero.notYet')}</Text>
          ) : (
            <Badge appearance="tint" color={inboxZero.status === 'pass' ? 'success' : inboxZero.status === 'fail' ? 'danger' : 'informative'} data-testid="inboxZero">
              {text(`tab.inboxZero.${inboxZero.status}`, { count: inboxZero.count ?? 0 })}
            </Badge>
          )}
          {inboxZero?.takenAt != null && <Text size={200} className={styles.muted}>{dateTime(inboxZero.takenAt, zone)}</Text>}
        </div>
        <Text data-testid="streak">{streak === null ? text('tab.inboxZero.noStreak') : text('tab.inboxZero.streak', { weeks: streak })}</Text>
      </Card>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.answeredByTitle')}</Text>} />
        <div className={styles.row}>
          <Stat label={text('tab.person.va')} value={week.answeredBy.va} testId="byVa" />
          <Stat label={text('tab.person.owner')} value={week.answeredBy.owner} testId="byOwner" />
          <Stat label={text('tab.person.other')} value={week.answeredBy.other} />
        </div>
        <Text size={200} className={styles.muted}>{text('tab.week.sendAsNote')}</Text>
      </Card>
    </section>
  );
}
