// Weekly feedback: the owner's and the VA's answers to the weekly questions, one set per person and ISO week.
import { isIsoWeek } from '../kpi/iso-week.ts';
import type { Queryable } from './database.ts';
import { millis } from './instants.ts';

export type FeedbackAuthor = 'owner' | 'va';

export interface Feedback {
  /** ISO week, e.g. 2026-W47. */
  readonly week: string;
  readonly author: FeedbackAuthor;
  readonly answers: Record<string, string>;
  readonly submittedAt: number;
  /** Answered more than once: these are the later answers. */
  readonly edited: boolean;
}

/** Saves an author's answers for a week; answering again replaces them and marks them edited. Returns whether it was an edit. */
export async function saveFeedback(db: Queryable, pairingId: string, week: string, author: FeedbackAuthor, answers: Record<string, string>): Promise<{ edited: boolean }> {
  if (!isIsoWeek(week)) throw new RangeError(`feedback week must be an ISO week like 2026-W47 (got "${week}")`);
  const [row] = await db.query<{ edited: boolean }>(
    `insert into feedback (pairing_id, week, author, answers) values ($1, $2, $3, $4::jsonb)
     on conflict (pairing_id, week, author) do update set answers = excluded.answers, submitted_at = now(), edited = true
     returning edited`,
    [pairingId, week, author, JSON.stringify(answers)],
  );
  return { edited: row!.edited };
}

/** The pairing's feedback, by week then author. */
export async function listFeedback(db: Queryable, pairingId: string): Promise<Feedback[]> {
  const rows = await db.query<{ week: string; author: FeedbackAuthor; answers: Record<string, string>; submitted_at: Date; edited: boolean }>(
    'select week, author, answers, submitted_at, edited from feedback where pairing_id = $1 order by week, author',
    [pairingId],
  );
  return rows.map((row) => ({ week: row.week, author: row.author, answers: row.answers, submittedAt: millis(row.submitted_at), edited: row.edited }));
}

/** Who answered which week, for many pairings at once (the planner's reminders): pairing id → week → authors. */
export async function listFeedbackAuthors(db: Queryable, pairingIds: readonly string[]): Promise<Map<string, Map<string, Set<FeedbackAuthor>>>> {
  const rows = await db.query<{ pairing_id: string; week: string; author: FeedbackAuthor }>(
    'select pairing_id, week, author from feedback where pairing_id = any($1::uuid[])',
    [pairingIds],
  );
  const byPairing = new Map<string, Map<string, Set<FeedbackAuthor>>>();
  for (const row of rows) {
    const weeks = byPairing.get(row.pairing_id) ?? new Map<string, Set<FeedbackAuthor>>();
    weeks.set(row.week, (weeks.get(row.week) ?? new Set<FeedbackAuthor>()).add(row.author));
    byPairing.set(row.pairing_id, weeks);
  }
  return byPairing;
}
