// One pairing's view of the selected message: counted or excluded (why, in plain words), the clock, the
// answer, the conversation's other waiting mail, this week's rate with a link to the tab, and the one-click
// "no reply needed" with undo. Every figure is the API's (the engine's); the pane only formats.
import { Badge, Button, Card, CardHeader, Divider, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneMatch } from '../../../src/reports/pane.ts';
import { kpiTabLink } from '../../../src/reports/tab-link.ts';
import { dateTime, duration, percent, text, zoneName } from '../i18n.ts';
import { marked } from '../../../src/i18n/status-marks.ts';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

const STATUS_COLOUR = { onTime: 'success', late: 'warning', missed: 'danger', pending: 'informative' } as const;

/** The KPI tab at the week's messages: in Teams by deep link when the manifest gave the app id, else the tab on this server. */
function tabLink(pairingId: string, week: string): string {
  const appId = new URLSearchParams(window.location.search).get('appId');
  return appId === null ? `/tab/?pairing=${encodeURIComponent(pairingId)}&view=messages` : kpiTabLink(appId, pairingId, { view: 'messages', week });
}

export interface MarkControl {
  readonly busy: boolean;
  readonly note: string | null;
  toggle(match: PaneMatch): void;
}

export function MessageCard({ match, mark }: { match: PaneMatch; mark: MarkControl }) {
  const styles = useStyles();
  const { pairing, message, week } = match;
  const zone = pairing.timeZone;
  const when = (ms: number) => dateTime(ms, zone);

  return (
    <Card className={styles.card} aria-label={pairing.mailbox}>
      <CardHeader
        header={<Text weight="semibold">{pairing.role === 'owner' ? text('tab.header.ownerView', { va: pairing.partner }) : text('tab.header.vaView', { owner: pairing.partner })}</Text>}
        description={<Text size={200} className={styles.muted} data-testid="zone">{text('addin.timesIn', { zone: zoneName(zone) })}</Text>}
      />
      {message === null ? (
        <Text role="status">{text('addin.state.notInbound')}</Text>
      ) : (
        <>
          <div data-testid="verdict">
            {message.status !== null ? (
              <Badge appearance="filled" color={STATUS_COLOUR[message.status]} size="large">
                {text('addin.counts')} · {message.status === 'missed' ? text('addin.status.missed', { window: pairing.windowHours }) : text(`addin.status.${message.status}`)}
              </Badge>
            ) : (
              <Badge appearance="outline" color="subtle" size="large">{text('addin.excluded')}</Badge>
            )}
          </div>
          {message.reason !== null && <Text data-testid="reason">{text(`addin.reason.${message.reason}`)}</Text>}
          {message.mark !== null && (
            <Text size={200} className={styles.muted}>
              {text('addin.markedBy', { who: text(message.mark.by === 'owner' ? 'addin.who.owner' : 'addin.who.va'), when: when(message.mark.at), reason: message.mark.reason })}
            </Text>
          )}
          <dl className={styles.facts}>
            <dt className={styles.term}>{text('addin.received')}</dt>
            <dd className={styles.detail} data-testid="received">{when(message.receivedAt)}</dd>
            {message.clockMinutes !== null && (
              <>
                <dt className={styles.term}>{text(message.answeredAt === null ? 'addin.waited' : 'addin.responseTime')}</dt>
                <dd className={styles.detail}>
                  <span data-testid="clock">{duration(message.clockMinutes)}</span>
                  <Text size={200} className={styles.muted} block>{text(pairing.clock === 'working' ? 'addin.clock.working' : 'addin.clock.calendar')}</Text>
                </dd>
              </>
            )}
            {message.remainingMinutes !== null && (
              <>
                <dt className={styles.term}>{text('addin.left')}</dt>
                <dd className={styles.detail} data-testid="left">{duration(message.remainingMinutes)}</dd>
              </>
            )}
            {message.status !== null && (
              <>
                <dt className={styles.term}>{text('addin.answered')}</dt>
                <dd className={styles.detail} data-testid="answered">
                  {message.answeredAt === null || message.answeredBy === null
                    ? text('addin.notAnswered')
                    : text('addin.answeredBy', { who: text(`addin.who.${message.answeredBy}`), when: when(message.answeredAt) })}
                </dd>
              </>
            )}
          </dl>
          <div className={styles.actions}>
            {message.reason === 'marked' ? (
              <Button disabled={mark.busy} onClick={() => mark.toggle(match)}>{text('addin.unmark')}</Button>
            ) : (
              // Only unanswered mail can need no reply; an answered message keeps its result.
              (message.status === 'pending' || message.status === 'missed') && (
                <Button appearance="primary" disabled={mark.busy} onClick={() => mark.toggle(match)}>{text('addin.mark')}</Button>
              )
            )}
          </div>
          {mark.note !== null && <Text size={200} role="status" data-testid="category-note">{mark.note}</Text>}
        </>
      )}
      <Divider />
      <section aria-label={text('addin.conversationTitle')}>
        <Text weight="semibold" block>{text('addin.conversationTitle')}</Text>
        {match.conversationWaiting.length === 0 ? (
          <Text size={200} className={styles.muted}>{text('addin.conversationNone')}</Text>
        ) : (
          <ul className={styles.list} data-testid="conversation">
            {match.conversationWaiting.map((row) => (
              <li key={row.id}>
                <Text size={200}>
                  {text('addin.conversationItem', { from: row.from ?? text('none'), when: when(row.receivedAt) })} · {text(`tab.status.${row.status ?? 'pending'}`)}
                  {row.remainingMinutes !== null && ` · ${text('addin.conversationLeft', { left: duration(row.remainingMinutes) })}`}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Divider />
      <section aria-label={text('addin.weekTitle')}>
        <Text weight="semibold" block>{text('addin.weekTitle')}</Text>
        <Text block data-testid="week-rate">{text('addin.weekRate', { rate: percent(week.rate), target: week.targetPct })}</Text>
        <Text size={200} block className={styles.muted} data-testid="week-counts">{text('addin.weekCounts', { onTime: week.onTime, counted: week.counted, pending: week.pending })}</Text>
        {week.met !== null && <Badge appearance="tint" color={week.met ? 'success' : 'danger'}>{marked(week.met ? 'good' : 'bad', text(week.met ? 'tab.week.met' : 'tab.week.notMet'))}</Badge>}
      </section>
      <div className={styles.actions}>
        <Link href={tabLink(pairing.id, week.week)} target="_blank" rel="noopener">{text('addin.openTab')}</Link>
      </div>
      <Text size={200} className={styles.muted} data-testid="last-sync">
        {text('addin.lastSync', { when: pairing.lastSyncAt === null ? text('none') : when(pairing.lastSyncAt) })}
      </Text>
    </Card>
  );
}
