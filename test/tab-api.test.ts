// The tab's API through the real app, on every database engine: the token matrix (Entra's v2.0 and v1.0 tokens
// and every way one can be wrong → exactly 200, 401 or 403), other people's pairings refused (403), validation
// naming the field (400), every number equal to the engine's, and the completion KPI of a pairing that reads
// tasks, counted by hand from its fixture.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../src/api/api-app.ts';
import { weekPeriod } from '../src/kpi/weeks.ts';
import { kpiFor } from '../src/reports/reports.ts';
import { listAudit } from '../src/store/audit.ts';
import { saveFeedback } from '../src/store/feedback.ts';
import { upsertMessages } from '../src/store/messages.ts';
import { upsertTasks, type StoredTask } from '../src/store/tasks.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { recordSyncError, recordSyncSuccess } from '../src/store/sync-state.ts';
import { getPairing, setConversationRef } from '../src/store/pairings.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { at, inbound, reply } from './support/mail.ts';
import { newTestPairing, pairingInTenant } from './support/pairings.ts';
import { recordingLogger, testIssuer, TEST_CLIENT_ID, type TestIssuer } from './support/tab-tokens.ts';
import { tokenMatrix } from './support/token-refusals.ts';
import { services } from './support/services.ts';
import type { TaskChoiceList, TaskChoicesRequest } from '../src/ports/tasks.ts';

/** Wednesday of ISO week 2026-W48. */
const NOW = at('2026-11-25T12:00:00Z');
const WEEK = '2026-W48';

/** The owner's and the VA's plans and lists as a fake Graph would list them; tests change the answer. */
const OFFERED: TaskChoiceList = {
  choices: [
    { source: 'planner:planTeam', kind: 'planner', name: 'Team plan', of: 'both' },
    { source: 'todo:listErrands', kind: 'todo', name: 'Errands', of: 'va' },
  ],
  failure: null,
};

describe.each(testEngines())('tab API on %s', (engine) => {
  const db = useTestDatabase(engine);
  const log = recordingLogger();
  let issuer: TestIssuer;
  let pairing: Pairing;
  /** Another customer's pairing, in a tenant the store knows but the API is not configured for. */
  let other: Pairing;
  /** Another pairing of the configured tenant. */
  let neighbour: Pairing;
  let api: ReturnType<typeof createApiApp>;
  const tokens: Record<'owner' | 'va' | 'stranger', string> = { owner: '', va: '', stranger: '' };
  let listing: TaskChoiceList = OFFERED;
  const asked: TaskChoicesRequest[] = [];
  const taskChoices = { list: async (request: TaskChoicesRequest) => (asked.push(request), listing) };

  async function call(method: string, path: string, as: keyof typeof tokens | null, body?: unknown) {
    const headers: Record<string, string> = as === null ? {} : { authorization: `Bearer ${tokens[as]}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return api.request(`/pairings/${pairing.id}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  beforeAll(async () => {
    issuer = await testIssuer();
    pairing = await newTestPairing(db(), { tenantId: randomUUID() });
    other = await newTestPairing(db(), { tenantId: randomUUID() });
    neighbour = await pairingInTenant(db(), pairing.tenantId);
    const to = [pairing.mailbox];
    await upsertMessages(db(), pairing.id, [
      inbound('2026-11-23T09:00:00Z', { id: 'on-time', to }),
      reply('2026-11-23T15:00:00Z', 'on-time', { from: pairing.owner.address, sender: pairing.va.address }),
      inbound('2026-11-23T10:00:00Z', { id: 'missed', to, subject: 'Invoice question' }),
      inbound('2026-11-25T10:00:00Z', { id: 'pending', to }),
      inbound('2026-11-24T08:00:00Z', { id: 'newsletter', to, automatic: true }),
    ]);
    api = createApiApp({ ...services(db()), db: db(), validateToken: issuer.validator(db(), log, pairing.tenantId), clock: { now: () => NOW }, log, taskChoices });
    tokens.owner = await issuer.sign({ tid: pairing.tenantId, oid: pairing.owner.userId!, upn: pairing.owner.address, name: 'Owner' });
    tokens.va = await issuer.sign({ tid: pairing.tenantId, oid: pairing.va.userId!, upn: pairing.va.address, name: 'VA' });
    tokens.stranger = await issuer.sign({ tid: pairing.tenantId, oid: neighbour.owner.userId!, upn: neighbour.owner.address });
  });

  describe('tokens', () => {
    it('answers the token matrix exactly: Entra\'s v2.0 token 200, a v1.0 one and every forgery 401 at its step, a missing scope 403', async () => {
      const cases = await tokenMatrix(issuer, pairing.tenantId, { oid: pairing.owner.userId!, upn: pairing.owner.address }, other.tenantId);
      for (const [{ what: case_, token, expected }, path] of cases.flatMap((each) => ['/week', '/settings/task-sources'].map((path) => [each, path] as const))) {
        const what = `${case_} → ${path}`;
        log.lines.length = 0;
        const response = await api.request(`/pairings/${pairing.id}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
        const body = await response.json();
        if ('as' in expected) {
          expect(response.status, what).toBe(expected.as === 'owner' ? 200 : 403);
          if (expected.as === 'nobody') expect(body, what).toMatchObject({ error: { code: 'forbidden' } });
          continue;
        }
        expect(response.status, what).toBe(expected.status);
        expect(body, what).toEqual({ error: { code: expected.status === 401 ? 'unauthenticated' : 'insufficient_scope', message: expect.any(String) } });
        expect(response.headers.get('www-authenticate'), what).toBe(expected.status === 401 ? 'Bearer error="invalid_token"' : 'Bearer error="insufficient_scope"');
        expect(log.lines, what).toContainEqual(expect.objectContaining({ event: 'api_token_refused', fields: expect.objectContaining({ step: expected.step }) }));
      }
    });

    it('keeps the owner\'s role through a upn change, and gives none to a new oid holding the old upn', async () => {
      const renamed = await issuer.sign({ tid: pairing.tenantId, oid: pairing.owner.userId!, upn: 'new.name@contoso.example', name: 'Owner' });
      expect(await (await api.request('/me', { headers: { authorization: `Bearer ${renamed}` } })).json()).toMatchObject({ user: { upn: 'new.name@contoso.example' }, pairings: [expect.objectContaining({ id: pairing.id, role: 'owner' })] });
      const impostor = await issuer.sign({ tid: pairing.tenantId, oid: randomUUID(), upn: pairing.owner.address });
      expect(await (await api.request('/me', { headers: { authorization: `Bearer ${impostor}` } })).json()).toMatchObject({ pairings: [] });
    });

    it('does not reach a pairing whose people have no stored object id, whatever upn the token carries', async () => {
      const addressesOnly = await pairingInTenant(db(), pairing.tenantId, { owner: { address: 'ids.later@contoso.example' }, va: { address: 'va.later@assist.example' } });
      const token = await issuer.sign({ tid: pairing.tenantId, oid: randomUUID(), upn: 'ids.later@contoso.example' });
      expect((await api.request(`/pairings/${addressesOnly.id}/week`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
      expect(await (await api.request('/me', { headers: { authorization: `Bearer ${token}` } })).json()).toMatchObject({ pairings: [] });
    });

    it('gives 403 to a valid user of another pairing, and to a user of this tenant who is neither owner nor VA', async () => {
      asked.length = 0;
      const colleague = await issuer.sign({ tid: pairing.tenantId, oid: randomUUID(), upn: `colleague@${pairing.mailbox.split('@')[1]}` });
      for (const path of ['/week', '/settings/task-sources']) {
        expect((await call('GET', path, 'stranger')).status, path).toBe(403);
        const response = await api.request(`/pairings/${pairing.id}${path}`, { headers: { authorization: `Bearer ${colleague}` } });
        expect(response.status, path).toBe(403);
        expect(await response.json(), path).toMatchObject({ error: { code: 'forbidden' } });
      }
      // Nobody outside the pairing made Tandem list its people's plans and lists.
      expect(asked).toEqual([]);
      // An id that names no pairing looks the same, so ids cannot be probed.
      const unknown = await api.request('/pairings/00000000-0000-4000-a000-000000000000/week', { headers: { authorization: `Bearer ${tokens.owner}` } });
      expect(unknown.status).toBe(403);
    });

    it('lists the pairings a user belongs to, with their role', async () => {
      const response = await api.request('/me', { headers: { authorization: `Bearer ${tokens.va}` } });
      expect(await response.json()).toEqual({ user: { name: 'VA', upn: pairing.va.address }, pairings: [expect.objectContaining({ id: pairing.id, role: 'va', chatId: null })] });
      // Once set up in a chat, the pairing names it, so a tab pinned there shows this pairing.
      await setConversationRef(db(), pairing.id, { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: '19:chat@thread.v2' } });
      const inChat = await api.request('/me', { headers: { authorization: `Bearer ${tokens.va}` } });
      expect((await inChat.json()).pairings).toEqual([expect.objectContaining({ id: pairing.id, chatId: '19:chat@thread.v2' })]);
    });
  });

  describe('reads', () => {
    it('shows this week exactly as the engine computes it, for the owner and the VA alike', async () => {
      const report = await kpiFor(db(), pairing, weekPeriod(WEEK), NOW);
      const expected = { week: report.weeks[0]!, streak: report.inboxZeroStreak };
      for (const who of ['owner', 'va'] as const) {
        const body = await (await call('GET', '/week', who)).json();
        expect(body).toEqual({ week: JSON.parse(JSON.stringify(expected.week)), streak: expected.streak, targetPct: 90, tasks: null });
      }
      expect(expected.week).toMatchObject({ counted: 2, onTime: 1, missed: 1, pending: 1, rate: 0.5, met: false, excluded: { auto: 1 } });
    });

    it('gives 12 weeks of trend ending with this week', async () => {
      const body = await (await call('GET', '/trend', 'va')).json();
      expect(body.weeks).toHaveLength(12);
      expect(body.weeks.at(-1)).toMatchObject({ week: WEEK, counted: 2 });
      expect(body.weeks[0].week).toBe('2026-W37');
    });

    it('lists what is waiting, oldest first, with the time left on the clock', async () => {
      const body = await (await call('GET', '/waiting', 'va')).json();
      expect(body.messages.map((m: { id: string; status: string; remainingMinutes: number | null }) => [m.id, m.status, m.remainingMinutes])).toEqual([
        ['missed', 'missed', null],
        ['pending', 'pending', 22 * 60],
      ]);
      // The tab says how far back the list reaches: four weeks, this one included.
      expect(body.weeks).toBe(4);
    });

    it('lists the week\'s messages with status or exclusion reason, filtered', async () => {
      const all = await (await call('GET', `/messages?week=${WEEK}`, 'owner')).json();
      expect(all.messages.map((m: { id: string; status: string | null; reason: string | null }) => [m.id, m.status, m.reason])).toEqual([
        ['on-time', 'onTime', null],
        ['missed', 'missed', null],
        ['newsletter', null, 'auto'],
        ['pending', 'pending', null],
      ]);
      expect(all.messages[0]).toMatchObject({ answeredFrom: pairing.va.address, clockMinutes: 360 });
      const excluded = await (await call('GET', `/messages?week=${WEEK}&filter=excluded`, 'owner')).json();
      expect(excluded.messages.map((m: { id: string }) => m.id)).toEqual(['newsletter']);
    });

    it('reports the sync state, the first read\'s progress, and the error', async () => {
      expect(await (await call('GET', '/sync', 'owner')).json()).toMatchObject({ state: 'pending', messagesStored: 5, progress: null });
      const DAY = 86_400_000;
      const backfilling = { version: 1, phase: 'backfill', folders: {}, backfill: { since: 0, fetched: 2_000, oldestReceived: 45 * DAY }, nextLink: 'https://graph/next', watermark: 90 * DAY, outOfOffice: null, vaMailbox: null, domainsReadAt: null };
      await recordSyncSuccess(db(), pairing.id, 'mailbox', backfilling);
      expect(await (await call('GET', '/sync', 'owner')).json()).toMatchObject({ state: 'backfilling', progress: { phase: 'backfill', fetched: 2_000, fraction: 0.5 } });
      await recordSyncSuccess(db(), pairing.id, 'mailbox', { ...backfilling, phase: 'incremental', nextLink: null });
      expect(await (await call('GET', '/sync', 'owner')).json()).toMatchObject({ state: 'synced', progress: { fraction: 1 } });
      await recordSyncError(db(), pairing.id, 'mailbox', 'Graph consent missing');
      expect(await (await call('GET', '/sync', 'owner')).json()).toMatchObject({ state: 'error', lastError: 'Graph consent missing' });
    });

    it('shows each week’s check-in newest first, the other side’s answers only once both answered', async () => {
      await saveFeedback(db(), pairing.id, '2026-W45', 'owner', { went: 'calm' });
      await saveFeedback(db(), pairing.id, '2026-W45', 'va', { went: 'calm too' });
      await saveFeedback(db(), pairing.id, '2026-W46', 'owner', { went: 'fine' });
      await saveFeedback(db(), pairing.id, '2026-W47', 'va', { went: 'busy' });
      const body = await (await call('GET', '/feedback', 'va')).json();
      const states = body.checkIns.map((c: { week: string; owner: { state: string }; va: { state: string } }) => [c.week, c.owner.state, c.va.state]);
      expect(states).toEqual([['2026-W47', 'notYet', 'shown'], ['2026-W46', 'answered', 'notYet'], ['2026-W45', 'shown', 'shown']]);
      expect(JSON.stringify(body)).not.toContain('fine');
    });
  });

  describe('the completion KPI (tasks on time)', () => {
    /** A pairing reading a Planner plan, in Copenhagen (UTC+1 in November), task target 50 %, in the same tenant. */
    let tasked: Pairing;
    let todo: Pairing;
    const as: Record<'owner' | 'va' | 'todoOwner', string> = { owner: '', va: '', todoOwner: '' };
    const PLAN = 'planner:plan-48';
    /** Planner's own address of a task in the pairing's tenant; the sync stores no link (Graph gives none). */
    const link = (id: string) => `https://tasks.office.com/${tasked.tenantId}/Home/Task/${id}`;
    const task = (id: string, overrides: Partial<StoredTask>): StoredTask => ({ id, title: id, due: null, assignedToVa: true, completedAt: null, deletedAt: null, etag: null, ...overrides });
    const get = (target: Pairing, path: string, token: string) => api.request(`/pairings/${target.id}${path}`, { headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      tasked = await pairingInTenant(db(), pairing.tenantId, { settings: { timeZone: 'Europe/Copenhagen', taskSource: PLAN, taskTargetPct: 50 } });
      todo = await pairingInTenant(db(), pairing.tenantId, { settings: { timeZone: 'Europe/Copenhagen', taskSource: 'todo:list-1' } });
      // Due days are Copenhagen dates; a day ends at the next local midnight, 23:00 UTC the day before.
      await upsertTasks(db(), tasked.id, PLAN, [
        // Mon 23 Nov 00:30 local (Sunday in UTC): due Mon 23, done Mon 23:00 local → on time.
        task('early-monday', { due: { at: at('2026-11-22T23:30:00Z') }, completedAt: at('2026-11-23T22:00:00Z') }),
        task('call-back', { title: 'Call Anna back', due: { at: at('2026-11-23T11:00:00Z') }, completedAt: at('2026-11-23T20:00:00Z') }),
        // Due Mon 23, done Tue 00:30 local → late.
        task('invoice', { title: 'Send invoice, 2291', due: { at: at('2026-11-23T09:00:00Z') }, completedAt: at('2026-11-23T23:30:00Z') }),
        // Due Tue 24 (ended Tue 23:00 UTC), not done at Wed 13:00 local → overdue.
        task('quote', { due: { at: at('2026-11-24T10:00:00Z') } }),
        // Due Fri 27, not done → open, not in the rate.
        task('agenda', { due: { at: at('2026-11-27T16:00:00Z') } }),
        task('not-mine', { due: { at: at('2026-11-24T10:00:00Z') }, assignedToVa: false }),
        // Removed Tue, before its due day Thu 26 ended.
        task('dropped', { due: { at: at('2026-11-26T10:00:00Z') }, deletedAt: at('2026-11-24T08:00:00Z') }),
        task('someday', {}),
        // Fri 20 Nov (2026-W47), done the day before.
        task('last-week', { due: { at: at('2026-11-20T10:00:00Z') }, completedAt: at('2026-11-19T15:00:00Z') }),
        // Sun 29 Nov 23:30 UTC is Mon 30 Nov in Copenhagen: 2026-W49, not this week.
        task('sunday-night', { due: { at: at('2026-11-29T23:30:00Z') } }),
      ]);
      await upsertTasks(db(), todo.id, 'todo:list-1', [
        task('todo-1', { due: { dateTime: '2026-11-24T00:00:00.0000000', timeZone: 'Europe/Copenhagen' }, completedAt: at('2026-11-24T09:00:00Z') }),
        task('todo-2', { due: { dateTime: '2026-11-25T00:00:00.0000000', timeZone: 'Europe/Copenhagen' } }),
      ]);
      as.owner = await issuer.sign({ tid: tasked.tenantId, oid: tasked.owner.userId!, upn: tasked.owner.address, name: 'Owner' });
      as.va = await issuer.sign({ tid: tasked.tenantId, oid: tasked.va.userId!, upn: tasked.va.address, name: 'VA' });
      as.todoOwner = await issuer.sign({ tid: todo.tenantId, oid: todo.owner.userId!, upn: todo.owner.address });
    });

    // Worked out by hand from the fixture: W48 has 2 on time, 1 late, 1 overdue (rate 2/4), 1 open, and
    // 'not-mine' and 'dropped' excluded; at target 50, 2 × 100 ≥ 50 × 4, so met, exactly.
    const W48 = { week: WEEK, onTime: 2, late: 1, overdue: 1, open: 1, excluded: { noDueDate: 0, notVa: 1, paused: 0, deleted: 1 }, rate: 0.5, met: true };
    const W47 = { week: '2026-W47', onTime: 1, late: 0, overdue: 0, open: 0, excluded: { noDueDate: 0, notVa: 0, paused: 0, deleted: 0 }, rate: 1, met: true };

    it('puts the week’s task KPI beside the mail KPI, for the owner and the VA alike', async () => {
      for (const token of [as.owner, as.va]) {
        const body = await (await get(tasked, '/week', token)).json();
        expect(body.tasks).toEqual({ source: 'planner', targetPct: 50, week: W48 });
        expect(body.week.week).toBe(WEEK);
      }
      expect((await (await get(tasked, '/week?week=2026-W47', as.va)).json()).tasks).toEqual({ source: 'planner', targetPct: 50, week: W47 });
      expect((await (await get(todo, '/week', as.todoOwner)).json()).tasks).toMatchObject({ source: 'todo', targetPct: 90, week: { onTime: 1, rate: 1 } });
    });

    it('gives the task weeks beside the mail weeks in the trend', async () => {
      const body = await (await get(tasked, '/trend', as.owner)).json();
      expect(body.tasks.source).toBe('planner');
      expect(body.tasks.targetPct).toBe(50);
      expect(body.tasks.weeks.map((w: { week: string }) => w.week)).toEqual(body.weeks.map((w: { week: string }) => w.week));
      expect(body.tasks.weeks.slice(-2)).toEqual([W47, W48]);
      expect(body.tasks.weeks.slice(0, -2).map((w: { rate: number | null; met: boolean | null }) => [w.rate, w.met])).toEqual(Array(10).fill([null, null]));
    });

    it('lists the week’s tasks by due moment with status or exclusion reason and an https link to open them', async () => {
      const body = await (await get(tasked, `/tasks?week=${WEEK}`, as.va)).json();
      expect(body.week).toBe(WEEK);
      expect(body.source).toBe('planner');
      const rows = body.tasks.map((r: { id: string; dueDay: string | null; result: Record<string, string>; webUrl: string | null }) => [r.id, r.dueDay, r.result, r.webUrl]);
      expect(rows).toEqual([
        ['call-back', '2026-11-23', { status: 'onTime' }, link('call-back')],
        ['early-monday', '2026-11-23', { status: 'onTime' }, link('early-monday')],
        ['invoice', '2026-11-23', { status: 'late' }, link('invoice')],
        ['not-mine', '2026-11-24', { excluded: 'notVa' }, link('not-mine')],
        ['quote', '2026-11-24', { status: 'overdue' }, link('quote')],
        ['dropped', '2026-11-26', { excluded: 'deleted' }, link('dropped')],
        ['agenda', '2026-11-27', { status: 'open' }, link('agenda')],
        ['someday', null, { excluded: 'noDueDate' }, link('someday')],
      ]);
      expect(body.tasks[0]).toMatchObject({ title: 'Call Anna back', dueAt: at('2026-11-23T23:00:00Z') });
      // Without a week: this week.
      expect((await (await get(tasked, '/tasks', as.owner)).json()).tasks).toHaveLength(8);
    });

    it('offers no link to a To Do task: a list is one person\'s, and To Do on the web opens only your own tasks', async () => {
      const body = await (await get(todo, `/tasks?week=${WEEK}`, as.todoOwner)).json();
      expect(body.source).toBe('todo');
      expect(body.tasks.map((r: { id: string; webUrl: string | null }) => [r.id, r.webUrl])).toEqual([['todo-1', null], ['todo-2', null]]);
    });

    it('exports a week’s tasks, and the weekly KPIs with the task KPI’s columns', async () => {
      const csv = await get(tasked, `/export/tasks.csv?week=${WEEK}`, as.owner);
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="tandem-tasks-2026-W48.csv"');
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toBe('id,title,dueDay,dueAt,status,excludedBecause,webUrl');
      expect(lines).toHaveLength(9);
      expect(lines[3]).toBe(`invoice,"Send invoice, 2291",2026-11-23,2026-11-23T23:00:00.000Z,late,,${link('invoice')}`);
      expect(lines[4]).toBe(`not-mine,not-mine,2026-11-24,2026-11-24T23:00:00.000Z,,notVa,${link('not-mine')}`);
      expect(lines[8]).toBe(`someday,someday,,,,noDueDate,${link('someday')}`);

      const weeks = (await (await get(tasked, '/export/weeks.csv?weeks=2', as.va)).text()).trim().split('\r\n');
      expect(weeks[0]).toMatch(/,inboxZeroCount,tasks_onTime,tasks_late,tasks_overdue,tasks_open,tasks_rate,tasks_met$/);
      expect(weeks[1]).toMatch(/^2026-W47,.*,1,0,0,0,1,true$/);
      expect(weeks[2]).toMatch(/^2026-W48,.*,2,1,1,1,0.5,true$/);
    });

    it('shows nothing about tasks for a pairing without a task source', async () => {
      expect((await (await call('GET', '/week', 'owner')).json()).tasks).toBeNull();
      expect((await (await call('GET', '/trend', 'va')).json()).tasks).toBeNull();
      for (const path of [`/tasks?week=${WEEK}`, '/export/tasks.csv']) {
        const response = await call('GET', path, 'owner');
        expect(response.status, path).toBe(404);
        expect(await response.json(), path).toMatchObject({ error: { code: 'not_found' } });
      }
      expect((await (await call('GET', '/export/weeks.csv', 'owner')).text()).split('\r\n')[0]).toMatch(/,inboxZeroCount$/);
      const me = async (token: string) => (await (await api.request('/me', { headers: { authorization: `Bearer ${token}` } })).json()).pairings;
      expect(await me(tokens.owner)).toEqual([expect.objectContaining({ id: pairing.id, tasks: null })]);
      expect(await me(as.va)).toEqual([expect.objectContaining({ id: tasked.id, tasks: 'planner' })]);
      expect(await me(as.todoOwner)).toEqual([expect.objectContaining({ id: todo.id, tasks: 'todo' })]);
    });

    it('gives the tasks to the pairing’s owner and VA only: another pairing’s owner, a colleague in the chat and another tenant are refused', async () => {
      const colleague = await issuer.sign({ tid: tasked.tenantId, oid: randomUUID(), upn: `colleague@${tasked.mailbox.split('@')[1]}` });
      // The owner's own object id, presented from another tenant: the tenant is pinned, so the token itself is refused.
      const otherTenant = await issuer.sign({ tid: other.tenantId, oid: tasked.owner.userId!, upn: tasked.owner.address });
      const readers: Array<[string, string, number]> = [
        ['owner', as.owner, 200],
        ['VA', as.va, 200],
        ['another pairing’s owner', tokens.owner, 403],
        ['a colleague in the chat', colleague, 403],
        ['another tenant', otherTenant, 401],
      ];
      for (const path of ['/week', '/trend', `/tasks?week=${WEEK}`, `/export/tasks.csv?week=${WEEK}`, '/export/weeks.csv']) {
        for (const [who, token, status] of readers) {
          const response = await get(tasked, path, token);
          expect(response.status, `${who} ${path}`).toBe(status);
          if (status !== 200) expect(await response.text(), `${who} ${path}`).not.toMatch(/Call Anna back|tasks\.office\.com/);
        }
      }
    });
  });

  describe('validation', () => {
    it('answers 400 naming the field', async () => {
      const cases: [string, string, keyof typeof tokens, unknown, string][] = [
        ['GET', '/week?week=2026-48', 'owner', undefined, 'week'],
        // Shaped like a week, but 2027 has 52: refused at the door, not as a server error from the calendar.
        ['GET', '/week?week=2027-W53', 'owner', undefined, 'week'],
        ['GET', '/messages?week=2027-W53', 'va', undefined, 'week'],
        ['GET', '/messages?filter=everything', 'owner', undefined, 'filter'],
        ['GET', '/trend?weeks=0', 'owner', undefined, 'weeks'],
        ['GET', '/tasks?week=2026-48', 'owner', undefined, 'week'],
        ['GET', '/export/tasks.csv?week=W48', 'va', undefined, 'week'],
        ['PUT', '/settings', 'owner', { windowHours: 0 }, 'windowHours'],
        ['PUT', '/settings', 'owner', { timeZone: 'Mars/Olympus' }, 'timeZone'],
        ['PUT', '/settings', 'owner', { colour: 'blue' }, 'colour'],
        ['PUT', '/settings/language', 'owner', { locale: 'fr' }, 'locale'],
        ['PUT', '/settings/language', 'owner', {}, 'locale'],
        ['PUT', '/messages/missed/mark', 'va', { reason: '  ' }, 'reason'],
        ['POST', '/leave', 'va', { from: '2026-11-20', to: '2026-11-19' }, 'to'],
        ['POST', '/leave', 'va', { from: '2026-13-01', to: '2026-12-01' }, 'from'],
      ];
      for (const [method, path, who, body, field] of cases) {
        const response = await call(method, path, who, body);
        expect(response.status, `${method} ${path}`).toBe(400);
        const json = await response.json();
        expect(json.error.code).toBe('invalid_request');
        expect(json.error.message).toContain(field);
        expect(json.error.message).not.toMatch(/\bat .*\.ts:\d+/);
      }
    });
  });

  describe('changes', () => {
    it('lets either mark a message "no reply needed" with a reason, audited, and the KPI follows; unmarking restores it', async () => {
      expect((await call('PUT', '/messages/no-such-message/mark', 'va', { reason: 'spam' })).status).toBe(404);
      expect((await call('PUT', '/messages/missed/mark', 'va', { reason: 'Answered by phone' })).status).toBe(200);
      const week = (await (await call('GET', `/week?week=${WEEK}`, 'owner')).json()).week;
      expect(week).toMatchObject({ counted: 1, onTime: 1, missed: 0, rate: 1, excluded: { marked: 1 } });
      const rows = (await (await call('GET', `/messages?week=${WEEK}&filter=marked`, 'owner')).json()).messages;
      expect(rows).toEqual([expect.objectContaining({ id: 'missed', reason: 'marked', mark: expect.objectContaining({ by: 'va', reason: 'Answered by phone' }) })]);
      expect((await call('DELETE', '/messages/missed/mark', 'owner')).status).toBe(200);
      expect((await (await call('GET', `/week?week=${WEEK}`, 'owner')).json()).week).toMatchObject({ counted: 2, missed: 1 });
      const actions = (await listAudit(db(), pairing.id)).map((entry) => [entry.action, entry.actor]);
      expect(actions).toEqual(expect.arrayContaining([['message_marked_no_reply', 'va'], ['message_unmarked', 'owner']]));
    });

    it('previews a settings change on past weeks, lets only the owner save it, and history recomputes', async () => {
      expect((await call('PUT', '/settings', 'va', { windowHours: 72 })).status).toBe(403);
      expect((await call('POST', '/settings/preview', 'va', { windowHours: 72 })).status).toBe(403);
      expect(await (await call('GET', '/settings', 'va')).json()).toMatchObject({ editable: false, settings: { windowHours: 24 } });

      const preview = await (await call('POST', '/settings/preview', 'owner', { windowHours: 72 })).json();
      expect(preview.current.at(-1)).toMatchObject({ week: WEEK, counted: 2, missed: 1 });
      expect(preview.proposed.at(-1)).toMatchObject({ week: WEEK, counted: 1, missed: 0, pending: 2 });
      // A preview saves nothing.
      expect((await (await call('GET', '/week', 'owner')).json()).week).toMatchObject({ missed: 1 });

      const saved = await call('PUT', '/settings', 'owner', { windowHours: 72 });
      expect(await saved.json()).toMatchObject({ settings: { windowHours: 72 } });
      expect((await (await call('GET', '/week', 'va')).json()).week).toMatchObject({ counted: 1, missed: 0, pending: 2 });
      expect((await listAudit(db(), pairing.id)).filter((entry) => entry.action === 'settings_updated')).toHaveLength(1);
      await call('PUT', '/settings', 'owner', { windowHours: 24 });
    });

    it('lists the owner’s and the VA’s plans and lists for both of them, asking Graph about the pairing’s two people', async () => {
      asked.length = 0;
      expect(await (await call('GET', '/settings/task-sources', 'owner')).json()).toEqual({ ...OFFERED, editable: true });
      expect(await (await call('GET', '/settings/task-sources', 'va')).json()).toEqual({ ...OFFERED, editable: false });
      expect(asked).toEqual([{ owner: pairing.owner.userId, va: pairing.va.userId }, { owner: pairing.owner.userId, va: pairing.va.userId }]);
      // Graph refusing (consent) or out of reach is an answer, not an error: the tab then offers "none" alone.
      listing = { choices: [], failure: 'consent' };
      const refused = await call('GET', '/settings/task-sources', 'owner');
      expect([refused.status, await refused.json()]).toEqual([200, { choices: [], failure: 'consent', editable: true }]);
      listing = OFFERED;
    });

    it('saves a task source the owner picks from the list, refuses one not on it (or any while Graph cannot list), and the VA cannot change it', async () => {
      expect((await call('PUT', '/settings', 'va', { taskSource: 'planner:planTeam' })).status).toBe(403);
      const saved = await call('PUT', '/settings', 'owner', { taskSource: 'planner:planTeam', taskTargetPct: 80 });
      expect(await saved.json()).toMatchObject({ settings: { taskSource: 'planner:planTeam', taskTargetPct: 80 } });
      expect(await (await call('GET', '/settings', 'va')).json()).toMatchObject({ editable: false, settings: { taskSource: 'planner:planTeam', taskTargetPct: 80 } });

      // A plan id from elsewhere: Tandem would read tasks neither person can see.
      const foreign = await call('PUT', '/settings', 'owner', { taskSource: 'planner:planOfSomeoneElse' });
      expect(foreign.status).toBe(400);
      expect((await foreign.json()).error.message).toMatch(/^taskSource: /);
      listing = { choices: [], failure: 'unavailable' };
      const unlisted = await call('PUT', '/settings', 'owner', { taskSource: 'todo:listErrands' });
      expect(unlisted.status).toBe(400);
      expect((await unlisted.json()).error.message).toContain('could not be listed');
      // Other settings still save while Graph is out of reach, and the chosen source stays; "none" is always allowed.
      expect(await (await call('PUT', '/settings', 'owner', { taskTargetPct: 85 })).json()).toMatchObject({ settings: { taskSource: 'planner:planTeam', taskTargetPct: 85 } });
      expect(await (await call('PUT', '/settings', 'owner', { taskSource: 'none' })).json()).toMatchObject({ settings: { taskSource: 'none' } });
      listing = OFFERED;
      expect((await listAudit(db(), pairing.id)).filter((entry) => entry.action === 'settings_updated' && JSON.stringify(entry.details).includes('taskSource')).map((entry) => entry.actor)).toEqual(['owner', 'owner']);
    });

    it("names a shared mailbox by its address where the chat's language follows it, and the owner's own mailbox as theirs", async () => {
      const shared = await pairingInTenant(db(), pairing.tenantId, { mailbox: 'info@contoso.example' });
      await recordSyncSuccess(db(), shared.id, 'mailbox_settings', { timeZone: 'UTC', workingHours: { daysOfWeek: [], startTime: '09:00', endTime: '17:00', timeZone: 'UTC' }, locale: 'da-DK' });
      const token = await issuer.sign({ tid: shared.tenantId, oid: shared.owner.userId!, upn: shared.owner.address });
      const read = async (id: string, bearer: string) => (await api.request(`/pairings/${id}/settings/language`, { headers: { authorization: `Bearer ${bearer}` } })).json();
      expect(await read(shared.id, token)).toMatchObject({ mailbox: 'da-DK', sharedMailbox: 'info@contoso.example', editable: true });
      // A mailbox the directory confirmed as the owner's own at set-up is theirs, whatever its address.
      const confirmed = await pairingInTenant(db(), pairing.tenantId, { mailbox: 'sales@contoso.example', mailboxApproval: 'own' });
      expect(await read(confirmed.id, await issuer.sign({ tid: confirmed.tenantId, oid: confirmed.owner.userId!, upn: confirmed.owner.address }))).toMatchObject({ sharedMailbox: null });
      expect(await read(pairing.id, tokens.owner)).toMatchObject({ sharedMailbox: null });
      // So is one of the owner's own addresses, an alias beside their primary one.
      const alias = await pairingInTenant(db(), pairing.tenantId, { mailbox: 'sales@contoso.example', owner: { address: 'kim@contoso.example', aliases: ['sales@contoso.example'], userId: randomUUID() } });
      expect(await read(alias.id, await issuer.sign({ tid: alias.tenantId, oid: alias.owner.userId!, upn: alias.owner.address }))).toMatchObject({ sharedMailbox: null });
    });

    it("lets only the owner choose the chat's language, and go back to the mailbox's", async () => {
      await recordSyncSuccess(db(), pairing.id, 'mailbox_settings', { timeZone: 'UTC', workingHours: { daysOfWeek: [], startTime: '09:00', endTime: '17:00', timeZone: 'UTC' }, locale: 'nl-BE' });
      expect(await (await call('GET', '/settings/language', 'va')).json()).toEqual({ locale: pairing.locale, chosen: false, mailbox: 'nl-BE', sharedMailbox: null, languages: ['en', 'da', 'nl', 'nb', 'de'], editable: false });
      expect((await call('PUT', '/settings/language', 'va', { locale: 'da' })).status).toBe(403);
      expect(await (await call('PUT', '/settings/language', 'owner', { locale: 'da' })).json()).toMatchObject({ locale: 'da', chosen: true, editable: true });
      expect(await (await call('GET', '/settings/language', 'va')).json()).toMatchObject({ locale: 'da', chosen: true });
      expect(await (await call('PUT', '/settings/language', 'owner', { locale: null })).json()).toMatchObject({ locale: 'nl-BE', chosen: false });
      expect((await listAudit(db(), pairing.id)).filter((entry) => entry.action === 'locale_updated').map((entry) => entry.actor)).toEqual(['owner', 'owner']);
    });

    it('lets the owner and the VA add and remove leave (audited), which pauses the clock', async () => {
      const added = await call('POST', '/leave', 'va', { from: '2026-11-23', to: '2026-11-24' });
      expect(added.status).toBe(201);
      const { id } = await added.json();
      const listed = await (await call('GET', '/leave', 'owner')).json();
      expect(listed).toEqual({ editable: true, leave: [{ id, start: at('2026-11-23T00:00:00Z'), end: at('2026-11-25T00:00:00Z'), createdBy: 'va' }] });
      // Mon 10:00 → Wed 12:00 is 50 h; minus the leave until Wed 00:00 leaves 12 h: no longer missed.
      expect((await (await call('GET', '/week', 'owner')).json()).week).toMatchObject({ missed: 0, pending: 2 });
      expect((await call('DELETE', `/leave/${id}`, 'owner')).status).toBe(200);
      expect((await call('DELETE', `/leave/${id}`, 'va')).status).toBe(404);
      expect((await (await call('GET', '/week', 'owner')).json()).week).toMatchObject({ missed: 1 });
      expect((await listAudit(db(), pairing.id)).filter((entry) => entry.action.startsWith('leave_')).map((entry) => [entry.action, entry.actor])).toEqual([
        ['leave_added', 'va'],
        ['leave_removed', 'owner'],
      ]);
    });

    it('exports the weekly KPIs and a week\'s messages as CSV', async () => {
      const weeks = await call('GET', '/export/weeks.csv?weeks=2', 'owner');
      expect(weeks.headers.get('content-type')).toContain('text/csv');
      const lines = (await weeks.text()).trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^week,start,end,counted,onTime,late,missed,pending,rate,met,/);
      expect(lines[2]).toMatch(/^2026-W48,2026-11-23,2026-11-29,2,1,0,1,1,0.5,false,360,360,1,/);
      const messages = (await (await call('GET', `/export/messages.csv?week=${WEEK}`, 'va')).text()).trim().split('\r\n');
      expect(messages).toHaveLength(5);
      expect(messages[2]).toBe('missed,2026-11-23T10:00:00.000Z,client@fabrikam.com,Invoice question,missed,,,,3000,,');
    });
  });

  it('ends a pairing whose mailbox has two dots in a row when its owner types that address', async () => {
    const dotted = await pairingInTenant(db(), pairing.tenantId, { mailbox: 'Sales..Desk@contoso.example' });
    const response = await api.request(`/pairings/${dotted.id}/offboard`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await issuer.sign({ tid: dotted.tenantId, oid: dotted.owner.userId!, upn: dotted.owner.address })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: ' sales..desk@Contoso.example' }),
    });
    expect(response.status).toBe(200);
    expect(await getPairing(db(), dotted.id)).toBeNull();
  });

  it('lets the owner or a tenant admin end a pairing after typing its mailbox; the VA, strangers and other tenants\' admins cannot', async () => {
    const ending = await pairingInTenant(db(), pairing.tenantId);
    const as = async (claims: Record<string, unknown>, body: unknown) =>
      api.request(`/pairings/${ending.id}/offboard`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await issuer.sign({ tid: ending.tenantId, oid: randomUUID(), ...claims })}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const confirm = { confirm: ending.mailbox.toUpperCase() };
    expect((await as({ oid: ending.va.userId!, upn: ending.va.address }, confirm)).status).toBe(403);
    expect((await as({ upn: 'someone@elsewhere.example' }, confirm)).status).toBe(403);
    // Another tenant's admin: refused before any role is looked at (the tenant is pinned).
    expect((await as({ upn: 'admin@elsewhere.example', tid: other.tenantId, roles: ['Tandem.Admin'] }, confirm)).status).toBe(401);
    // The owner's upn without the owner's oid is not the owner.
    expect((await as({ upn: ending.owner.address }, confirm)).status).toBe(403);
    const mistyped = await as({ oid: ending.owner.userId!, upn: ending.owner.address }, { confirm: 'owner@typo.example' });
    expect(mistyped.status).toBe(400);
    expect(await mistyped.json()).toEqual({ error: { code: 'invalid_request', message: `Type the mailbox address ${ending.mailbox} to confirm.` } });
    expect(await getPairing(db(), ending.id)).not.toBeNull();

    for (const notAnAddress of ['', 'yes', 'owner at typo.example']) {
      const refused = await as({ oid: ending.owner.userId!, upn: ending.owner.address }, { confirm: notAnAddress });
      expect(refused.status, notAnAddress).toBe(400);
      expect((await refused.json()).error.message).toBe(`Type the mailbox address ${ending.mailbox} to confirm.`);
    }
    expect(await getPairing(db(), ending.id)).not.toBeNull();

    const ended = await as({ upn: 'admin@tenant.example', roles: ['Tandem.Admin'] }, confirm);
    expect(ended.status).toBe(200);
    expect((await ended.json()).deleted).toMatchObject({ pairings: 1 });
    expect(await getPairing(db(), ending.id)).toBeNull();
    expect((await as({ oid: ending.owner.userId!, upn: ending.owner.address }, confirm)).status).toBe(403);
  });

  it('never leaks internals: an unexpected failure is a 500 with a reference only', async () => {
    const broken = createApiApp({ ...services(db()), db: db(), validateToken: issuer.validator(db(), log, pairing.tenantId), clock: { now: () => Number.NaN }, log });
    const response = await broken.request(`/pairings/${pairing.id}/week`, { headers: { authorization: `Bearer ${tokens.owner}` } });
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { code: 'internal', message: expect.stringMatching(/^Something went wrong \(reference [0-9a-f-]{36}\)\.$/) } });
  });
});

it('tests against a registration whose client id is a GUID, as Entra\'s are', () => {
  expect(TEST_CLIENT_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});
