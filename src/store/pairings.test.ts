// Pairings on both engines: addresses normalised, settings validated on write and read, edits audited.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsError } from '../kpi/settings.ts';
import { testEngines, useTestDatabase } from '../../test/support/databases.ts';
import { newTestPairing } from '../../test/support/pairings.ts';
import { listAudit } from './audit.ts';
import { NotFoundError } from './not-found-error.ts';
import {
  chooseLocale,
  createPairing,
  followMailboxLocale,
  getPairing,
  listActivePairings,
  pairingPeople,
  setConversationRef,
  stopPairing,
  updateSettings,
  type Pairing,
} from './pairings.ts';
import { ensureTenant } from './tenants.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testEngines())('pairings on %s', (engine) => {
  const db = useTestDatabase(engine);

  it('stores a pairing with lower-cased addresses and default settings, and reads it back', async () => {
    await ensureTenant(db(), { id: 'tenant-create', name: 'Contoso', verifiedDomains: ['contoso.com'] });
    const created = await createPairing(db(), {
      tenantId: 'tenant-create',
      mailbox: ' Owner@Contoso.com ',
      owner: { address: 'Owner@Contoso.com', aliases: ['O.Wner@Contoso.com', 'owner@contoso.com'], userId: 'entra-owner' },
      va: { address: 'VA@Contoso.com' },
      settings: { windowHours: 12, timeZone: 'W. Europe Standard Time' },
    });
    expect(created).toMatchObject({
      tenantId: 'tenant-create',
      mailbox: 'owner@contoso.com',
      owner: { address: 'owner@contoso.com', aliases: ['o.wner@contoso.com'], userId: 'entra-owner' },
      va: { address: 'va@contoso.com', aliases: [], userId: null },
      conversationRef: null,
      settings: { ...DEFAULT_SETTINGS, windowHours: 12, timeZone: 'W. Europe Standard Time' },
      locale: 'en',
      localeChosen: false,
      stoppedAt: null,
    });
    expect(Math.abs(created.createdAt - Date.now())).toBeLessThan(60_000);
    expect(await getPairing(db(), created.id)).toEqual(created);
  });

  it('refuses invalid settings and an unknown tenant without storing anything', async () => {
    const before = await db().query<{ n: number }>('select count(*)::int as n from pairings');
    const input = { tenantId: 'tenant-create', mailbox: 'a@contoso.com', owner: { address: 'a@contoso.com' }, va: { address: 'b@contoso.com' } };
    await expect(createPairing(db(), { ...input, settings: { windowHours: 200 } })).rejects.toThrow(SettingsError);
    await expect(createPairing(db(), { ...input, tenantId: 'no-such-tenant' })).rejects.toThrow(NotFoundError);
    expect(await db().query<{ n: number }>('select count(*)::int as n from pairings')).toEqual(before);
  });

  it('finds nothing for an unknown or malformed id', async () => {
    expect(await getPairing(db(), UNKNOWN_ID)).toBeNull();
    expect(await getPairing(db(), 'not-a-uuid')).toBeNull();
    await expect(setConversationRef(db(), UNKNOWN_ID, {})).rejects.toThrow(NotFoundError);
    await expect(stopPairing(db(), 'not-a-uuid')).rejects.toThrow(NotFoundError);
    await expect(updateSettings(db(), UNKNOWN_ID, { windowHours: 8 }, 'owner')).rejects.toThrow(NotFoundError);
  });

  it('lists active pairings by id and keeps the first stop instant', async () => {
    const [a, b, c] = [await newTestPairing(db()), await newTestPairing(db()), await newTestPairing(db())];
    await stopPairing(db(), b.id);
    const stopped = (await getPairing(db(), b.id))!.stoppedAt;
    expect(stopped).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await stopPairing(db(), b.id);
    expect((await getPairing(db(), b.id))!.stoppedAt).toBe(stopped);

    const active = await listActivePairings(db());
    const ids = active.map((pairing) => pairing.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining([a.id, c.id]));
    expect(ids).not.toContain(b.id);
  });

  it('changes only the settings given, validates them and audits old and new values', async () => {
    const pairing = await newTestPairing(db(), { settings: { timeZone: 'Europe/Copenhagen' } });
    const updated = await updateSettings(db(), pairing.id, { windowHours: 8, clock: 'working' }, 'owner');
    expect(updated.settings).toEqual({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Copenhagen', windowHours: 8, clock: 'working' });
    expect((await getPairing(db(), pairing.id))!.settings).toEqual(updated.settings);

    await expect(updateSettings(db(), pairing.id, { windowHours: 0 }, 'va')).rejects.toThrow(/windowHours must be a whole number from 1 to 168/);
    await expect(updateSettings(db(), pairing.id, 'windowHours=8', 'va')).rejects.toThrow(SettingsError);
    // Setting the same values again changes nothing and is not audited.
    await updateSettings(db(), pairing.id, { windowHours: 8 }, 'cli');
    expect((await getPairing(db(), pairing.id))!.settings).toEqual(updated.settings);

    const audit = await listAudit(db(), pairing.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      tenantId: pairing.tenantId,
      pairingId: pairing.id,
      actor: 'owner',
      action: 'settings_updated',
      details: { old: { windowHours: 24, clock: 'calendar' }, new: { windowHours: 8, clock: 'working' } },
    });
  });

  it('stores and clears the conversation reference', async () => {
    const pairing = await newTestPairing(db());
    const ref = { serviceUrl: 'https://smba.example/emea/', conversation: { id: '19:abc@thread.v2' } };
    await setConversationRef(db(), pairing.id, ref);
    expect((await getPairing(db(), pairing.id))!.conversationRef).toEqual(ref);
    await setConversationRef(db(), pairing.id, null);
    expect((await getPairing(db(), pairing.id))!.conversationRef).toBeNull();
  });

  it("follows the mailbox's language until the owner chooses one, and back again when they clear it", async () => {
    const pairing = await newTestPairing(db());
    expect(pairing).toMatchObject({ locale: 'en', localeChosen: false });
    expect(await followMailboxLocale(db(), pairing.id, 'da_dk')).toBe(true);
    expect(await getPairing(db(), pairing.id)).toMatchObject({ locale: 'da-DK', localeChosen: false });
    expect(await followMailboxLocale(db(), pairing.id, 'da-DK')).toBe(false);
    expect(await followMailboxLocale(db(), pairing.id, 'not a tag!')).toBe(false);

    expect(await chooseLocale(db(), pairing.id, 'nl', 'da-DK', 'owner')).toMatchObject({ locale: 'nl', localeChosen: true });
    expect(await followMailboxLocale(db(), pairing.id, 'de-DE')).toBe(false);
    expect((await getPairing(db(), pairing.id))!.locale).toBe('nl');

    expect(await chooseLocale(db(), pairing.id, null, 'de-DE', 'owner')).toMatchObject({ locale: 'de-DE', localeChosen: false });
    const audit = (await listAudit(db(), pairing.id)).filter((entry) => entry.action === 'locale_updated');
    expect(audit.map((entry) => [entry.actor, entry.details])).toEqual([
      ['system', { old: 'en', new: 'da-DK', chosen: false }],
      ['owner', { old: 'da-DK', new: 'nl', chosen: true }],
      ['owner', { old: 'nl', new: 'de-DE', chosen: false }],
    ]);
  });

  it('refuses a malformed language tag or an unknown pairing without changing anything', async () => {
    const pairing = await newTestPairing(db());
    await expect(chooseLocale(db(), pairing.id, 'xx yy', null, 'owner')).rejects.toThrow(SettingsError);
    await expect(chooseLocale(db(), UNKNOWN_ID, 'da', null, 'owner')).rejects.toThrow(NotFoundError);
    expect(await getPairing(db(), pairing.id)).toMatchObject({ locale: 'en', localeChosen: false });
    // Clearing a choice nobody made, with no mailbox language read yet, changes nothing and audits nothing.
    expect(await chooseLocale(db(), pairing.id, null, null, 'owner')).toEqual(pairing);
    expect((await listAudit(db(), pairing.id)).filter((entry) => entry.action === 'locale_updated')).toEqual([]);
  });

  it('refuses to read a pairing whose stored settings became invalid', async () => {
    const pairing = await newTestPairing(db());
    await db().execute(`update pairings set settings = settings || '{"windowHours": 500}' where id = $1`, [pairing.id]);
    await expect(getPairing(db(), pairing.id)).rejects.toThrow(SettingsError);
  });
});

describe('pairingPeople', () => {
  const pairing: Pairing = {
    id: UNKNOWN_ID,
    tenantId: 't',
    mailbox: 'owner@contoso.com',
    owner: { address: 'owner@contoso.com', aliases: ['o@contoso.com'], userId: null, mri: null, name: null },
    va: { address: 'va@assist.example', aliases: ['va2@assist.example'], userId: null, mri: null, name: null },
    conversationRef: null,
    settings: DEFAULT_SETTINGS,
    locale: 'en',
    localeChosen: false,
    mailboxApproval: 'operator',
    createdAt: 0,
    stoppedAt: null,
  };

  it('lists every address of each person and the verified domains', () => {
    expect(pairingPeople(pairing, ['Contoso.com', 'contoso.onmicrosoft.com'])).toEqual({
      mailbox: ['owner@contoso.com'],
      owner: ['owner@contoso.com', 'o@contoso.com'],
      va: ['va@assist.example', 'va2@assist.example'],
      internalDomains: ['contoso.com', 'contoso.onmicrosoft.com'],
    });
  });

  it("falls back to the mailbox's domain without verified domains", () => {
    expect(pairingPeople(pairing, []).internalDomains).toEqual(['contoso.com']);
  });
});
