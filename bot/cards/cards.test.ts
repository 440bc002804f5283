// Every bot card, with its largest inputs: valid against the official Adaptive Cards 1.5 schema (Teams-only
// elements on an explicit allow-list, checked through their fallback), parsed and rendered by the adaptivecards
// SDK without a warning, and under Teams' size limit.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { allCards, scorecardInput, TAB_URL } from '../../test/support/bot-cards.ts';
import { loadSdk } from '../../test/support/adaptive-cards-sdk.ts';
import { withDeliveryKey } from '../chat-poster.ts';
import { TEAMS_CARD_LIMIT_BYTES, type Card } from './card-parts.ts';
import { scorecardCard } from './scorecard-card.ts';
import { breachCard, WARNINGS_OFF_COMMAND } from './breach-card.ts';
import { waitingCard, WAITING_ON_CARD } from './waiting-card.ts';
import { parseCommand } from '../commands.ts';
import { monthlyQuestionCard } from '../ritual-cards.ts';
import { MIDWEEK, taskWeek } from '../../test/support/tasks.ts';

/**
 * Elements Teams renders that the 1.5 schema does not define. Each must carry a schema-valid `fallback`, which is
 * what the schema check and every other host see.
 */
const TEAMS_ONLY_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  'Chart.VerticalBar': ['data', 'title'],
};

// The file names itself with draft-04's `id`; ajv wants `$id`.
const { id: schemaId, ...schemaBody } = JSON.parse(readFileSync(new URL('../../test/fixtures/schemas/adaptive-card-1.5.0.json', import.meta.url), 'utf8')) as { id: string } & Record<string, unknown>;
const schema: Record<string, unknown> = { $id: schemaId, ...schemaBody };
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addMetaSchema(draft06);
const validate = ajv.compile(schema);

/**
 * The card's Teams-only `msteams.entities`, checked against the mention shape of "Mention support within Adaptive
 * Cards" (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards):
 * each a `mention` whose `<at>` text appears in the card's text, naming an id and a name. Other hosts ignore it.
 */
function withoutMentions(card: Record<string, unknown>): Record<string, unknown> {
  const { msteams, ...rest } = card;
  if (msteams === undefined) return rest;
  expect(Object.keys(msteams as object)).toEqual(['entities']);
  const texts = JSON.stringify(card.body);
  for (const entity of (msteams as { entities: Array<Record<string, unknown>> }).entities) {
    expect(entity).toEqual({ type: 'mention', text: expect.stringMatching(/^<at>.+<\/at>$/), mentioned: { id: expect.any(String), name: expect.any(String) } });
    expect(texts).toContain(JSON.stringify(entity.text).slice(1, -1));
  }
  return rest;
}

/** The card with each allow-listed Teams-only element swapped for its fallback; fails on anything else unknown. */
function asSchemaSees(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asSchemaSees);
  if (typeof node !== 'object' || node === null) return node;
  const object = (node as Record<string, unknown>).type === 'AdaptiveCard' ? withoutMentions(node as Record<string, unknown>) : (node as Record<string, unknown>);
  // Teams' static typeahead ("Typeahead search in Adaptive Cards"): the 1.5 schema file lists only compact and
  // expanded; other hosts show a filtered choice set as a compact one.
  if (object.type === 'Input.ChoiceSet' && object.style === 'filtered') return asSchemaSees({ ...object, style: 'compact' });
  const required = typeof object.type === 'string' ? TEAMS_ONLY_ELEMENTS[object.type] : undefined;
  if (required !== undefined) {
    for (const property of required) expect(object, `${object.type}.${property}`).toHaveProperty(property);
    expect(object.fallback, `${object.type} needs a fallback`).toBeTypeOf('object');
    return asSchemaSees(object.fallback);
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, asSchemaSees(value)]));
}

const sdk = loadSdk();
const cards = allCards();

describe.each(cards)('card %s', (name, card) => {
  it('validates against the Adaptive Cards 1.5 schema', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const valid = validate(asSchemaSees(card));
    expect(valid ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`), name).toEqual([]);
  });

  it('parses and renders in the adaptivecards SDK without warnings, in both Teams themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const parsed = sdk.parse(card, theme);
      // The one expected event: the SDK does not know Teams' chart and says so before taking the fallback.
      const warnings = parsed.warnings.filter((warning) => !(warning.kind === 'UnknownElementType' && Object.keys(TEAMS_ONLY_ELEMENTS).some((type) => warning.message.includes(type))));
      expect(warnings, `${name} (${theme})`).toEqual([]);
      expect(parsed.text?.trim().length ?? 0, `${name} renders text`).toBeGreaterThan(0);
    }
  });

  it('stays valid and renders the same once the chat poster puts its delivery key in it (the id of a container round the body)', () => {
    const keyed = withDeliveryKey(card, 'tandem:7c0a4e1e-0000-4000-8000-000000000001:scorecard:2026-W47');
    const valid = validate(asSchemaSees(keyed));
    expect(valid ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.message}`), name).toEqual([]);
    const parsed = sdk.parse(keyed, 'light');
    expect(parsed.text, name).toBe(sdk.parse(card, 'light').text);
  });

  it('stays under Teams’ message size limit', () => {
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
  });

  it('gives every Action.Execute an Action.Submit fallback carrying its verb', () => {
    const check = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(check);
      if (typeof node !== 'object' || node === null) return;
      const object = node as Record<string, unknown>;
      // The refresh action is Teams-only by design: it has no Submit equivalent.
      if (object.type === 'Action.Execute' && object.fallback !== undefined) {
        expect(object.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: object.verb } });
      } else if (object.type === 'Action.Execute') {
        expect(object.verb, 'only the refresh action may lack a fallback').toBe('feedback.refresh');
      }
      Object.values(object).forEach(check);
    };
    check(card);
  });
});

function textOf(card: Card): string {
  return JSON.stringify(card);
}

describe('scorecard content', () => {
  it('shows the full week: range, rate and target, counts, times, who answered, inbox zero, trend and missed mail', () => {
    const card = scorecardCard(scorecardInput());
    const parsed = sdk.parse(card);
    for (const expected of ['Scorecard for the week of 16 Nov', 'Mon, 16 Nov 2026', 'Sun, 22 Nov 2026', 'Central European Time (Copenhagen) · UTC+01:00', '82.5% answered on time, within 24\u00a0h (target 90%)', 'Target not met', '▼ 2.5 points down on last week', '40 e-mails needed a reply: 33 on time and 7 missed. 2 more still have time for an answer.', 'Inbox empty on Friday: no (3 items)', 'Missed (7)', 'Order 1001: delivery date?', '…and 4 more']) {
      expect(parsed.text, expected).toContain(expected);
    }
    // The finer figures are one click away: in a container the "Show details" button reveals.
    const details = (card.body as Array<Record<string, unknown>>).find((element) => element.id === 'details')!;
    expect(details.isVisible).toBe(false);
    for (const expected of ['Median response', '1 h 35 min', '9 in 10 answered within', '21 h 50 min', 'VA 31 · owner 6 · someone else 1']) expect(JSON.stringify(details), expected).toContain(expected);
    expect(JSON.stringify(card.body)).toContain('"type":"Action.ToggleVisibility","title":"Show details","targetElements":["details-show","details"]');
    // The trend's text fallback (what non-Teams hosts show) names all eight weeks.
    // Each week's entry holds together (no-break spaces); lines wrap only between weeks.
    expect((parsed.text ?? '').replace(/\u00a0/g, ' ')).toContain('Last 8 weeks: 28 Sept 93% ✓ · 5 Oct 88% · 12 Oct no mail · 19 Oct 95% ✓ · 26 Oct 90% ✓ · 2 Nov 97% ✓ · 9 Nov 85% · 16 Nov 82.5%');
    const chart = (card.body as Array<Record<string, unknown>>).find((element) => element.type === 'Chart.VerticalBar')!;
    expect((chart.data as unknown[]).length).toBe(8);
    // Three missed items at most, oldest first as the engine ordered them; the rest counted.
    expect((textOf(card).match(/ · Mon| · Tue| · Wed/g) ?? []).length).toBe(3);
    expect(JSON.stringify(card.actions)).toContain('Give feedback');
    expect(JSON.stringify(card.actions)).toContain('Open KPI tab');
  });

  it('hides subjects in privacy mode and still leads to the KPI tab', () => {
    const card = scorecardCard(scorecardInput({ privacyMode: true }));
    expect(textOf(card)).not.toContain('Order 1001');
    expect(textOf(card)).not.toContain('Quarterly reconciliation');
    expect(textOf(card)).toContain('client1@customer-1.example');
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open KPI tab', url: TAB_URL });
  });

  it('drops the tab button without a link', () => {
    expect(JSON.stringify(scorecardCard(scorecardInput({ tabUrl: null })).actions)).not.toContain('Open KPI tab');
  });

  it('tells met and not met by a mark and words, in the default colour', () => {
    const notMet = scorecardCard(scorecardInput());
    expect(sdk.parse(notMet).text).toContain('✗ Target not met');
    const met = scorecardCard(scorecardInput({ week: { ...scorecardInput().week, rate: 0.95, met: true } }));
    expect(sdk.parse(met).text).toContain('✓ Target met');
    expect(JSON.stringify([met, notMet])).not.toMatch(/"color"\s*:\s*"(Good|Attention|Warning)"/);
  });
});

describe('scorecard task KPI', () => {
  type Body = Array<{ type: string; text?: string; columns?: Array<{ items: Array<{ text: string }> }> }>;
  /** The texts of the headline row's columns (mail, tasks), no-break spaces as spaces; null without the row. */
  function headlineColumns(card: Card): string[][] | null {
    const row = (card.body as Body).find((element) => element.type === 'ColumnSet');
    return row === undefined ? null : row.columns!.map((column) => column.items.map((item) => item.text.replace(/\u00a0/g, ' ')));
  }

  it('stands beside the mail KPI: rate against its target, not met by mark, and on time, late, overdue, still open', () => {
    // support/tasks.ts on Friday noon: a, b, e, f, j on time; c late; d overdue; g, h, i still open: 5 of 7 due.
    expect(headlineColumns(scorecardCard(scorecardInput()))).toEqual([
      ['82.5% answered on time, within 24 h (target 90%)', '✗ Target not met', '▼ 2.5 points down on last week'],
      ['71.4% of tasks done on time (target 90%)', '✗ Target not met', '5 on time · 1 late · 1 overdue · 3 not due yet'],
    ]);
  });

  it('says met by mark and words at a target the week reaches, in the default colour', () => {
    // 5 × 100 = 500 ≥ 70 × 7 = 490.
    const card = scorecardCard(scorecardInput({ settings: { ...scorecardInput().settings, taskTargetPct: 70 }, tasks: taskWeek(MIDWEEK, 70) }));
    expect(headlineColumns(card)![1]!.slice(0, 2)).toEqual(['71.4% of tasks done on time (target 70%)', '✓ Target met']);
    expect(JSON.stringify(card)).not.toMatch(/"color"\s*:\s*"(Good|Attention|Warning)"/);
  });

  it('says only that no tasks were due in a week without any', () => {
    expect(headlineColumns(scorecardCard(scorecardInput({ tasks: taskWeek(MIDWEEK, 90, '2026-W45') })))![1]).toEqual(['No tasks were due this week.']);
  });

  it('keeps the card compact: the two headlines share one row, and nothing else is added', () => {
    const withTasks = scorecardCard(scorecardInput()).body as Body;
    const without = scorecardCard(scorecardInput({ tasks: null })).body as Body;
    const types = (elements: Body) => elements.map((element) => element.type);
    // Title and range, then the mail headline, its verdict and its change as three rows without tasks, one row for both KPIs with them.
    expect(types(without.slice(2, 5))).toEqual(['TextBlock', 'TextBlock', 'TextBlock']);
    expect(types(withTasks)).toEqual([...types(without.slice(0, 2)), 'ColumnSet', ...types(without.slice(5))]);
  });

  it('says nothing about tasks when the pairing has no task source', () => {
    const card = scorecardCard(scorecardInput({ tasks: null }));
    expect(headlineColumns(card)).toBeNull();
    expect(sdk.parse(card).text).not.toMatch(/task|overdue|not due yet/i);
  });

  it('is the same in privacy mode, which hides mail subjects and names no task', () => {
    expect(headlineColumns(scorecardCard(scorecardInput({ privacyMode: true })))).toEqual(headlineColumns(scorecardCard(scorecardInput())));
  });
});

describe('cards that lead somewhere', () => {
  it('the breach warning turns warnings off with a button that runs the typed command', () => {
    const items = [{ from: 'a@b.example', subject: 'x', receivedAt: 0, minutesLeft: 30 }];
    const card = breachCard({ locale: 'da', timeZone: 'UTC', privacyMode: false, items, tabUrl: null });
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', title: 'Slå advarsler fra', verb: 'command', data: { command: 'warnings off' } })]);
    // With the app id configured, it opens the tab's Waiting view first.
    expect(breachCard({ locale: 'en-GB', timeZone: 'UTC', privacyMode: false, items, tabUrl: TAB_URL }).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open KPI tab', url: TAB_URL },
      expect.objectContaining({ type: 'Action.Execute', title: 'Turn warnings off' }),
    ]);
    expect(parseCommand(WARNINGS_OFF_COMMAND)).toEqual({ kind: 'warnings', on: false });
    expect(textOf(card)).not.toMatch(/Skriv|Type/);
  });

  it('a waiting row opens its message in Outlook on the web where Graph gave the link', () => {
    const item = { from: 'a@b.example', subject: 'x', receivedAt: 0, minutesLeft: 30 };
    const link = 'https://outlook.office365.com/owa/?ItemID=AAMk%3D&exvsurl=1&viewmodel=ReadMessageItem';
    const rows = (webLink: string | null) => (waitingCard({ locale: 'de', timeZone: 'UTC', windowHours: 24, privacyMode: true, items: [{ ...item, webLink }], tabUrl: null }).body as Array<Record<string, unknown>>).filter((element) => element.type === 'ColumnSet');
    expect(rows(link)).toEqual([expect.objectContaining({ selectAction: { type: 'Action.OpenUrl', title: 'In Outlook öffnen', url: link } })]);
    expect(rows(null)[0]).not.toHaveProperty('selectAction');
  });

  it('a waiting row says its time is when the mail arrived, not when it falls due', () => {
    // 1 January 1970 was a Thursday; en-GB writes the day first.
    const card = waitingCard({ locale: 'en-GB', timeZone: 'UTC', windowHours: 24, privacyMode: false, items: [{ from: 'a@b.example', subject: 'x', receivedAt: 9 * 3_600_000, minutesLeft: 30 }], tabUrl: null });
    expect(sdk.parse(card).text).toContain('Received Thu 1 Jan, 09:00');
  });

  it('the waiting list leads to the KPI tab for the mail it does not show', () => {
    const items = Array.from({ length: WAITING_ON_CARD + 3 }, (_, i) => ({ from: `c${i}@x.example`, subject: `Q${i}`, receivedAt: i, minutesLeft: 60 }));
    const card = waitingCard({ locale: 'en-GB', timeZone: 'UTC', windowHours: 24, privacyMode: false, items, tabUrl: TAB_URL });
    expect(sdk.parse(card).text).toContain('and 3 more');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open KPI tab', url: TAB_URL }]);
    expect(waitingCard({ locale: 'en-GB', timeZone: 'UTC', windowHours: 24, privacyMode: false, items, tabUrl: null }).actions).toBeUndefined();
  });
});

describe('the monthly question', () => {
  it('opens the check-in whose form asks it', () => {
    const card = monthlyQuestionCard({ locale: 'en', pairingId: 'p-1', week: '2026-W49' });
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'feedback.open', data: { pairingId: 'p-1', week: '2026-W49' } })]);
  });
});

describe('the checks themselves', () => {
  it('catch a broken card: an input without id, an unknown property, an unknown element', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', label: 'x' }, { type: 'TextBlock', text: 'x', colour: 'Good' }, { type: 'Chart.Pie', data: [] }] };
    expect(validate(broken)).toBe(false);
    const kinds = sdk.parse(broken).warnings.map((warning) => warning.kind);
    expect(kinds).toContain('PropertyCantBeNull');
    expect(kinds).toContain('UnknownElementType');
  });
});
