// This week: the response rate against the target (met or not), the counts behind it, median and p90,
// inbox-zero Friday and its streak, and who answered.
import { Badge, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api.ts';
import { dateTime, duration, percent, shortDate, text } from '../i18n.ts';
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

export function ThisWeek({ api, base, zone }: { api: ApiClient; base: string; zone: string }) {
  const styles = useViewStyles();
  const loaded = useApi<WeekResponse>(api, `${base}/week`);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  const { week, streak, targetPct } = loaded.data;
  const excluded = Object.values(week.excluded).reduce((sum, n) => sum + n, 0);
  if (week.counted + week.pending + excluded === 0) {
    return <Empty title={text('tab.week.emptyTitle')}>{text('tab.week.empty')}</Empty>;
  }
  const inboxZero = week.inboxZero;
  return (
    <section aria-label={text('tab.nav.week')} className={styles.grid}>
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.rateTitle', { from: shortDate(week.start), to: shortDate(week.end) })}</Text>} />
        <span className={styles.big} data-testid="rate">{percent(week.rate)}</span>
        <div className={styles.row}>
          <Text>{text('tab.week.target', { target: targetPct })}</Text>
          {week.met !== null && (
            <Badge appearance="filled" color={week.met ? 'success' : 'danger'} data-testid="met">{marked(week.met ? 'good' : 'bad', text(week.met ? 'tab.week.met' : 'tab.week.notMet'))}</Badge>
          )}
        </div>
      </Card>
      <Card className={styles.wide}>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.week.countsTitle')}</Text>} />
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
