// The mark each status carries on every surface (cards, tab, pane, mail): a status is never told by colour
// alone, and on cards never by colour at all, since the Teams host configs' status colours fall under 4.5:1
// in one theme or another ("warning" 1.5:1 and "good" 2.1:1 on light, "attention" 3.2:1 on dark).
// Marks are the same in every language, so they are not catalog strings.

export type Status = 'good' | 'bad' | 'warning';

export const STATUS_MARK: Readonly<Record<Status, string>> = { good: '✓', bad: '✗', warning: '⚠' };

/** A status sentence as every surface shows it: its mark, then the words. */
export const marked = (status: Status, words: string): string => `${STATUS_MARK[status]} ${words}`;
