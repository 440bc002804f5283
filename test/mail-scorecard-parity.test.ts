// The summary mail and the Teams scorecard, built from the same loaded week, show the same numbers: the
// rate, every count, the response times, who answered, the streak and each week of the trend.
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

    // Counts, then median and p90, as the card lists them.
    const mailStats = [...doc.querySelectorAll('[data-section="counts"] .stat-value')].map((node) => node.textContent ?? '');
    expect(facts.slice(0, 5)).toEqual(mailStats);
    const details = doc.querySelector('[data-section="details"]')?.textContent ?? '';
    for (const value of facts.slice(5, 7)) expect(details).toContain(value);
    const { va, owner, other } = input.week.answeredBy;
    for (const count of [va, owner, other]) expect(facts[7]).toContain(String(count));
    expect(details).toContain(`VA ${va} · owner ${owner} · someone else ${other}`);

    const rate = formatPercent(input.locale, input.week.rate!);
    expect(cardText).toContain(rate);
    expect(doc.querySelector('[data-section="headline"] .rate')?.textContent).toBe(rate);
    expect(cardText).toContain(`streak ${input.streak}`);
    expect(doc.querySelector('[data-section="inbox-zero"]')?.textContent).toContain(`Streak: ${input.streak} weeks`);

    const trend = [...doc.querySelectorAll('[data-week]')].map((cell) => `${cell.getAttribute('data-week')} ${cell.querySelector('.bar-value')?.textContent}`.replace(/\u00a0/g, ' '));
    const cardTrend = trendText(input.locale, input.trend.slice(-8)).split(' · ').map((entry) => entry.replace(/\u00a0/g, ' ').replace(/ ✓$/, ''));
    expect(trend).toEqual(cardTrend);
  });
});
