// What each planned delivery does: build its card or mail from the engine's numbers and deliver it once.
import { ConnectorError } from '../../bot/connector-poster.ts';
import { noticeCard } from '../../bot/cards/notice-card.ts';
import { reminderCard } from '../../bot/cards/reminder-card.ts';
import { reviewCard } from '../../bot/cards/review-card.ts';
import { scorecardCard } from '../../bot/cards/scorecard-card.ts';
import { kpiFor } from '../api/kpi-reads.ts';
import { lastWeeks } from '../api/periods.ts';
import { t } from '../i18n/messages.ts';
import { loadSummaryInput } from '../mail/summary-data.ts';
import { summaryMail } from '../mail/summary-mail.ts';
import { kpiTabLink } from '../mail/tab-link.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { listFeedback } from '../store/feedback.ts';
import { getPairing, stopPairing, type Pairing } from '../store/pairings.ts';
import { recordSnapshot } from '../store/snapshots.ts';
import { deliverOnce, deliveryTag, type DeliveryChannel, type DeliveryOutcome } from './deliver-once.ts';
import type { DueDelivery } from './planner.ts';
import { readMailboxLocale } from './sync.ts';
import type { ChatPoster, Clock, ConversationRef, MailboxSource, MailSender, NotificationTarget } from './ports.ts';
import { conversationRefSchema } from './job-payloads.ts';

export interface DeliveryContext {
  readonly db: Database;
  readonly chat: ChatPoster;
  readonly mail: MailSender;
  readonly mailbox: MailboxSource;
  readonly clock: Clock;
  readonly log: Logger;
  /** How long a sender holds a delivery (DELIVERY_LEASE_MS unless a test shortens it). */
  readonly leaseMs?: number;
  /** Where Graph sends change notifications for new Inbox mail (set with TANDEM_PUBLIC_URL). */
  readonly notifications?: NotificationTarget;
  /** The Teams app id (manifest `id`), for the summary mail's link to the KPI tab; without it, no link. */
  readonly teamsAppId?: string;
}

function chatChannel(ctx: DeliveryContext, conversation: ConversationRef, key: string, card: () => Promise<object>): DeliveryChannel {
  return {
    send: async () => ctx.chat.post(conversation, await card(), key),
    find: () => ctx.chat.findPosted(conversation, key),
  };
}

function channelFor(ctx: DeliveryContext, pairing: Pairing, due: DueDelivery): DeliveryChannel | null {
  const key = deliveryTag(due);
  const { settings, locale } = pairing;
  const conversation = conversationRefSchema.safeParse(pairing.conversationRef);
  const needsChat = due.kind !== 'summary_mail' && due.kind !== 'inbox_snapshot';
  if (needsChat && !conversation.success) return null;
  const post = (card: () => Promise<object>) => chatChannel(ctx, conversation.data!, key, card);
  switch (due.kind) {
    case 'inbox_snapshot':
      return {
        // The count is recorded as the snapshot; the ledger's external id keeps it for reconciliation.
        send: async () => {
          const count = await ctx.mailbox.inboxItemCount(pairing.mailbox);
          await recordSnapshot(ctx.db, pairing.id, ctx.clock.now(), count);
          return String(count);
        },
        find: async () => null,
      };
    case 'scorecard':
      return post(async () => {
        const tabUrl = ctx.teamsAppId === undefined ? null : kpiTabLink(ctx.teamsAppId, pairing.id, due.period);
        // The same engine run as the summary mail: the week, its 8-week trend and the streak.
        const summary = await loadSummaryInput(ctx.db, pairing, due.period, { now: ctx.clock.now(), late: due.late, tabUrl, privacyMode: pairing.settings.privacyMode, locale });
        return scorecardCard({ pairingId: pairing.id, week: summary.week, trend: summary.trend, settings, streak: summary.streak, locale, late: due.late, privacyMode: pairing.settings.privacyMode, tabUrl });
      });
    case 'summary_mail':
      return {
        send: async () => {
          const tabUrl = ctx.teamsAppId === undefined ? null : kpiTabLink(ctx.teamsAppId, pairing.id, due.period);
          // The mail is the owner's own, so it speaks their Outlook's language; the chat's is the fallback.
          const mailLocale = (await readMailboxLocale(ctx.db, pairing.id)) ?? locale;
          const input = await loadSummaryInput(ctx.db, pairing, due.period, { now: ctx.clock.now(), late: due.late, tabUrl, privacyMode: pairing.settings.privacyMode, locale: mailLocale });
          return ctx.mail.send(pairing.mailbox, { to: [pairing.owner.address], ...summaryMail(input) }, key);
        },
        find: () => ctx.mail.findSent(pairing.mailbox, key),
      };
    case 'feedback_reminder':
      return post(async () => {
        const answered = new Set((await listFeedback(ctx.db, pairing.id)).filter((entry) => entry.week === due.period).map((entry) => entry.author));
        const waitingFor = (['owner', 'va'] as const).filter((role) => !answered.has(role)).map((role) => pairing[role].address);
        return reminderCard({ locale, pairingId: pairing.id, week: due.period, waitingFor });
      });
    case 'monthly_question':
      return post(async () => noticeCard(t(locale, 'monthly.text')));
    case 'review':
      return post(async () => {
        const now = ctx.clock.now();
        const report = await kpiFor(ctx.db, pairing, lastWeeks(settings, now, settings.reviewEveryWeeks), now);
        return reviewCard({ locale, pairingId: pairing.id, weeks: report.weeks, settings });
      });
  }
}

/** Runs one planned delivery; a pairing offboarded or without a chat in the meantime is skipped. */
export async function runDelivery(ctx: DeliveryContext, due: DueDelivery): Promise<DeliveryOutcome> {
  const pairing = await getPairing(ctx.db, due.pairingId);
  if (pairing === null || pairing.stoppedAt !== null) return 'skipped';
  const channel = channelFor(ctx, pairing, due);
  if (channel === null) {
    ctx.log.warn('delivery_without_chat', { pairingId: due.pairingId, kind: due.kind, period: due.period });
    return 'skipped';
  }
  let outcome: DeliveryOutcome;
  try {
    outcome = await deliverOnce(ctx.db, due, channel, ctx.leaseMs);
  } catch (error) {
    // Retrying a chat the bot was removed from cannot help: the schedules stop (data stays) and it is reported.
    if (!(error instanceof ConnectorError) || !error.permanent) throw error;
    await stopPairing(ctx.db, pairing.id);
    ctx.log.warn('chat_gone', { pairingId: pairing.id, kind: due.kind, period: due.period, status: error.status });
    return 'skipped';
  }
  ctx.log.info('delivery', { pairingId: due.pairingId, kind: due.kind, period: due.period, late: due.late, outcome });
  return outcome;
}
