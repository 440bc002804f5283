// Issue #20: people read "2026-W47" as jargon (and see it wrap as "2026-/W47"). No text a person reads may name
// a week by its ISO label; surfaces show the week's Monday instead (formatWeek). Keys, URLs and CSV keep ISO weeks.

/** An ISO week label: "2026-W47", and the short "W47" the trend lines used. */
export const ISO_WEEK_LABELS: readonly RegExp[] = [/\b\d{4}-W\d{2}\b/, /\bW\d{1,2}\b/];

/** The texts that name a week by its ISO label. */
export const isoWeekIn = (texts: readonly string[]): string[] => texts.filter((text) => ISO_WEEK_LABELS.some((label) => label.test(text)));
