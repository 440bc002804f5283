// The feedback timeline: each week's check-in as the reader may see it (their own answers, and the other side's
// once both have answered; until then only whether they have), with the scorecards, reminders and reviews Tandem sent.
import { Badge, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api.ts';
import { answersOf, dateTime, text, weekLabel } from '../i18n.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import type { CheckInView, FeedbackResponse, SideView } from '../types.ts';
import { useApi } from '../use-api.ts';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  answers: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  term: { color: tokens.colorNeutralForeground3 },
  status: { color: tokens.colorNeutralForeground3 },
});

function Side({ author, side, zone }: { author: 'owner' | 'va'; side: SideView; zone: string }) {
  const styles = useStyles();
  return (
    <div data-author={author} data-state={side.state}>
      <Text weight="semibold">{text(author === 'owner' ? 'tab.person.owner' : 'tab.person.va')}</Text>{' '}
      {side.state === 'shown' ? (
        <>
          <Text size={200}>{dateTime(side.submittedAt, zone)}</Text>
          <dl className={styles.answers}>
            {answersOf(author, side.answers).map(({ question, answer }, index) => (
              <div key={index} style={{ display: 'contents' }}>
                <dt className={styles.term}>{question}</dt>
                <dd style={{ margin: 0 }}>{answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <Text size={200} className={styles.status}>
          {text(side.state === 'answered' ? 'tab.feedback.withheld' : 'tab.feedback.notYet')}
        </Text>
      )}
    </div>
  );
}

export function Feedback({ api, base, zone }: { api: ApiClient; base: string; zone: string }) {
  const styles = useStyles();
  const loaded = useApi<FeedbackResponse>(api, `${base}/feedback`);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  const { checkIns, deliveries } = loaded.data;
  const weeks = [...new Set([...checkIns.map((c) => c.week), ...deliveries.map((d) => d.period)])].sort().reverse();
  if (weeks.length === 0) return <Empty title={text('tab.feedback.emptyTitle')}>{text('tab.feedback.empty')}</Empty>;
  const checkInOf = (week: string): CheckInView | undefined => checkIns.find((c) => c.week === week);
  return (
    <section aria-label={text('tab.nav.feedback')} className={styles.list}>
      {weeks.map((week) => {
        const checkIn = checkInOf(week);
        return (
          <Card key={week}>
            <CardHeader header={<Text as="h2" weight="semibold">{weekLabel(week)}</Text>} />
            {deliveries.filter((d) => d.period === week).map((d) => (
              <Text key={d.kind} size={200}>
                <Badge appearance="outline">{text(`tab.delivery.${d.kind as 'scorecard' | 'feedback_reminder' | 'monthly_question' | 'review'}`)}</Badge> {d.sentAt === null ? '' : dateTime(d.sentAt, zone)}
              </Text>
            ))}
            {checkIn === undefined ? null : (['owner', 'va'] as const).map((author) => <Side key={author} author={author} side={checkIn[author]} zone={zone} />)}
          </Card>
        );
      })}
    </section>
  );
}
