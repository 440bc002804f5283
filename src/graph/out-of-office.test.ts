// Observed automatic replies → paused intervals: scheduled windows exactly, hand-switched ones from observations.
import { describe, expect, it } from 'vitest';
import { observeOutOfOffice, type AutomaticRepliesObservation } from './out-of-office.ts';

const H = 60 * 60 * 1000;
const off: AutomaticRepliesObservation = { status: 'disabled', scheduledStart: null, scheduledEnd: null };
const on: AutomaticRepliesObservation = { status: 'alwaysenabled', scheduledStart: null, scheduledEnd: null };
const scheduled = (start: number, end: number): AutomaticRepliesObservation => ({ status: 'scheduled', scheduledStart: start, scheduledEnd: end });

describe('observeOutOfOffice', () => {
  it('records nothing while replies are off', () => {
    expect(observeOutOfOffice(null, off, 10 * H)).toEqual({ open: null, record: null });
  });

  it('pauses a hand-switched reply from the first cycle that saw it on to the first that saw it off', () => {
    const first = observeOutOfOffice(null, on, 10 * H);
    expect(first).toEqual({ open: { start: 10 * H }, record: null });
    const second = observeOutOfOffice(first.open, on, 11 * H);
    expect(second).toEqual({ open: { start: 10 * H }, record: { start: 10 * H, end: 11 * H } });
    expect(observeOutOfOffice(second.open, off, 15 * H)).toEqual({ open: null, record: { start: 10 * H, end: 15 * H } });
  });

  it('uses a scheduled window exactly, however late the sync saw it', () => {
    expect(observeOutOfOffice(null, scheduled(20 * H, 40 * H), 10 * H)).toEqual({ open: null, record: null });
    expect(observeOutOfOffice(null, scheduled(20 * H, 40 * H), 30 * H)).toEqual({ open: { start: 20 * H, scheduledEnd: 40 * H }, record: { start: 20 * H, end: 30 * H } });
    expect(observeOutOfOffice({ start: 20 * H }, scheduled(20 * H, 40 * H), 50 * H)).toEqual({ open: null, record: { start: 20 * H, end: 40 * H } });
    expect(observeOutOfOffice(null, scheduled(20 * H, 40 * H), 90 * H)).toEqual({ open: null, record: { start: 20 * H, end: 40 * H } });
  });

  it('ends a scheduled window early when the VA switches replies off, and never after its scheduled end', () => {
    expect(observeOutOfOffice({ start: 20 * H, scheduledEnd: 40 * H }, off, 25 * H)).toEqual({ open: null, record: { start: 20 * H, end: 25 * H } });
    expect(observeOutOfOffice({ start: 20 * H, scheduledEnd: 40 * H }, off, 47 * H)).toEqual({ open: null, record: { start: 20 * H, end: 40 * H } });
  });
});
