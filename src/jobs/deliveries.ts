// What each planned delivery does: read its numbers from the read models, have the renderers turn them into a
// card or a mail, and deliver it once.
import { lastWeeks, weekAt } from '../kpi/weeks.ts';
import type { Logger } from '../log.ts';
import { ChatGoneError, conversationRefSchema, type ChatPoster, type ConversationRef } from '../ports/chat.ts';
import type { ChangeFeed } from '../ports/changes.ts';
import type { Clock } from '../ports/clock.ts';
import type { MailSender } from '../ports/mail.ts';
import type { MailboxSource, NotificationTarget } from '../ports/mailbox.ts';
import type { TaskSource } from '../ports/tasks.ts';
import { checkInFor, checkInWeek } from '../reports/check-in.ts';
import { AUDIENCES, notAnswered } from '../reports/check-in-privacy.ts';
import type { Reports } from '../reports/reports.ts';
import { namedPerson } from '../reports/people.ts';
import { loadSummary } from '../reports/summary.ts';
import { kpiTabLink } from '../reports/tab-link.ts';
import type { Database } from '../store/database.ts';
import { getPairing, stopPairing, type Pairing } from '../store/pairings.ts';
import { recordSnapshot } from '../store/snapshots.ts';
import { readMailboxLocale } from '../store/sync-state.ts';
import { deliverOnce, deliveryTag, type DeliveryChannel, type DeliveryOutcome } from './deliver-once.ts';
import type { DueDelivery } from './planner.ts';
import type { RitualPost, Renderers } from './renderers.ts';

export interface DeliveryContext {
  readonly db: Database;
  readonly reports: Reports;
  readonly changes: ChangeFeed;
  readonly renderers: Renderers;
  readonly chat: ChatPoster;
  readonly mail: MailSender;
  readonly mailbox: MailboxSource;
  /** Planner and To Do for pairings with a taskSource; absent: tasks are not synced. */
  readonly tasks?: TaskSource;
  readonly clock: Clock;
  readonly log: Logger;
  /** How long a sender holds a delivery (DELIVERY_LEASE_MS unless a test shortens it). */
  readonly leaseMs?: number;
  /** Where Graph sends change notifications for new Inbox mail (set with TANDEM_PUBLIC_URL). */
  readonly notifications?: NotificationTarget;
  /** The Teams app id (manifest `id`), for the summary mail's link to the KPI tab; without it, no link. */
  readonly teamsAppId?: string;
}

function chatChannel(ctx: DeliveryContext, conversation: ConversationRef, key: string, post: () => Promise<RitualPost>): DeliveryChannel {
  return {
    send: async () => ctx.chat.post(conversation, ctx.renderers.card(await post()), key),
    find: () => ctx.chat.findPosted(conversation, key),
  };
}

/** The same read as the summary mail (the week, its 8-week trend and the streak), for everyone in the chat. */
async function scorecardPost(ctx: DeliveryContext, pairing: Pairing, due: DueDelivery): Promise<RitualPost> {
  const tabUrl = ctx.teamsAppId === undefined ? null : kpiTabLink(ctx.teamsAppId, pairing.id, { view: 'messages', week: due.period });
  const summary = await loadSummary(ctx.db, ctx.reports, pairing, due.period, { now: ctx.clock.now(), late: due.late, tabUrl, locale: pairing.locale, audience: AUDIENCES.chat });
  return { kind: 'scorecard', pairingId: pairing.id, summary };
}

function channelFor(ctx: DeliveryContext, pairing: Pairing, due: DueDelivery): DeliveryChannel | null {
  const key = deliveryTag(due);
  const { settings, locale } = pairing;
  const conversation = conversationRefSchema.safeParse(pairing.conversationRef);
  const needsChat = due.kind !== 'summary_mail' && due.kind !== 'inbox_snapshot';
  if (needsChat && !conversation.success) return null;
  const post = (build: () => Promise<RitualPost>) => chatChannel(ctx, conversation.data!, key, build);
  const tabUrl = ctx.teamsAppId === undefined ? null : kpiTabLink(ctx.teamsAppId, pairing.id, { view: 'messages', week: due.period });
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
      return post(() => scorecardPost(ctx, pairing, due));
    case 'summary_mail':
      return {
        send: async (progress) => {
          // The mail is the owner's own, so it speaks their Outlook's language; the chat's is the fallback.
          const mailLocale = (await readMailboxLocale(ctx.db, pairing.id)) ?? locale;
          // Read in the owner's mailbox, which the VA runs: the check-in as both of them may see it.
          const input = await loadSummary(ctx.db, ctx.reports, pairing, due.period, { now: ctx.clock.now(), late: due.late, tabUrl, locale: mailLocale, audience: AUDIENCES.mailbox });
          return ctx.mail.send(pairing.mailbox, { to: [pairing.owner.address], ...ctx.renderers.summaryMail(input) }, key, progress);
        },
        find: (progress) => ctx.mail.findSent(pairing.mailbox, key, progress),
      };
    case 'feedback_reminder':
      return post(async () => {
        const checkIn = await checkInFor(ctx.db, pairing.id, due.period, AUDIENCES.chat);
        const waitingFor = notAnswered(checkIn).map((role) => namedPerson(pairing[role]));
        return { kind: 'feedbackReminder', locale, pairingId: pairing.id, week: due.period, waitingFor };
      });
    case 'monthly_question':
      // Due with the month's first scorecard: the check-in of the week that scorecard reports asks the question.
      return post(async () => ({ kind: 'monthlyQuestion', locale, pairingId: pairing.id, week: checkInWeek(settings, due.dueAt) }));
    case 'review':
      return post(async () => {
        const now = ctx.clock.now();
        const report = await ctx.reports.kpi(pairing, lastWeeks(settings, now, settings.reviewEveryWeeks), now);
        return { kind: 'review', locale, pairingId: pairing.id, weeks: report.weeks, settings };
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
    if (!(error instanceof ChatGoneError)) throw error;
    await stopPairing(ctx.db, pairing.id);
    ctx.log.warn('chat_gone', { pairingId: pairing.id, kind: due.kind, period: due.period, status: error.status });
    return 'skipped';
  }
  ctx.log.info('delivery', { pairingId: due.pairingId, kind: due.kind, period: due.period, late: due.late, outcome });
  return outcome;
}

/**
 * The local demo's "post this week's scorecard now": the scheduled scorecard's read, renderer and poster
 * (CloudAdapter), but outside the ledger and under a key of its own, so the week's real delivery still goes
 * out and a retry of it never mistakes the demo card for its own. Returns the posted activity's id (or null).
 */
export async function postScorecardNow(ctx: DeliveryContext, pairingId: string): Promise<string | null> {
  const pairing = await getPairing(ctx.db, pairingId);
  if (pairing === null || pairing.stoppedAt !== null) return null;
  const now = ctx.clock.now();
  const due: DueDelivery = { pairingId, kind: 'scorecard', period: weekAt(pairing.settings, now), dueAt: now, late: false };
  const conversation = conversationRefSchema.safeParse(pairing.conversationRef);
  if (!conversation.success) return null;
  return ctx.chat.post(conversation.data, ctx.renderers.card(await scorecardPost(ctx, pairing, due)), `tandem-demo:${pairingId}:scorecard:${due.period}:${now}`);
}
