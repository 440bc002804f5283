// Fuzz: 10,000 random and mutated Teams activities (fields missing, wrong types, huge strings, unknown invoke
// names and verbs, random card data) through the real app. None may crash it or get a 5xx; each is refused with
// a 4xx, or acknowledged, and every message that reaches a handler gets an answer card.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import type { Logger } from '../src/log.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { actionActivity, chatUser, installActivity, messageActivity, removeActivity, submitActivity, type ChatOptions } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { useTestDatabase } from './support/databases.ts';
import { services } from './support/services.ts';
import { BODY_LIMITS } from '../src/wiring/http-app.ts';

const RUNS = 10_000;
const NOW = Date.parse('2026-11-25T10:00:00Z');
const owner = chatUser('Olivia Owner', 'olivia@contoso.example');
const va = chatUser('Victor Assistant', 'victor@assist.example');

type Json = Record<string, unknown>;

const VERBS = ['setup.submit', 'feedback.open', 'feedback.refresh', 'feedback.edit', 'feedback.submit', 'review.submit', 'offboard.cancel', 'command', 'nonsense', ''];
const COMMANDS = ['scorecard', 'scorecard last', 'waiting', 'feedback', 'settings', 'leave 2026-12-24 2026-12-31', 'leave 2026-13-40 2026-01-01', 'review', 'help', 'offboard', 'setup', 'hello'];

/** A random JSON-ish value, sometimes huge, sometimes of the wrong type. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.integer().map((length) => 'x'.repeat(Math.abs(length) % 200_000)),
  fc.constantFrom(null, undefined, true, 0, -1, '', [], {}, '<at>Tandem</at>', '2026-W47', '../../etc/passwd', '\u0000\uffff'),
);

function set(target: Json, path: readonly string[], value: unknown): void {
  let node: Json = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Json;
  }
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
}

const PATHS: ReadonlyArray<readonly string[]> = [
  ['type'], ['text'], ['serviceUrl'], ['channelId'], ['from'], ['from', 'id'], ['from', 'aadObjectId'], ['recipient'], ['recipient', 'id'],
  ['conversation'], ['conversation', 'id'], ['conversation', 'conversationType'], ['conversation', 'tenantId'], ['channelData'], ['locale'],
  ['entities'], ['replyToId'], ['membersAdded'], ['membersRemoved'], ['name'], ['value'], ['value', 'action'], ['value', 'action', 'verb'],
  ['value', 'action', 'data'], ['value', 'action', 'type'], ['value', 'trigger'], ['value', 'verb'], ['action'],
];

describe('bot fuzz', () => {
  const db = useTestDatabase('pglite');
  let connector: FakeConnector;
  let app: ReturnType<typeof createApp>;
  let chat: ChatOptions;
  let pairingId = '00000000-0000-4000-8000-000000000000';
  const failures: string[] = [];
  const log: Logger = { info: () => {}, warn: () => {}, error: (event, fields) => void failures.push(`${event} ${JSON.stringify(fields)}`) };

  beforeAll(async () => {
    connector = await startFakeConnector();
    chat = { serviceUrl: connector.url, conversationId: '19:fuzz@thread.v2' };
    connector.setRoster(chat.conversationId, [owner, va]);
    const bot = botRoute({ ...services(db()), db: db(), clock: { now: () => NOW }, log, teamsAppId: null, consentUrl: async () => null }, null);
    app = createApp({ db: db(), jobsRunning: () => true, log, bot });
    const setup = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '09:00', workEnd: '17:00', targetPct: 90, windowHours: 24, inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(actionActivity(chat, owner, 'setup.submit', setup)) });
    const { findPairingByConversation } = await import('../src/store/pairings.ts');
    pairingId = (await findPairingByConversation(db(), chat.conversationId))!.id;
  });
  afterAll(async () => connector.close());

  it(`answers ${RUNS.toLocaleString('en')} random and mutated activities without a crash or a 5xx`, async () => {
    const person = fc.constantFrom(owner, va, chatUser('Stranger', 'stranger@else.example'));
    const data = fc.record({ pairingId: fc.constantFrom(pairingId, 'not-a-uuid', ''), week: fc.constantFrom('2026-W47', '2026-W99', 'x'), command: fc.constantFrom(...COMMANDS), wentWell: junk, kpisFair: junk, involved: junk, targetPct: junk, comment: junk, owner: junk, va: junk, timeZone: junk }, { requiredKeys: [] });
    const base = fc.oneof(
      fc.tuple(person, fc.constantFrom(...COMMANDS), fc.string({ maxLength: 30 })).map(([from, command, tail]) => messageActivity(chat, from, `${command}${tail === '' ? '' : ` ${tail}`}`) as Json),
      fc.tuple(person, fc.constantFrom(...VERBS), data).map(([from, verb, payload]) => actionActivity(chat, from, verb, { ...payload, pairingId }) as Json),
      fc.tuple(person, fc.constantFrom(...VERBS), data).map(([from, verb, payload]) => submitActivity(chat, from, verb, payload) as Json),
      person.map((from) => installActivity(chat, from) as Json),
      person.map((from) => removeActivity({ ...chat, conversationId: '19:other@thread.v2' }, from) as Json),
      fc.tuple(person, fc.string({ maxLength: 40 })).map(([from, name]) => ({ ...actionActivity(chat, from, 'x', {}), name }) as Json),
      fc.anything({ maxDepth: 3 }).map((value) => ({ value }) as Json),
    );
    const mutation = fc.array(fc.tuple(fc.constantFrom(...PATHS), junk), { maxLength: 3 });
    const cases = fc.sample(fc.tuple(base, mutation, fc.boolean()), { seed: 20261127, numRuns: RUNS });

    const statuses = new Map<number, number>();
    let silentMessages = 0;
    for (const [activity, mutations, raw] of cases) {
      const mutated = structuredClone(activity);
      for (const [path, value] of mutations) set(mutated, path, value);
      connector.clear();
      // Some bodies are not even JSON objects.
      const body = raw && mutations.length > 0 ? JSON.stringify(mutations[0]![1]) ?? 'null' : JSON.stringify(mutated);
      const response = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) throw new Error(`5xx for ${body.slice(0, 500)}: ${failures.at(-1)?.slice(0, 1500)}`);
      // A body over the route's limit is refused unread (413); anything else is answered or refused by its content.
      if (response.status === 413) expect(Buffer.byteLength(body)).toBeGreaterThan(BODY_LIMITS.activity);
      else expect([200, 400, 404]).toContain(response.status);
      // A message that was accepted and had text was answered with a card.
      if (response.status === 200 && mutated.type === 'message' && typeof mutated.text === 'string' && mutated.value === undefined && connector.cards().length === 0) silentMessages++;
    }
    console.info(`bot fuzz: ${RUNS} activities, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(silentMessages).toBe(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
