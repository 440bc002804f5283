// Weekly feedback on both engines: one answer set per pairing, week and author, replaced on re-answer.
import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { listFeedback, listFeedbackAuthors, saveFeedback } from './feedback.ts';

describe.each(testEngines())('feedback on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('saves, replaces and lists answers by week and author', async () => {
    const [pairing, other] = [await newTestPairing(db()), await newTestPairing(db())];
    await saveFeedback(db(), pairing.id, '2026-W47', 'va', { workload: 'heavy' });
    await saveFeedback(db(), pairing.id, '2026-W47', 'owner', { satisfied: 'yes' });
    await saveFeedback(db(), pairing.id, '2026-W46', 'va', { workload: 'fine' });
    await saveFeedback(db(), pairing.id, '2026-W47', 'va', { workload: 'fine', note: 'caught up "finally"' });
    await saveFeedback(db(), other.id, '2026-W47', 'owner', { satisfied: 'no' });

    const feedback = await listFeedback(db(), pairing.id);
    expect(feedback.map(({ week, author, answers }) => ({ week, author, answers }))).toEqual([
      { week: '2026-W46', author: 'va', answers: { workload: 'fine' } },
      { week: '2026-W47', author: 'owner', answers: { satisfied: 'yes' } },
      { week: '2026-W47', author: 'va', answers: { workload: 'fine', note: 'caught up "finally"' } },
    ]);
    expect(feedback.every((entry) => Math.abs(entry.submittedAt - Date.now()) < 60_000)).toBe(true);
    // Answering again keeps one answer, the later one, marked edited.
    expect(feedback.map((entry) => entry.edited)).toEqual([false, false, true]);

    const authors = await listFeedbackAuthors(db(), [pairing.id, other.id]);
    expect(authors).toEqual(
      new Map([
        [pairing.id, new Map([['2026-W46', new Set(['va'])], ['2026-W47', new Set(['owner', 'va'])]])],
        [other.id, new Map([['2026-W47', new Set(['owner'])]])],
      ]),
    );
  });

  it('refuses a week that is not an ISO week', async () => {
    const pairing = await newTestPairing(db());
    await expect(saveFeedback(db(), pairing.id, '2026-47', 'va', {})).rejects.toThrow(RangeError);
  });
});
