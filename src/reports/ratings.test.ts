// The check-in ratings as trends (docs/kpi.md §12): the rating given per week, empty when none, means over the
// weeks rated only, and each side's rating seen by the other only once both have answered that week.
import { describe, expect, it } from 'vitest';
import { createPairing } from '../store/pairings.ts';
import { saveFeedback } from '../store/feedback.ts';
import { ensureTenant } from '../store/tenants.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { AUDIENCES } from './check-in-privacy.ts';
import { ratingsTrend } from './ratings.ts';

const WEEKS = ['2026-W44', '2026-W45', '2026-W46', '2026-W47'];

describe.each(testEngines())('check-in ratings on %s', (engine) => {
  const db = useTestDatabase(engine);

  async function pairingWithRatings() {
    await ensureTenant(db(), { id: 'contoso', name: 'Contoso', verifiedDomains: ['contoso.com'] });
    const pairing = await createPairing(db(), { tenantId: 'contoso', mailbox: 'owner@contoso.com', owner: { address: 'owner@contoso.com' }, va: { address: 'va@contoso.com' } });
    const owner = (quality?: string) => ({ wentWell: 'a', improve: 'b', nextTime: 'c', kpisFair: 'yes', ...(quality === undefined ? {} : { quality }) });
    const va = (involved: string) => ({ wentWell: 'a', needFromOwner: 'b', support: 'c', involved });
    // W44: both rated. W45: both answered, the owner gave no rating. W46: only the owner answered. W47: nothing.
    await saveFeedback(db(), pairing.id, '2026-W44', 'owner', owner('4'));
    await saveFeedback(db(), pairing.id, '2026-W44', 'va', va('5'));
    await saveFeedback(db(), pairing.id, '2026-W45', 'owner', owner());
    await saveFeedback(db(), pairing.id, '2026-W45', 'va', va('2'));
    await saveFeedback(db(), pairing.id, '2026-W46', 'owner', owner('3'));
    return pairing;
  }

  it('shows each week’s rating, empty when not given, and means over the weeks rated', async () => {
    const pairing = await pairingWithRatings();
    const { weeks, mean } = await ratingsTrend(db(), pairing.id, WEEKS, AUDIENCES.owner);
    expect(weeks).toEqual([
      { week: '2026-W44', quality: 4, involved: 5 },
      { week: '2026-W45', quality: null, involved: 2 },
      { week: '2026-W46', quality: 3, involved: null },
      { week: '2026-W47', quality: null, involved: null },
    ]);
    // (4 + 3) / 2 and (5 + 2) / 2: weeks without a rating neither count as 0 nor dilute the mean.
    expect(mean).toEqual({ quality: 3.5, involved: 3.5 });
  });

  it('keeps a rating from the other side until both answered, and from anyone else always', async () => {
    const pairing = await pairingWithRatings();
    const va = await ratingsTrend(db(), pairing.id, WEEKS, AUDIENCES.va);
    expect(va.weeks.find((row) => row.week === '2026-W46')).toEqual({ week: '2026-W46', quality: null, involved: null });
    expect(va.mean).toEqual({ quality: 4, involved: 3.5 });
    const other = await ratingsTrend(db(), pairing.id, WEEKS, AUDIENCES.other);
    expect(other.mean).toEqual({ quality: null, involved: null });
    expect(other.weeks.every((row) => row.quality === null && row.involved === null)).toBe(true);
  });
});
