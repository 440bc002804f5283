// The check-in form's refresh.userIds through the real app: Teams refreshes a card by itself for the users it
// names there by their MRI (the chat roster's `29:…` id), at most 60, never by Entra object id:
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
// The chat's set-up stores both people's MRIs from the roster; a pairing set up before that learns them from
// their turns. Each member's refresh (`adaptiveCard/action`, trigger `automatic`, as Teams sends it for everyone
// in a small chat) gets the view that person may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botRoute } from '../bot/adapter.ts';
import { silentLogger } from '../src/log.ts';
import { listAudit } from '../src/store/audit.ts';
import { createPairing, findPairingByConversation, getPairing, type Pairing } from '../src/store/pairings.ts';
import { ensureTenant } from '../src/store/tenants.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { actionActivity, chatUser, installActivity, messageActivity, TENANT_ID, type ChatOptions } from './support/bot-activities.ts';
import { startFakeConnector, type FakeConnector } from './support/bot-connector-fake.ts';
import { testEngines, useTestDatabase } from './support/databases.ts';
import { services } from './support/services.ts';

const NOW = Date.parse('2026-11-25T10:00:00Z');
/** The week the check-in on NOW asks about. */
const WEEK = '2026-W47';
const owner = chatUser('Olivia Owner', 'olivia@contoso.example');
const va = chatUser('Victor Assistant', 'victor@assist.example');
const bystander = chatUser('Bea Bystander', 'bea@contoso.example');

type Json = Record<string, unknown>;

function inputIds(card: Json): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const item = node as Json;
      if (typeof item.type === 'string' && item.type.startsWith('Input.')) ids.push(String(item.id));
      Object.values(item).forEach(walk);
    }
  };
  walk(card.body);
  return ids;
}

describe.each(testEngines())('refresh.userIds of the check-in form on %s', (engine) => {
  const db = useTestDatabase(engine);
  let connector: FakeConnector;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    const bot = botRoute({ ...services(db()), db: db(), clock: { now: () => NOW }, log: silentLogger, teamsAppId: null, consentUrl: async () => null }, null);
    app = createApp({ db: db(), jobsRunning: () => true, log: silentLogger, bot });
  });
  afterAll(async () => connector.close());

  async function send(activity: unknown): Promise<Json | null> {
    connector.clear();
    const response = await app.request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    const text = await response.text();
    return text === '' ? null : (JSON.parse(text) as Json);
  }
  /** The form as the `feedback` command posts it to the whole chat. */
  async function postedForm(chat: ChatOptions): Promise<Json> {
    await send(messageActivity(chat, owner, 'feedback'));
    const [posted] = connector.cards();
    return posted!.card;
  }
  /** The card Teams shows `who` after refreshing the posted one for them. */
  async function refreshedFor(chat: ChatOptions, who: typeof owner, pairing: Pairing): Promise<Json> {
    const body = await send(actionActivity(chat, who, 'feedback.refresh', { pairingId: pairing.id, week: WEEK }, 'form-1', 'automatic'));
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    return body!.value as Json;
  }

  it('names the owner and the VA by the MRIs the roster gave at set-up, and refreshes to each member’s own view', async () => {
    const chat: ChatOptions = { serviceUrl: connector.url, conversationId: '19:refresh-ids@thread.v2' };
    connector.setRoster(chat.conversationId, [owner, va, bystander]);
    await send(installActivity(chat, owner));
    const setup = { owner: owner.aadObjectId, va: va.aadObjectId, mailbox: '', timeZone: 'Europe/Copenhagen', workStart: '08:00', workEnd: '16:00', targetPct: '90', windowHours: '24', inboxZeroDay: 'friday', inboxZeroCutoff: '17:00' };
    await send(actionActivity(chat, owner, 'setup.submit', setup, 'welcome-1'));
    const pairing = (await findPairingByConversation(db(), chat.conversationId))!;
    expect(pairing).toMatchObject({ owner: { userId: owner.aadObjectId, mri: owner.id, name: 'Olivia Owner' }, va: { userId: va.aadObjectId, mri: va.id, name: 'Victor Assistant' } });

    const form = await postedForm(chat);
    expect(form.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'feedback.refresh', data: { pairingId: pairing.id, week: WEEK } }, userIds: [owner.id, va.id] });
    for (const id of (form.refresh as { userIds: string[] }).userIds) expect(id).toMatch(/^29:/);

    // The owner's questions (improve is the owner's own), the VA's (needFromOwner), both asked whether the targets
    // are fair, and for anyone else the shared card: who has answered, nothing to fill in.
    const ownerView = await refreshedFor(chat, owner, pairing);
    expect(inputIds(ownerView)).toEqual(expect.arrayContaining(['wentWell', 'improve', 'kpisFair']));
    expect(inputIds(ownerView)).not.toContain('needFromOwner');
    expect(inputIds(ownerView)).not.toContain('involved');
    const vaView = await refreshedFor(chat, va, pairing);
    expect(inputIds(vaView)).toEqual(expect.arrayContaining(['wentWell', 'needFromOwner', 'involved', 'kpisFair']));
    expect(inputIds(vaView)).not.toContain('improve');
    const otherView = await refreshedFor(chat, bystander, pairing);
    expect(inputIds(otherView)).toEqual([]);
    expect(otherView.body).toEqual(form.body);
    // Every view keeps refreshing for the same two MRIs.
    for (const view of [ownerView, vaView, otherView]) expect(view.refresh).toMatchObject({ userIds: [owner.id, va.id] });
  });

  /** A pairing in `chat` as migration 010 leaves one the chat set up earlier: object ids and the chat, no MRIs. */
  const pairingWithoutMris = (chat: ChatOptions) =>
    createPairing(db(), {
      tenantId: TENANT_ID,
      mailbox: 'olivia@contoso.example',
      owner: { address: owner.email, userId: owner.aadObjectId },
      va: { address: va.email, userId: va.aadObjectId },
      conversationRef: { serviceUrl: connector.url, conversation: { id: chat.conversationId } },
    });

  it('learns the MRIs of a pairing set up before they were stored from their own turns, and names only those it knows', async () => {
    const chat: ChatOptions = { serviceUrl: connector.url, conversationId: '19:refresh-learned@thread.v2' };
    connector.setRoster(chat.conversationId, [owner, va, bystander]);
    await ensureTenant(db(), { id: TENANT_ID, name: 'Contoso', verifiedDomains: [] });
    const pairing = await pairingWithoutMris(chat);
    expect(pairing.owner.mri).toBeNull();

    // The owner's own message shows their MRI; the VA has not spoken, so she is left out rather than named by object id.
    const form = await postedForm(chat);
    expect((await getPairing(db(), pairing.id))!.owner).toMatchObject({ mri: owner.id, name: 'Olivia Owner' });
    expect(form.refresh).toMatchObject({ userIds: [owner.id] });
    // A bystander's turn teaches nothing about the pairing's people.
    await refreshedFor(chat, bystander, pairing);
    expect((await getPairing(db(), pairing.id))!.va.mri).toBeNull();

    const vaView = await refreshedFor(chat, va, pairing);
    expect((await getPairing(db(), pairing.id))!.va).toMatchObject({ mri: va.id, name: 'Victor Assistant' });
    expect(vaView.refresh).toMatchObject({ userIds: [owner.id, va.id] });
    expect((await postedForm(chat)).refresh).toMatchObject({ userIds: [owner.id, va.id] });
    // One audit line per id learned, none for the turns that showed a known one again.
    const learned = (await listAudit(db(), pairing.id)).filter((line) => line.action === 'chat_ids_learned');
    expect(learned.map((line) => line.details)).toEqual([{ roles: ['owner'] }, { roles: ['va'] }]);

    // A new display name is learned from the next turn; the Teams id stays.
    await send(messageActivity(chat, { ...va, name: 'Victoria Assistant' }, 'feedback'));
    expect((await getPairing(db(), pairing.id))!.va).toMatchObject({ mri: va.id, name: 'Victoria Assistant' });
  });

  it('leaves refresh out while neither MRI is known, so no card names people by object id', async () => {
    const chat: ChatOptions = { serviceUrl: connector.url, conversationId: '19:refresh-none@thread.v2' };
    await ensureTenant(db(), { id: TENANT_ID, name: 'Contoso', verifiedDomains: [] });
    const pairing = await pairingWithoutMris(chat);
    // The bystander asks for the form: neither side's MRI has been seen.
    await send(messageActivity(chat, bystander, 'feedback'));
    const form = connector.cards()[0]!.card;
    expect(form.refresh).toBeUndefined();
    expect(JSON.stringify(form)).not.toContain(owner.aadObjectId);
    expect((await getPairing(db(), pairing.id))!.owner.mri).toBeNull();
  });
});
