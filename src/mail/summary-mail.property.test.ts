// Property test of the summary builder: whatever the week's numbers and whatever people typed (subjects,
// senders, feedback, markup included), the HTML shows the engine's counts, carries the text as text, and
// never contains an element that loads something.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { mailCheckIn, summaryInput, SUMMARY_ANSWERS } from '../../test/support/summary-mail.ts';
import { summaryMail } from './summary-mail.ts';

const LOADING = 'img, script, link, iframe, object, embed, video, audio, source, picture, svg, form, base, meta[http-equiv]';
const typed = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('<img src=x>', '"><script>alert(1)</script>', '&amp; &lt;', "it's <b>bold</b>", '{rate}'));

describe('summaryMail properties', () => {
  it('shows the counts, keeps typed text as text and loads nothing, for any week', () => {
    const base = summaryInput();
    fc.assert(
      fc.property(
        fc.record({ onTime: fc.nat(500), late: fc.nat(50), missed: fc.nat(50), pending: fc.nat(50) }),
        fc.array(fc.record({ subject: typed, from: fc.option(typed, { nil: null }) }), { maxLength: 5 }),
        typed,
        fc.boolean(),
        (counts, waiting, answer, privacyMode) => {
          const counted = counts.onTime + counts.late + counts.missed + counts.pending;
          const rate = counted === 0 ? null : counts.onTime / counted;
          const oldestWaiting = waiting.map((item, index) => ({ ...base.week.oldestWaiting[0]!, id: `w${index}`, ...item }));
          const week = { ...base.week, ...counts, counted, rate, met: rate === null ? null : rate >= 0.9, oldestWaiting };
          const mail = summaryMail({ ...base, week, privacyMode, checkIn: mailCheckIn({ owner: SUMMARY_ANSWERS.owner, va: { answers: { wentWell: `x${answer}` } } }) });
          const doc = new JSDOM(mail.html).window.document;

          expect(doc.querySelectorAll(LOADING)).toHaveLength(0);
          const stats = [...doc.querySelectorAll('[data-section="counts"] .stat-value')].map((node) => node.textContent);
          expect(stats).toEqual([counted, counts.onTime, counts.late, counts.missed, counts.pending].map(String));
          const items = [...doc.querySelectorAll('[data-item="waiting"]')];
          expect(items).toHaveLength(waiting.length);
          items.forEach((item, index) => {
            const subject = item.querySelector('.item-subject')?.textContent;
            expect(subject).toBe(privacyMode ? 'hidden (privacy mode)' : waiting[index]!.subject);
          });
          expect(doc.querySelectorAll('[data-section="feedback"] [data-item="feedback"]')[1]?.querySelector('.answer')?.textContent).toBe(`x${answer}`.trim());
        },
      ),
      { numRuns: 150 },
    );
  });
});
