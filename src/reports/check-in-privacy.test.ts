// The check-in privacy rule on its own: for every reader and every state of a week (nobody, one side, both
// answered), which answers show. Every surface reads through it (test/check-in-privacy.test.ts drives them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, checkInView, maySee, notAnswered, type Audience, type CheckInViewer, type SavedAnswers } from './check-in-privacy.ts';

const OWNER: SavedAnswers = { answers: { wentWell: 'owner words' }, edited: true, submittedAt: 1 };
const VA: SavedAnswers = { answers: { wentWell: 'va words' }, edited: false, submittedAt: 2 };
const STATES = {
  none: { owner: null, va: null },
  owner: { owner: OWNER, va: null },
  va: { owner: null, va: VA },
  both: { owner: OWNER, va: VA },
} as const;

/** What a reader gets of each side: its answers' text, 'answered' or 'notYet'. */
function seen(audience: Audience, state: keyof typeof STATES) {
  const view = checkInView(audience, '2026-W47', STATES[state]);
  const side = (role: 'owner' | 'va') => {
    const entry = view[role];
    return entry.state === 'shown' ? entry.answers.wentWell : entry.state;
  };
  return [side('owner'), side('va')];
}

describe('who sees which check-in answers', () => {
  it.each([
    // viewer, state, [owner side, VA side]
    ['owner', 'none', ['notYet', 'notYet']],
    ['owner', 'owner', ['owner words', 'notYet']],
    ['owner', 'va', ['notYet', 'answered']],
    ['owner', 'both', ['owner words', 'va words']],
    ['va', 'none', ['notYet', 'notYet']],
    ['va', 'owner', ['answered', 'notYet']],
    ['va', 'va', ['notYet', 'va words']],
    ['va', 'both', ['owner words', 'va words']],
    ['other', 'none', ['notYet', 'notYet']],
    ['other', 'owner', ['answered', 'notYet']],
    ['other', 'va', ['notYet', 'answered']],
    ['other', 'both', ['answered', 'answered']],
  ] as const)('%s, when %s answered: %j', (viewer, state, expected) => {
    expect(seen([viewer], state)).toEqual(expected);
  });

  it('shows a card or mail read by several people only what every one of them may see', () => {
    // The group chat (owner, VA, anyone else): who answered, never what.
    for (const state of ['none', 'owner', 'va', 'both'] as const) expect(seen(AUDIENCES.chat, state).every((side) => side === 'answered' || side === 'notYet')).toBe(true);
    // The owner's mailbox, which the VA runs: nothing until both answered, then both.
    expect(seen(AUDIENCES.mailbox, 'owner')).toEqual(['answered', 'notYet']);
    expect(seen(AUDIENCES.mailbox, 'va')).toEqual(['notYet', 'answered']);
    expect(seen(AUDIENCES.mailbox, 'both')).toEqual(['owner words', 'va words']);
    // Nobody named: nothing.
    expect(seen([], 'both')).toEqual(['answered', 'answered']);
  });

  it('says whether the week is complete and who has not answered, to every reader alike', () => {
    for (const viewer of ['owner', 'va', 'other'] as CheckInViewer[]) {
      expect(checkInView([viewer], 'w', STATES.both).complete).toBe(true);
      expect(notAnswered(checkInView([viewer], 'w', STATES.owner))).toEqual(['va']);
    }
  });

  it('keeps the edited mark and the time with the answers it belongs to', () => {
    expect(checkInView(AUDIENCES.owner, 'w', STATES.owner).owner).toEqual({ state: 'shown', answers: OWNER.answers, edited: true, submittedAt: 1 });
    expect(checkInView(AUDIENCES.va, 'w', STATES.owner).owner).toEqual({ state: 'answered' });
  });

  it('lets the owner and the VA read their own side always, the other side once both answered, and nobody else either', () => {
    expect([maySee('owner', 'owner', false), maySee('owner', 'va', false), maySee('owner', 'va', true)]).toEqual([true, false, true]);
    expect([maySee('other', 'owner', false), maySee('other', 'owner', true)]).toEqual([false, false]);
  });
});

describe('the one place', () => {
  it('is the only reader of stored answers: no surface, job or action lists them itself', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
        return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
      });
    const readers = ['src', 'bot', 'tab'].flatMap(files).filter((path) => /\blistFeedback\(/.test(readFileSync(join(root, path), 'utf8')));
    expect(readers.sort()).toEqual(['src/reports/check-in.ts', 'src/store/feedback.ts']);
  });
});
