// The key check of the seeded tenant: the KPI engine, given what a sync would have seen (the mailbox after the
// whole timeline, hard-deleted mail included), reproduces the generator's independently designed ground
// truth exactly, week by week, for many seeds and both window sizes Tandem's dev setups use.
import { DateTime } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpi } from '../../kpi/engine.ts';
import type { MessageMeta } from '../../kpi/message.ts';
import { parseSettings } from '../../kpi/settings.ts';
import type { TenantSeed } from '../tenant-seed.ts';
import { designTenant, OWNER_TIME_ZONE } from './generate.ts';
import { seedPairingPeople, toMessageMeta } from './message-meta.ts';
import { replayMailbox } from './replay.ts';

/** What a sync saw by the end: permanently deleted messages included. */
function syncedMessages(seed: TenantSeed): MessageMeta[] {
  return replayMailbox(seed, seed.groundTruth.pairing.mailboxUserId).map(({ message, folder, categories }) => toMessageMeta(message, folder, categories));
}

function engineWeeks(seed: TenantSeed) {
  const { groundTruth } = seed;
  const zone = OWNER_TIME_ZONE.iana;
  const report = computeKpi({
    messages: syncedMessages(seed),
    people: seedPairingPeople(seed),
    settings: parseSettings(groundTruth.pairing.settings),
    paused: [...groundTruth.pairing.leave, ...groundTruth.outOfOffice],
    now: groundTruth.evaluatedAt,
    period: { from: DateTime.fromMillis(seed.start, { zone }).toISODate()!, to: DateTime.fromMillis(seed.end, { zone }).toISODate()! },
  });
  return report.weeks.map(({ week, counted, onTime, late, missed, pending, medianMinutes, p90Minutes, excluded, answeredBy }) => ({
    week,
    counted,
    onTime,
    late,
    missed,
    pending,
    medianMinutes,
    p90Minutes,
    excluded,
    answeredBy,
  }));
}

describe('the seeded tenant against the KPI engine', () => {
  const SEEDS = Array.from({ length: 24 }, (_, i) => i * 7919 + 1);

  it.each(SEEDS)('seed %i: every week matches the ground truth exactly (8 h working window)', (seed) => {
    const { seed: tenant } = designTenant(seed);
    expect(engineWeeks(tenant)).toEqual(tenant.groundTruth.weeks);
  });

  it.each([3, 5, 8])('seed %i: also with a 24 h working window', (seed) => {
    const { seed: tenant } = designTenant(seed, { windowHours: 24 });
    expect(engineWeeks(tenant)).toEqual(tenant.groundTruth.weeks);
  });

  it('holds for any seed, length, window and start (spring and autumn DST, ISO week 53)', () => {
    const mondays = ['2026-03-09', '2026-10-05', '2026-12-07', '2027-01-04'];
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 4, max: 10 }), fc.constantFrom(1, 2, 8, 24, 40), fc.constantFrom(...mondays), (seed, weeks, windowHours, start) => {
        const { seed: tenant } = designTenant(seed, { weeks, windowHours, start });
        expect(engineWeeks(tenant)).toEqual(tenant.groundTruth.weeks);
      }),
      { numRuns: 30 },
    );
  });

  it('would notice a wrong engine input: dropping the VA leave or her out-of-office changes the weeks', () => {
    const { seed: tenant } = designTenant(11);
    const { groundTruth } = tenant;
    const withoutLeave: TenantSeed = { ...tenant, groundTruth: { ...groundTruth, pairing: { ...groundTruth.pairing, leave: [] } } };
    const withoutOutOfOffice: TenantSeed = { ...tenant, groundTruth: { ...groundTruth, outOfOffice: [] } };
    expect(engineWeeks(withoutLeave)).not.toEqual(groundTruth.weeks);
    expect(engineWeeks(withoutOutOfOffice)).not.toEqual(groundTruth.weeks);
  });
});
