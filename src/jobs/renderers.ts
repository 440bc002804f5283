// The port through which a delivery turns read-model data into what it posts: chat cards and the summary
// mail. Jobs decide when and exactly once; the wiring fills this with the bot's cards and the mail's
// templates, so jobs import neither.
import type { WeekKpi } from '../kpi/engine.ts';
import type { Settings } from '../kpi/settings.ts';
import type { BreachItem } from '../reports/breach-list.ts';
import type { NamedPerson } from '../reports/people.ts';
import type { SummaryMailInput } from '../reports/summary.ts';

/** What a delivery asks the chat to show. */
export type RitualPost =
  | { readonly kind: 'scorecard'; readonly pairingId: string; readonly summary: SummaryMailInput }
  | { readonly kind: 'feedbackReminder'; readonly locale: string; readonly pairingId: string; readonly week: string; readonly waitingFor: readonly NamedPerson[] }
  /** `week`: the check-in posted with the month's first scorecard, whose form asks the monthly question. */
  | { readonly kind: 'monthlyQuestion'; readonly locale: string; readonly pairingId: string; readonly week: string }
  | { readonly kind: 'review'; readonly locale: string; readonly pairingId: string; readonly weeks: readonly WeekKpi[]; readonly settings: Settings }
  | { readonly kind: 'breachWarning'; readonly locale: string; readonly timeZone: string; readonly privacyMode: boolean; readonly items: readonly BreachItem[]; readonly tabUrl: string | null };

export interface RenderedMail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface Renderers {
  /** The card for a chat post (an Adaptive Card as plain data). */
  card(post: RitualPost): object;
  summaryMail(input: SummaryMailInput): RenderedMail;
}
