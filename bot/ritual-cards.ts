// The cards the weekly ritual posts by itself (scorecard, reminder, monthly question, review, breach warning),
// built from what a delivery hands over; the wiring gives this to the job system.
import { t } from '../src/i18n/messages.ts';
import type { RitualPost } from '../src/jobs/renderers.ts';
import { breachCard } from './cards/breach-card.ts';
import { execute, type Card } from './cards/card-parts.ts';
import { noticeCard } from './cards/notice-card.ts';
import { reminderCard } from './cards/reminder-card.ts';
import { reviewCard } from './cards/review-card.ts';
import { scorecardCard } from './cards/scorecard-card.ts';

/** The month's question, with the button that opens the check-in whose form asks it. */
export function monthlyQuestionCard({ locale, pairingId, week }: { locale: string; pairingId: string; week: string }): Card {
  return noticeCard(t(locale, 'monthly.text'), [execute(t(locale, 'feedback.action.open'), 'feedback.open', { pairingId, week })]);
}

export function ritualCard(post: RitualPost): Card {
  switch (post.kind) {
    case 'scorecard': {
      const { summary } = post;
      return scorecardCard({ pairingId: post.pairingId, week: summary.week, trend: summary.trend, tasks: summary.tasks, settings: summary.settings, streak: summary.streak, locale: summary.locale, late: summary.late, privacyMode: summary.privacyMode, tabUrl: summary.tabUrl });
    }
    case 'feedbackReminder':
      return reminderCard({ locale: post.locale, pairingId: post.pairingId, week: post.week, waitingFor: post.waitingFor });
    case 'monthlyQuestion':
      return monthlyQuestionCard(post);
    case 'review':
      return reviewCard({ locale: post.locale, pairingId: post.pairingId, weeks: post.weeks, settings: post.settings });
    case 'breachWarning':
      return breachCard({ locale: post.locale, timeZone: post.timeZone, privacyMode: post.privacyMode, items: post.items, tabUrl: post.tabUrl });
  }
}
