// The feedback timeline: both sides' weekly answers, with the scorecards, reminders and reviews Tandem sent.
import { Badge, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api.ts';
import { answersOf, dateTime, text } from '../i18n.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import type { Feedback as FeedbackEntry, FeedbackResponse } from '../types.ts';
import { useApi } from '../use-api.ts';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  answers: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  term: { color: tokens.colorNeutralForeground3 },
});

export function Feedback({ api, base, zone }: { api: ApiClient; base: string; zone: string }) {
  const styles = useStyles();
  const loaded = useApi<FeedbackResponse>(api, `${base}/feedback`);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  const { feedback, deliveries } = loaded.data;
  const weeks = [...new Set([...feedback.map((f) => f.week), ...deliveries.map((d) => d.period)])].sort().reverse();
  if (weeks.length === 0) return <Empty title={text('tab.feedback.emptyTitle')}>{text('tab.feedback.empty')}</Empty>;
  const byWeek = (week: string): FeedbackEntry[] => feedback.filter((f) => f.week === week);
  return (
    <section aria-label={text('tab.nav.feedback')} className={styles.list}>
      {weeks.map((week) => (
        <Card key={week}>
          <CardHeader header={<Text as="h2" weight="semibold">{week}</Text>} />
          {deliveries.filter((d) => d.period === week).map((d) => (
            <Text key={d.kind} size={200}>
              <Badge appearance="outline">{text(`tab.delivery.${d.kind as 'scorecard' | 'feedback_reminder' | 'monthly_question' | 'review'}`)}</Badge> {d.sentAt === null ? '' : dateTime(d.sentAt, zone)}
            </Text>
          ))}
          {byWeek(week).map((entry) => (
            <div key={entry.author}>
              <Text weight="semibold">{text(entry.author === 'owner' ? 'tab.person.owner' : 'tab.person.va')}</Text>{' '}
              <Text size={200}>{dateTime(entry.submittedAt, zone)}</Text>
              <dl className={styles.answers}>
                {answersOf(entry.author, entry.answers).map(({ question, answer }, index) => (
                  <div key={index} style={{ display: 'contents' }}>
                    <dt className={styles.term}>{question}</dt>
                    <dd style={{ margin: 0 }}>{answer}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </Card>
      ))}
    </section>
  );
}
