// The check-in's two ratings as trends (docs/kpi.md §12): per week the owner's rating of the work's quality and
// the VA's of feeling involved and heard, empty when not given, and each mean over the weeks that have one.
// Read through the check-in's privacy rule, so a rating is seen exactly when its answers are.
import type { Queryable } from '../store/database.ts';
import { checkInsFor } from './check-in.ts';
import type { Audience, SideView } from './check-in-privacy.ts';
import { RATING_QUESTIONS } from './feedback-questions.ts';

export interface WeekRatings {
  readonly week: string;
  /** The owner's rating (1–5), or null: not given, or not for this audience yet. */
  readonly quality: number | null;
  /** The VA's rating (1–5), or null likewise. */
  readonly involved: number | null;
}

export interface RatingsTrend {
  readonly weeks: readonly WeekRatings[];
  /** Means over the weeks with a rating; null when none has one. */
  readonly mean: { readonly quality: number | null; readonly involved: number | null };
}

const RATING = /^[1-5]$/;

function ratingOf(side: SideView, key: string): number | null {
  if (side.state !== 'shown') return null;
  const value = side.answers[key]?.trim() ?? '';
  return RATING.test(value) ? Number(value) : null;
}

function mean(values: readonly (number | null)[]): number | null {
  const given = values.filter((value): value is number => value !== null);
  return given.length === 0 ? null : given.reduce((sum, value) => sum + value, 0) / given.length;
}

/** The ratings of `weeks` (ISO week keys, in order) as `audience` may see them. */
export async function ratingsTrend(db: Queryable, pairingId: string, weeks: readonly string[], audience: Audience): Promise<RatingsTrend> {
  const rows = (await checkInsFor(db, pairingId, weeks, audience)).map(
    (view): WeekRatings => ({ week: view.week, quality: ratingOf(view.owner, RATING_QUESTIONS.owner), involved: ratingOf(view.va, RATING_QUESTIONS.va) }),
  );
  return { weeks: rows, mean: { quality: mean(rows.map((row) => row.quality)), involved: mean(rows.map((row) => row.involved)) } };
}
