// Who may read which check-in answers: the one rule every surface (cards, chat posts, the tab's API, the summary
// mail) reads the weekly check-in through (#17). The form promises that answers stay private until both have
// answered, so:
//   - until both sides have answered a week, the owner and the VA each see their own answers and only whether the
//     other has answered;
//   - once both have, the owner and the VA see both sides' answers;
//   - anyone else (another member of the chat) only ever sees who has answered.
// A surface read by several people shows what every one of them may see: a group chat is read by the owner, the VA
// and whoever else is in it now or is added later (Teams can share a chat's history with new members), and the
// summary mail goes to the owner's mailbox, which the VA runs.
import type { FeedbackRole } from './feedback-questions.ts';

/** Who reads: the owner, the VA, or anyone else. */
export type CheckInViewer = FeedbackRole | 'other';

/** Everyone who reads one surface. */
export type Audience = readonly CheckInViewer[];

export const AUDIENCES = {
  owner: ['owner'],
  va: ['va'],
  other: ['other'],
  /** A group chat: posts, cards updated for everyone, the Action.Submit fallback's replacement. */
  chat: ['owner', 'va', 'other'],
  /** The owner's mailbox, which the VA runs: the summary mail. */
  mailbox: ['owner', 'va'],
} as const satisfies Record<string, Audience>;

/** One reader alone: a card's invoke response, the tab, a personal chat. */
export const audienceOf = (viewer: CheckInViewer): Audience => AUDIENCES[viewer];

/** One side's answers as stored. */
export interface SavedAnswers {
  readonly answers: Readonly<Record<string, string>>;
  /** Answered more than once: these are the later answers. */
  readonly edited: boolean;
  readonly submittedAt: number;
}

/** One side of a week's check-in as an audience may see it. */
export type SideView =
  | { readonly state: 'notYet' }
  /** Answered, and the answers are not for this audience. */
  | { readonly state: 'answered' }
  | { readonly state: 'shown'; readonly answers: Readonly<Record<string, string>>; readonly edited: boolean; readonly submittedAt: number };

export interface CheckInView {
  /** ISO week the check-in is about. */
  readonly week: string;
  /** Both sides have answered. */
  readonly complete: boolean;
  readonly owner: SideView;
  readonly va: SideView;
}

/** Whether `viewer` may read `side`'s answers when both sides have (`complete`) or have not answered. */
export function maySee(viewer: CheckInViewer, side: FeedbackRole, complete: boolean): boolean {
  if (viewer === 'other') return false;
  return viewer === side || complete;
}

/** The week's check-in as `audience` may see it. An empty audience sees no answers. */
export function checkInView(audience: Audience, week: string, saved: Readonly<Record<FeedbackRole, SavedAnswers | null>>): CheckInView {
  const complete = saved.owner !== null && saved.va !== null;
  const side = (role: FeedbackRole): SideView => {
    const entry = saved[role];
    if (entry === null) return { state: 'notYet' };
    const everyone = audience.length > 0 && audience.every((viewer) => maySee(viewer, role, complete));
    return everyone ? { state: 'shown', answers: entry.answers, edited: entry.edited, submittedAt: entry.submittedAt } : { state: 'answered' };
  };
  return { week, complete, owner: side('owner'), va: side('va') };
}

/** The sides that have not answered. */
export const notAnswered = (view: CheckInView): FeedbackRole[] => (['owner', 'va'] as const).filter((role) => view[role].state === 'notYet');
