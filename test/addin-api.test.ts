// The Outlook add-in's API through the real app, on every database engine: the tab's token matrix (Entra's v2.0
// token accepted, v1.0 and every forgery 401, a missing scope 403) and per-pairing authorisation by oid, the message Outlook shows found by its Message-ID with exactly the engine's figures, the
// empty states (no pairing, not synced yet, not a Tandem mailbox) and "no reply needed" through the mark route.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../src/api/api-app.ts';
import { kpiFor, rowsFor } from '../src/reports/reports.ts';
import { weekPeriod } from '../src/kpi/weeks.ts';
import type { PaneMatch } from '../src/reports/pane.ts';
import { listAudit } from '../src/store/audit.ts';
import { upsertMessages } from '../src/store/messages.ts';
import type { Pairing } from '../src/store/pairings.ts';
import { recordSyncSuccess } from '../src/store/sync-state.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { at, inbound, reply } from './support/mail.ts';
import { newTestPairing, pairingInTenant } from './support/pairings.ts';
import { recordingLogger, testIssuer, type TestIssuer } from './support/tab-tokens.ts';
import { tokenMatrix } from './support/token-refusals.ts';
import { services } from './support/services.ts';

/** Wednesday of ISO week 2026-W48. */
const NOW = at('2026-11-25T12:00:00Z');
const WEEK = '2026-W48';
const ZONE = 'Europe/Copenhagen';
const mid = (name: string) => `<${name}@mail.fabrikam.example>`;

describe.each(testEngines())('add-in API on %s', (engine) => {
  const db = useTestDatabase(engine);
  const log = recordingLogger();
  let issuer: TestIssuer;
  let pairing: Pairing;
  /** Another pairing of the configured tenant. */
  let other: Pairing;
  /** A tenant the store knows that the API is not configured for. */
  let foreignTenant: string;
  let api: ReturnType<typeof createApiApp>;
  const tokens: Record<'owner' | 'va' | 'stranger' | 'colleague', string> = { owner: '', va: '', stranger: '', colleague: '' };

  const read = (as: keyof typeof tokens | null, query: string) =>
    api.request(`/addin/message?${query}`, { headers: as === null ? {} : { authorization: `Bearer ${tokens[as]}` } });
  const found = async (as: keyof typeof tokens, name: string): Promise<PaneMatch> => {
    const body = await (await read(as, `internetMessageId=${encodeURIComponent(mid(name))}`)).json();
    expect(body.state).toBe('found');
    expect(body.matches).toHaveLength(1);
    return body.matches[0];
  };
  const mark = (as: keyof typeof tokens, method: 'PUT' | 'DELETE', pairingId: string, messageId: string) =>
    api.request(`/pairings/${pairingId}/messages/${encodeURIComponent(messageId)}/mark`, {
      method,
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/json' },
      body: method === 'PUT' ? JSON.stringify({ reason: 'Marked from Outlook' }) : undefined,
    });

  beforeAll(async () => {
    issuer = await testIssuer();
    pairing = await newTestPairing(db(), { tenantId: randomUUID(), settings: { timeZone: ZONE } });
    other = await pairingInTenant(db(), pairing.tenantId);
    foreignTenant = (await newTestPairing(db(), { tenantId: randomUUID() })).tenantId;
    const to = [pairing.mailbox];
    await upsertMessages(db(), pairing.id, [
      inbound('2026-11-23T09:00:00Z', { id: 'answered', to, internetMessageId: mid('answered'), conversationId: 'conv-a' }),
      reply('2026-11-23T15:00:00Z', 'conv-a', { id: 'answer', from: pairing.owner.address, sender: pairing.va.address, internetMessageId: mid('answer') }),
      inbound('2026-11-23T10:00:00Z', { id: 'missed', to, internetMessageId: mid('missed'), conversationId: 'conv-b', subject: 'Invoice question' }),
      inbound('2026-11-25T10:00:00Z', { id: 'pending', to, internetMessageId: mid('pending'), conversationId: 'conv-b', subject: 'RE: Invoice question' }),
      inbound('2026-11-24T08:00:00Z', { id: 'newsletter', to, automatic: true, internetMessageId: mid('newsletter') }),
      inbound('2026-11-18T09:00:00Z', { id: 'last-week', to, internetMessageId: mid('last-week'), conversationId: 'conv-c' }),
      reply('2026-11-19T10:00:00Z', 'conv-c', { from: pairing.owner.address, sender: null }),
    ]);
    await recordSyncSuccess(db(), pairing.id, 'mailbox', { version: 1 });
    api = createApiApp({ ...services(db()), db: db(), validateToken: issuer.validator(db(), log, pairing.tenantId), clock: { now: () => NOW }, log });
    tokens.owner = await issuer.sign({ tid: pairing.tenantId, oid: pairing.owner.userId!, upn: pairing.owner.address, name: 'Owner' });
    tokens.va = await issuer.sign({ tid: pairing.tenantId, oid: pairing.va.userId!, upn: pairing.va.address, name: 'VA' });
    tokens.stranger = await issuer.sign({ tid: pairing.tenantId, oid: other.owner.userId!, upn: other.owner.address });
    tokens.colleague = await issuer.sign({ tid: pairing.tenantId, oid: randomUUID(), upn: `colleague@${pairing.mailbox.split('@')[1]}` });
  });

  describe('tokens and authorisation', () => {
    it('answers the tab\'s token matrix: the owner sees the message, nobody else does, every forgery is 401 at its step and a missing scope 403', async () => {
      const cases = await tokenMatrix(issuer, pairing.tenantId, { oid: pairing.owner.userId!, upn: pairing.owner.address }, foreignTenant);
      for (const { what, token, expected } of cases) {
        log.lines.length = 0;
        const response = await api.request(`/addin/message?internetMessageId=${encodeURIComponent(mid('missed'))}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
        const body = await response.json();
        if ('as' in expected) {
          // The pane answers who it can; someone who is nobody in the pairing learns nothing about the message.
          expect(response.status, what).toBe(200);
          if (expected.as === 'owner') expect(body, what).toMatchObject({ state: 'found', matches: [{ pairing: { id: pairing.id, role: 'owner' } }] });
          else expect(body, what).toEqual({ state: 'noPairing', pairings: [] });
          continue;
        }
        expect(response.status, what).toBe(expected.status);
        expect(response.headers.get('www-authenticate'), what).toContain(expected.status === 401 ? 'invalid_token' : 'insufficient_scope');
        expect(body, what).toEqual({ error: { code: expected.status === 401 ? 'unauthenticated' : 'insufficient_scope', message: expect.any(String) } });
        expect(log.lines, what).toContainEqual(expect.objectContaining({ event: 'api_token_refused', fields: expect.objectContaining({ step: expected.step }) }));
      }
    });

    it('shows a message only to its pairing\'s owner and VA: others learn nothing about it and cannot mark it', async () => {
      for (const who of ['stranger', 'colleague'] as const) {
        const body = await (await read(who, `internetMessageId=${encodeURIComponent(mid('missed'))}`)).json();
        expect(body.state).not.toBe('found');
        expect(JSON.stringify(body)).not.toContain('Invoice');
        expect(JSON.stringify(body)).not.toContain(pairing.id);
        const marked = await mark(who, 'PUT', pairing.id, 'missed');
        expect(marked.status).toBe(403);
        expect(await marked.json()).toMatchObject({ error: { code: 'forbidden' } });
      }
    });

    it('answers 400 naming the field', async () => {
      for (const query of ['', 'internetMessageId=', `internetMessageId=x&receivedAt=yesterday`]) {
        const response = await read('va', query);
        expect(response.status, query).toBe(400);
        const body = await response.json();
        expect(body.error.code).toBe('invalid_request');
        expect(body.error.message).toMatch(/internetMessageId|receivedAt/);
      }
    });
  });

  describe('the message Outlook shows', () => {
    it('gives the engine\'s row, the conversation\'s other waiting mail and this week\'s rate, to the owner and the VA alike', async () => {
      const rows = await rowsFor(db(), pairing, weekPeriod(WEEK), NOW);
      const week = (await kpiFor(db(), pairing, weekPeriod(WEEK), NOW)).weeks[0]!;
      for (const who of ['owner', 'va'] as const) {
        const match = await found(who, 'pending');
        expect(match.pairing).toEqual({ id: pairing.id, mailbox: pairing.mailbox, role: who, partner: who === 'owner' ? pairing.va.address : pairing.owner.address, timeZone: ZONE, clock: 'calendar', windowHours: 24, noReplyCategory: 'No reply needed', lastSyncAt: expect.any(Number) });
        expect(match.message).toEqual({ ...JSON.parse(JSON.stringify(rows.find((row) => row.id === 'pending'))), answeredBy: null });
        expect(match.conversationWaiting).toEqual([JSON.parse(JSON.stringify(rows.find((row) => row.id === 'missed')))]);
        expect(match.week).toEqual({ week: WEEK, rate: week.rate, met: week.met, targetPct: 90, counted: week.counted, onTime: week.onTime, pending: week.pending });
      }
      // Hand-checked against the spec: 2 h waited of 24, 22 h left; one on time of two counted.
      expect((await found('va', 'pending')).message).toMatchObject({ status: 'pending', clockMinutes: 120, remainingMinutes: 22 * 60 });
      expect(week).toMatchObject({ counted: 2, onTime: 1, rate: 0.5, met: false });
    });

    it('says who answered and when, counted or excluded with the reason, across weeks', async () => {
      expect((await found('owner', 'answered')).message).toMatchObject({ status: 'onTime', answeredBy: 'va', answeredAt: at('2026-11-23T15:00:00Z'), clockMinutes: 360 });
      const lastWeek = await found('owner', 'last-week');
      expect(lastWeek.message).toMatchObject({ status: 'late', answeredBy: 'owner', clockMinutes: 25 * 60 });
      expect(lastWeek.week.week).toBe(WEEK);
      expect((await found('owner', 'newsletter')).message).toMatchObject({ status: null, reason: 'auto' });
      // Mail the mailbox sent is found but not measured.
      expect((await found('va', 'answer')).message).toBeNull();
    });

    it('tells "not synced yet" from "not a Tandem mailbox" from "no pairing at all"', async () => {
      const unknown = `internetMessageId=${encodeURIComponent(mid('elsewhere'))}`;
      // The sync records its success at the database's own time; mail that arrived after it may be on its way.
      const afterSync = new Date(Date.now() + 60_000).toISOString();
      expect(await (await read('va', `${unknown}&receivedAt=${afterSync}`)).json()).toMatchObject({ state: 'notSynced', pairings: [{ id: pairing.id, lastSyncAt: expect.any(Number) }] });
      expect(await (await read('va', `${unknown}&receivedAt=2020-01-01T00:00:00Z`)).json()).toMatchObject({ state: 'notTandem' });
      // The other pairing never synced: anything may still be on its way.
      expect(await (await read('stranger', unknown)).json()).toMatchObject({ state: 'notSynced', pairings: [{ id: other.id, lastSyncAt: null }] });
      expect(await (await read('colleague', unknown)).json()).toEqual({ state: 'noPairing', pairings: [] });
    });
  });

  it('"no reply needed" through the mark route excludes the message at once (audited), and undo restores it', async () => {
    const before = await found('va', 'missed');
    expect((await mark('va', 'PUT', before.pairing.id, before.messageId)).status).toBe(200);
    const marked = await found('owner', 'missed');
    expect(marked.message).toMatchObject({ status: null, reason: 'marked', mark: { by: 'va', reason: 'Marked from Outlook' } });
    expect(marked.week.counted).toBe(before.week.counted - 1);
    expect((await found('owner', 'pending')).conversationWaiting).toEqual([]);
    expect((await mark('owner', 'DELETE', before.pairing.id, before.messageId)).status).toBe(200);
    expect((await found('va', 'missed')).message).toMatchObject({ status: 'missed', reason: null, mark: null });
    const actions = (await listAudit(db(), pairing.id)).map((entry) => [entry.action, entry.actor]);
    expect(actions).toEqual(expect.arrayContaining([['message_marked_no_reply', 'va'], ['message_unmarked', 'owner']]));
  });
});
