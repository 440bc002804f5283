// The weekly summary builder: its structure, that every number is the engine's, the task KPI when the pairing
// reads tasks, privacy mode, escaping, and that the HTML loads nothing from outside.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from '../i18n/format.ts';
import { mailCheckIn, summaryInput, SECRET_SUBJECT, SUMMARY_ANSWERS, SUMMARY_NOW } from '../../test/support/summary-mail.ts';
import { MIDWEEK, taskWeek } from '../../test/support/tasks.ts';
import { summaryMail } from './summary-mail.ts';

const parse = (html: string) => new JSDOM(html).window.document;
/** The text of a node with its text pieces separated by spaces, as a reader sees the blocks. */
function text(node: Element | null): string {
  if (node === null) return '';
  const walker = node.ownerDocument.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  const pieces: string[] = [];
  for (let current = walker.nextNode(); current !== null; current = walker.nextNode()) pieces.push(current.textContent ?? '');
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

describe('summaryMail', () => {
  const input = summaryInput();
  const mail = summaryMail(input);
  const doc = parse(mail.html);
  const section = (name: string) => doc.querySelector(`[data-section="${name}"]`);

  it('has the expected structure', () => {
    const structure = {
      sections: [...doc.querySelectorAll('[data-section]')].map((node) => node.getAttribute('data-section')),
      trendWeeks: [...doc.querySelectorAll('[data-week]')].map((node) => node.getAttribute('data-week')),
      waitingItems: doc.querySelectorAll('[data-item="waiting"]').length,
      feedbackBlocks: [...doc.querySelectorAll('[data-item="feedback"] .author')].map(text),
      links: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      subject: mail.subject,
    };
    expect(structure).toMatchInlineSnapshot(`
      {
        "feedbackBlocks": [
          "The owner",
          "The VA (edited)",
        ],
        "links": [
          "https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-000000000001/kpi?context=%7B%22subEntityId%22%3A%22p%2Fmessages%2F2026-W47%22%7D",
        ],
        "sections": [
          "header",
          "headline",
          "counts",
          "details",
          "inbox-zero",
          "tasks",
          "trend",
          "waiting",
          "feedback",
          "tab",
          "footer",
        ],
        "subject": "Tandem: week of 16 Nov, 82.4% answered on time (within 24 h)",
        "trendWeeks": [
          "28 Sept",
          "5 Oct",
          "12 Oct",
          "19 Oct",
          "26 Oct",
          "2 Nov",
          "9 Nov",
          "16 Nov",
        ],
        "waitingItems": 2,
      }
    `);
  });

  it('shows exactly the engine’s numbers, in the HTML and in the text part', () => {
    const { week } = input;
    const rate = formatPercent('en-GB', week.rate!);
    expect(text(section('headline'))).toContain(rate);
    expect(text(section('headline'))).toContain(week.met ? 'Target met' : 'Target not met');
    const values = [...section('counts')!.querySelectorAll('.stat-value')].map(text);
    expect(values).toEqual([week.counted, week.onTime, week.late, week.missed, week.pending].map(String));
    const details = text(section('details'));
    expect(details).toContain(formatDuration('en-GB', week.medianMinutes));
    expect(details).toContain(formatDuration('en-GB', week.p90Minutes));
    expect(details).toContain(`VA ${week.answeredBy.va} · owner ${week.answeredBy.owner} · someone else ${week.answeredBy.other}`);
    expect(text(section('inbox-zero'))).toBe(`Yes: ${week.inboxZero!.count} items at 17:00 Streak: ${input.streak} weeks`);
    const bars = [...doc.querySelectorAll('[data-week] .bar-value')].map(text);
    expect(bars).toEqual(input.trend.map((entry) => (entry.rate === null ? 'no mail' : formatPercent('en-GB', entry.rate))));
    expect(doc.querySelectorAll('[data-item="waiting"]')).toHaveLength(week.oldestWaiting.length);

    for (const value of [rate, `${week.counted}`, formatDuration('en-GB', week.p90Minutes), ...bars]) expect(mail.text).toContain(value);
    expect(mail.text).toContain(`Counted: ${week.counted} · On time: ${week.onTime} · Late: ${week.late} · Missed: ${week.missed} · Still waiting: ${week.pending}`);
  });

  it('shows the week’s task KPI after the mail’s: rate against its target, verdict and parts, in both parts and the preheader', () => {
    // support/tasks.ts after the week: a, b, e, f, h, j on time; c, i late; d, g overdue; none open: 6 of 10.
    expect(text(section('tasks'))).toBe('60% done on time · target 90% Target not met 6 On time 2 Late 2 Overdue 0 Not due yet');
    expect(doc.querySelector('[data-section="tasks"] .badge')?.getAttribute('style')).toContain('#b10e1c');
    expect(mail.text).toContain('\nTasks\n-----\n60% done on time · target 90%\nTarget not met\nOn time: 6 · Late: 2 · Overdue: 2 · Not due yet: 0\n');
    expect(text(doc.querySelector('.preheader'))).toMatch(/ · Tasks: 60% done on time · target 90%$/);
    // The heading is a real one, after the mail KPI's details and before its trend.
    expect([...doc.querySelectorAll('h2')].map(text).slice(0, 2)).toEqual(['Tasks', 'Last 8 weeks']);
  });

  it('shows the task KPI met, the week so far with tasks still open, and a week with none due', () => {
    // At a target of 60, 6 of 10 is exactly enough: 600 ≥ 600.
    const met = parse(summaryMail(summaryInput({ settings: { ...input.settings, taskTargetPct: 60 }, tasks: taskWeek(SUMMARY_NOW, 60) })).html);
    expect(text(met.querySelector('[data-section="tasks"]'))).toBe('60% done on time · target 60% Target met 6 On time 2 Late 2 Overdue 0 Not due yet');
    // Friday noon: a, b, e, f, j on time, c late, d overdue; g, h, i still open: 5 of 7.
    const midweek = summaryMail(summaryInput({ tasks: taskWeek(MIDWEEK, 90) }));
    expect(text(parse(midweek.html).querySelector('[data-section="tasks"]'))).toBe('71.4% done on time · target 90% Target not met 5 On time 1 Late 1 Overdue 3 Not due yet');
    expect(midweek.text).toContain('On time: 5 · Late: 1 · Overdue: 1 · Not due yet: 3');
    // None of the tasks is due two weeks before (k, due Sunday 15 Nov, is the week before's): no rate, no verdict, no parts.
    const none = summaryMail(summaryInput({ tasks: taskWeek(SUMMARY_NOW, 90, '2026-W45') }));
    expect(text(parse(none.html).querySelector('[data-section="tasks"]'))).toBe('No tasks were due this week.');
    expect(none.text).toContain('\nTasks\n-----\nNo tasks were due this week.\n\nLast 8 weeks');
    expect(text(parse(none.html).querySelector('.preheader'))).toMatch(/ · No tasks were due this week\.$/);
  });

  it('says nothing about tasks when the pairing has no task source', () => {
    const without = summaryMail(summaryInput({ tasks: null }));
    const withoutDoc = parse(without.html);
    expect(withoutDoc.querySelector('[data-section="tasks"]')).toBeNull();
    for (const part of [without.subject, without.text, text(withoutDoc.body)]) {
      expect(part).not.toMatch(/Tasks|Overdue|Not due yet|done on time/);
    }
  });

  it('bars grow with the rate and are coloured by met / not met', () => {
    const heights = [...doc.querySelectorAll('[data-week]')].map((cell) => {
      const filled = [...cell.querySelectorAll('td[bgcolor]')].filter((td) => td.getAttribute('bgcolor') !== '#8a8886');
      return { height: Number(filled[0]?.getAttribute('height') ?? 0), color: filled[0]?.getAttribute('bgcolor') ?? null };
    });
    expect(heights.map((bar) => bar.height)).toEqual([58, 51, 64, 45, 0, 58, 61, 53]);
    expect(heights.map((bar) => bar.color)).toEqual(['#13a10e', '#d13438', '#13a10e', '#d13438', null, '#13a10e', '#13a10e', '#d13438']);
  });

  it('lists missed and pending mail with subjects, escaped', () => {
    expect(mail.html).toContain('Confidential: acquisition of &#60;Fabrikam&#62; &#38; &#34;partners&#34;');
    expect(mail.html).not.toContain('<Fabrikam>');
    expect(text(section('waiting'))).toContain(SECRET_SUBJECT);
    expect(text(section('waiting'))).toContain('Still waiting, 11 h 0 min left');
    expect(mail.text).toContain(SECRET_SUBJECT);
  });

  it('hides every subject in privacy mode, in both parts', () => {
    const privateMail = summaryMail(summaryInput({ privacyMode: true }));
    for (const item of input.week.oldestWaiting) {
      expect(privateMail.html).not.toContain(item.subject.slice(0, 12));
      expect(privateMail.text).not.toContain(item.subject.slice(0, 12));
    }
    expect(parse(privateMail.html).querySelectorAll('.hidden')).toHaveLength(input.week.oldestWaiting.length);
    expect(privateMail.text).toContain('hidden (privacy mode)');
    // Senders and times stay: privacy mode hides what the mail is about, not that it waited.
    expect(privateMail.text).toContain('client@fabrikam.com');
    // The task KPI names no task, so it is the same in privacy mode.
    expect(text(parse(privateMail.html).querySelector('[data-section="tasks"]'))).toBe(text(section('tasks')));
  });

  it('shows both sides’ feedback once both answered, and until then only who has', () => {
    const feedback = text(section('feedback'));
    expect(feedback).toContain('Quick answers to the catalogue requests.');
    expect(feedback).toContain('Templates for pricing questions. And a list of VIP clients.');
    // Under the questions the form asked, choices by their label.
    expect(feedback).toContain('Did the targets feel fair this week? Yes');
    expect(feedback).toContain('Do you feel involved and heard? 4');
    const retired = summaryMail(summaryInput({ checkIn: mailCheckIn({ owner: { answers: { oldQuestion: 'Still said.' } }, va: SUMMARY_ANSWERS.va }) }));
    expect(text(parse(retired.html).querySelector('[data-section="feedback"]'))).toContain('The owner Other Still said.');
    // Typed line breaks survive Outlook (no pre-wrap there); typed markup stays text.
    expect(mail.html).toContain('Templates for pricing questions.<br>And a list of VIP clients.');
    const hostile = summaryMail(summaryInput({ checkIn: mailCheckIn({ owner: SUMMARY_ANSWERS.owner, va: { answers: { wentWell: '<img src=x onerror=alert(1)>' } } }) }));
    expect(parse(hostile.html).querySelectorAll('img')).toHaveLength(0);
    expect(hostile.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // Until both have answered, the mail (read in the owner's mailbox, which the VA runs) says only who has.
    const ownerOnly = text(parse(summaryMail(summaryInput({ checkIn: mailCheckIn({ owner: SUMMARY_ANSWERS.owner }) })).html).querySelector('[data-section="feedback"]'));
    expect(ownerOnly).toContain('The owner Answered. The answers appear here once both of you have answered.');
    expect(ownerOnly).toContain('The VA No feedback given yet.');
    expect(ownerOnly).not.toContain('Quick answers to the catalogue requests.');
  });

  it('loads no external resource: no images, scripts, stylesheets, frames or CSS urls', () => {
    expect(doc.querySelectorAll('img, script, link, iframe, object, embed, video, audio, source, picture, svg, form')).toHaveLength(0);
    expect(doc.querySelectorAll('[src], [srcset], [background], [poster]')).toHaveLength(0);
    expect(mail.html).not.toMatch(/url\s*\(|@import|expression\s*\(/i);
    // The only link is the tab's, and it is a navigation, not a load.
    expect([...doc.querySelectorAll('[href]')].map((node) => node.tagName)).toEqual(['A']);
    // Styles are inlined: the block that remains holds only the mobile media query.
    const styles = [...doc.querySelectorAll('style')].map((node) => node.textContent ?? '');
    expect(styles.every((css) => css.trim().startsWith('@media'))).toBe(true);
    expect(section('header')?.getAttribute('style')).toContain('background-color');
  });

  it('stays under the size at which mail clients clip a message, at its largest', () => {
    const long = 'x'.repeat(2000);
    const answers = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, long]));
    const waiting = Array.from({ length: 5 }, (_, index) => ({ ...input.week.oldestWaiting[0]!, id: `m${index}`, subject: long.slice(0, 255), from: `${'a'.repeat(60)}@example.com` }));
    const largest = summaryMail({
      ...input,
      week: { ...input.week, oldestWaiting: waiting },
      checkIn: mailCheckIn({ owner: { answers: answers(['wentWell', 'improve', 'nextTime', 'gladAbout']), edited: true }, va: { answers: answers(['wentWell', 'needFromOwner', 'support']), edited: true } }),
    });
    // Gmail clips HTML over 102 KB; Outlook has no such limit but the same budget keeps the mail light.
    expect(Buffer.byteLength(largest.html)).toBeLessThan(102_000);
  });

  it('shows the streak only when the week kept it going', () => {
    const failed = { ...input.week, inboxZero: { ...input.week.inboxZero!, status: 'fail' as const, count: 3 } };
    const result = parse(summaryMail({ ...input, week: failed, streak: 0 }).html);
    expect(text(result.querySelector('[data-section="inbox-zero"]'))).toBe('No: 3 items at 17:00 (at most 0 allowed)');
  });

  it('covers a week without mail, an unmeasured inbox, no link and a late send', () => {
    const quiet = summaryInput();
    const week = { ...quiet.week, counted: 0, onTime: 0, late: 0, missed: 0, pending: 0, rate: null, met: null, oldestWaiting: [], inboxZero: null };
    const result = summaryMail({ ...quiet, week, tabUrl: null, late: true, checkIn: mailCheckIn({}) });
    const quietDoc = parse(result.html);
    expect(result.subject).toBe('Tandem: week of 16 Nov, no mail needed an answer');
    expect(text(quietDoc.querySelector('[data-section="headline"]'))).toBe('No mail needed an answer this week.');
    expect(text(quietDoc.querySelector('[data-section="inbox-zero"]'))).toBe('Not measured');
    expect(quietDoc.querySelector('[data-section="tab"]')).toBeNull();
    expect(text(quietDoc.querySelector('[data-section="late"]'))).toContain('Sent late');
    expect(result.text).toContain('Nothing missed, nothing waiting.');
  });
});
