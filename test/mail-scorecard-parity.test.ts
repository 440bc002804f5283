// The summary mail and the Teams scorecard, built from the same loaded week, show the same numbers: the
// rate, every count, the response times, who answered, the streak, each week of the trend, and the task KPI's
// rate, verdict and parts.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { scorecardCard, trendText } from '../bot/cards/scorecard-card.ts';
import { formatPercent } from '../src/i18n/format.ts';
import { summaryMail } from '../src/mail/summary-mail.ts';
import { summaryInput } from './support/summary-mail.ts';

/** Every FactSet row of a card, title → value. */
function cardFacts(node: unknown, found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(node)) for (const child of node) cardFacts(child, found);
  else if (node !== null && typeof node === 'object') {
    const element = node as { type?: string; facts?: Array<{ title: string; value: string }> };
    if (element.type === 'FactSet') for (const fact of element.facts ?? []) found.set(fact.title, fact.value);
    for (const child of Object.values(node)) cardFacts(child, found);
  }
  return found;
}

describe('summary mail and scorecard card', () => {
  it('show the same numbers for the same week', () => {
    const input = summaryInput();
    const card = scorecardCard({
      pairingId: 'pairing-1',
      week: input.week,
      trend: input.trend,
      tasks: input.tasks,
      settings: input.settings,
      streak: input.streak,
      locale: input.locale,
      late: false,
      privacyMode: false,
      tabUrl: input.tabUrl,
    });
    const mail = summaryMail(input);
    const doc = new JSDOM(mail.html).window.document;
    const cardText = JSON.stringify(card);
    const facts = [...cardFacts(card).values()];

    // The mail's counts are the card's totals sentence (its parts that are not 0), then median and p90 in the card's details.
    const [counted, onTime, late, missed, pending] = [...doc.querySelectorAll('[data-section="counts"] .stat-value')].map((node) => node.textContent ?? '');
    expect(cardText).toContain(`${counted} e-mails needed a reply: `);
    for (const [count, words] of [[onTime, 'on time'], [late, 'late'], [missed, 'missed']] as const) if (count !== '0') expect(cardText).toContain(`${count} ${words}`);
    if (pending !== '0') expect(cardText).toContain(`${pending} more still`);
    const details = doc.querySelector('[data-section="details"]')?.textContent ?? '';
    for (const value of facts.slice(0, 2)) expect(details).toContain(value);
    const { va, owner, other } = input.week.answeredBy;
    for (const count of [va, owner, other]) expect(facts[2]).toContain(String(count));
    expect(details).toContain(`VA ${va} · owner ${owner} · someone else ${other}`);

    const rate = formatPercent(input.locale, input.week.rate!);
    expect(cardText).toContain(rate);
    expect(doc.querySelector('[data-section="headline"] .rate')?.textContent).toBe(rate);
    // support/summary-mail.ts: the inbox was empty on the last three Fridays, with 4 items the Friday before.
    expect(input.streak).toBe(3);
    expect(cardText).toContain('streak 3 weeks');
    expect(doc.querySelector('[data-section="inbox-zero"]')?.textContent).toContain('Streak: 3 weeks');

    const trend = [...doc.querySelectorAll('[data-week]')].map((cell) => `${cell.getAttribute('data-week')} ${cell.querySelector('.bar-value')?.textContent}`.replace(/\u00a0/g, ' '));
    const cardTrend = trendText(input.locale, input.trend.slice(-8)).split(' · ').map((entry) => entry.replace(/\u00a0/g, ' ').replace(/ ✓$/, ''));
    expect(trend).toEqual(cardTrend);
  });

  it('show the same task KPI: rate against its target, verdict, and on time, late, overdue and still open', () => {
    // support/tasks.ts after the week: 6 on time, 2 late, 2 overdue, 0 open; 6 of 10 is 60%, under the 90% target.
    const input = summaryInput();
    const card = scorecardCard({ pairingId: 'pairing-1', week: input.week, trend: input.trend, tasks: input.tasks, settings: input.settings, streak: input.streak, locale: input.locale, late: false, privacyMode: false, tabUrl: input.tabUrl });
    const mail = summaryMail(input);
    const doc = new JSDOM(mail.html).window.document;
    const section = doc.querySelector('[data-section="tasks"]')!;
    // The task KPI is the headline row's second column, beside the mail KPI.
    const headline = (card.body as Array<{ type: string; columns?: unknown[] }>).find((element) => element.type === 'ColumnSet')!;
    const column = JSON.stringify(headline.columns![1]).replace(/\u00a0/g, ' ');

    expect(section.querySelector('.rate')?.textContent).toBe('60%');
    expect(column).toContain('60% of tasks done on time (target 90%)');
    expect(section.textContent).toContain('target 90%');
    expect(column).toContain('✗ Target not met');
    expect(section.textContent).toContain('Target not met');
    const mailParts = [...section.querySelectorAll('.stat')].map((cell) => [cell.querySelector('.stat-value')?.textContent, cell.querySelector('.stat-label')?.textContent]);
    expect(mailParts).toEqual([['6', 'On time'], ['2', 'Late'], ['2', 'Overdue'], ['0', 'Not due yet']]);
    expect(column).toContain('6 on time · 2 late · 2 overdue · 0 not due yet');
    expect(mail.text).toContain('60% done on time · target 90%\nTarget not met\nOn time: 6 · Late: 2 · Overdue: 2 · Not due yet: 0');
  });
});
