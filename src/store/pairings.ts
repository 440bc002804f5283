// Pairings: one owner's mailbox, the owner and their VA, the chat Tandem posts to, and the KPI settings,
// validated with the spec's rules on every write and every read.
import type { PairingPeople } from '../kpi/message.ts';
import { canonicalLocale } from '../i18n/locales.ts';
import { parseSettings, SettingsError, type Settings } from '../kpi/settings.ts';
import { atomically } from './atomically.ts';
import { appendAudit } from './audit.ts';
import type { Queryable } from './database.ts';
import { prepared } from './prepared.ts';
import { isoInstant, millis, millisOrNull } from './instants.ts';
import { NotFoundError } from './not-found-error.ts';

export interface Person {
  /** Lower-cased SMTP address. */
  readonly address: string;
  /** More lower-cased addresses of the same person (proxy addresses). */
  readonly aliases: string[];
  /** Entra object id, once known. */
  readonly userId: string | null;
  /** Teams user id in the pairing's chat (the roster's `29:…` id, migration 010), once the bot has seen it. */
  readonly mri: string | null;
  /** Display name as Teams shows it (migration 013), once the chat has shown it. */
  readonly name: string | null;
}

/** Every address of the person, the primary one first, lower-cased. */
export const addressesOf = (person: Person): readonly string[] => [person.address, ...person.aliases];

export interface Pairing {
  readonly id: string;
  readonly tenantId: string;
  /** Lower-cased SMTP address of the measured mailbox. */
  readonly mailbox: string;
  readonly owner: Person;
  readonly va: Person;
  /** Teams conversation reference for proactive posts; parsed by whoever posts. */
  readonly conversationRef: unknown | null;
  readonly settings: Settings;
  /** The language of what Tandem posts to the shared chat: a locale tag such as `da-DK`. */
  readonly locale: string;
  /** Whether the owner chose `locale`; until then it follows the mailbox's language. */
  readonly localeChosen: boolean;
  /** Who allowed Tandem to read the mailbox (migration 008); null: waiting for a tenant admin, not synced. */
  readonly mailboxApproval: MailboxApproval | null;
  readonly createdAt: number;
  /** When the bot left the chat: schedules stop, data stays until offboarding. */
  readonly stoppedAt: number | null;
}

export type MailboxApproval = 'own' | 'admin' | 'operator';

export interface PersonInput {
  readonly address: string;
  readonly aliases?: readonly string[];
  readonly userId?: string | null;
  readonly mri?: string | null;
  readonly name?: string | null;
}

export interface NewPairing {
  readonly tenantId: string;
  readonly mailbox: string;
  readonly owner: PersonInput;
  readonly va: PersonInput;
  /** Any of the spec's settings by name; the rest take their defaults. */
  readonly settings?: unknown;
  readonly locale?: string;
  readonly conversationRef?: unknown;
  /** For imports and tests that recreate a pairing's history; default: the database's now(). */
  readonly createdAt?: number;
  /** Who allowed reading the mailbox; default 'operator' (the CLI, the local demo, tests); null: an admin must approve. */
  readonly mailboxApproval?: MailboxApproval | null;
}

export type SettingsActor = 'owner' | 'va' | 'cli';

const DEFAULT_LOCALE = 'en';
/** Only a string shaped like a uuid can name a pairing; anything else is simply not found. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `id, tenant_id, mailbox, owner_address, owner_aliases, owner_user_id, owner_mri, owner_name, va_address, va_aliases, va_user_id, va_mri, va_name,
  conversation_ref, settings, locale, locale_chosen, mailbox_approval, created_at, stopped_at`;

interface PairingRow {
  id: string;
  tenant_id: string;
  mailbox: string;
  owner_address: string;
  owner_aliases: string[];
  owner_user_id: string | null;
  owner_mri: string | null;
  owner_name: string | null;
  va_address: string;
  va_aliases: string[];
  va_user_id: string | null;
  va_mri: string | null;
  va_name: string | null;
  conversation_ref: unknown;
  settings: unknown;
  locale: string;
  locale_chosen: boolean;
  mailbox_approval: MailboxApproval | null;
  created_at: Date;
  stopped_at: Date | null;
}

function toPairing(row: PairingRow): Pairing {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    mailbox: row.mailbox,
    owner: { address: row.owner_address, aliases: row.owner_aliases, userId: row.owner_user_id, mri: row.owner_mri, name: row.owner_name },
    va: { address: row.va_address, aliases: row.va_aliases, userId: row.va_user_id, mri: row.va_mri, name: row.va_name },
    conversationRef: row.conversation_ref ?? null,
    settings: parseSettings(row.settings),
    locale: row.locale,
    localeChosen: row.locale_chosen,
    mailboxApproval: row.mailbox_approval,
    createdAt: millis(row.created_at),
    stoppedAt: millisOrNull(row.stopped_at),
  };
}

const normalizeAddress = (address: string): string => address.trim().toLowerCase();

function normalizePerson(person: PersonInput): Person {
  const address = normalizeAddress(person.address);
  const aliases = [...new Set((person.aliases ?? []).map(normalizeAddress))].filter((alias) => alias !== '' && alias !== address);
  return { address, aliases, userId: person.userId ?? null, mri: person.mri ?? null, name: person.name ?? null };
}

export async function createPairing(db: Queryable, input: NewPairing): Promise<Pairing> {
  const settings = parseSettings(input.settings);
  const owner = normalizePerson(input.owner);
  const va = normalizePerson(input.va);
  return atomically(db, async (tx) => {
    const tenant = await tx.query('select 1 from tenants where id = $1', [input.tenantId]);
    if (tenant.length === 0) throw new NotFoundError('tenant', input.tenantId);
    const [row] = await tx.query<PairingRow>(
      `insert into pairings (tenant_id, mailbox, owner_address, owner_aliases, owner_user_id, va_address, va_aliases, va_user_id,
                             conversation_ref, settings, locale, created_at, mailbox_approval, owner_mri, va_mri, owner_name, va_name)
       values ($1, $2, $3, $4::text[], $5, $6, $7::text[], $8, $9::jsonb, $10::jsonb, $11, coalesce($12::timestamptz, now()), $13, $14, $15, $16, $17)
       returning ${COLUMNS}`,
      [
        input.tenantId,
        normalizeAddress(input.mailbox),
        owner.address,
        owner.aliases,
        owner.userId,
        va.address,
        va.aliases,
        va.userId,
        input.conversationRef === undefined || input.conversationRef === null ? null : JSON.stringify(input.conversationRef),
        JSON.stringify(settings),
        canonicalLocale(input.locale) ?? DEFAULT_LOCALE,
        input.createdAt === undefined ? null : isoInstant(input.createdAt),
        input.mailboxApproval === undefined ? 'operator' : input.mailboxApproval,
        owner.mri,
        va.mri,
        owner.name,
        va.name,
      ],
    );
    return toPairing(row!);
  });
}

/** Whether `id` can name a pairing at all (ids are uuids). */
export function isPairingId(id: string): boolean {
  return UUID.test(id);
}

const PAIRING = prepared('pairing', `select ${COLUMNS} from pairings where id = $1`);
const PAIRINGS_NAMING = prepared(
  'pairings-naming',
  `select ${COLUMNS} from pairings where tenant_id = $1 and (owner_user_id = $2 or va_user_id = $2) order by created_at, id`,
);

async function readPairing(db: Queryable, id: string, lock: 'for update' | ''): Promise<Pairing | null> {
  if (!isPairingId(id)) return null;
  const [row] = await db.query<PairingRow>(lock === '' ? PAIRING : `${PAIRING.text} ${lock}`, [id]);
  return row === undefined ? null : toPairing(row);
}

export function getPairing(db: Queryable, id: string): Promise<Pairing | null> {
  return readPairing(db, id, '');
}

/** Reads the pairing and locks its row until the caller's transaction ends. */
function lockPairing(tx: Queryable, id: string): Promise<Pairing | null> {
  return readPairing(tx, id, 'for update');
}

/** Like getPairing, for changes: an unknown pairing is an error. */
export async function requirePairing(db: Queryable, id: string): Promise<Pairing> {
  const pairing = await getPairing(db, id);
  if (pairing === null) throw new NotFoundError('pairing', id);
  return pairing;
}

/** Pairings whose schedules run (not stopped), ordered by id. */
export async function listActivePairings(db: Queryable): Promise<Pairing[]> {
  const rows = await db.query<PairingRow>(`select ${COLUMNS} from pairings where stopped_at is null order by id`);
  return rows.map(toPairing);
}

/** Every pairing, stopped ones included, oldest first (what an administrator lists). */
export async function listPairings(db: Queryable): Promise<Pairing[]> {
  const rows = await db.query<PairingRow>(`select ${COLUMNS} from pairings order by created_at, id`);
  return rows.map(toPairing);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings that differ, as `{ old, new }` maps of just those fields. */
function settingsChange(before: Settings, after: Settings): { old: Record<string, unknown>; new: Record<string, unknown> } {
  const old: Record<string, unknown> = {};
  const next: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof Settings>) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    old[key] = before[key];
    next[key] = after[key];
  }
  return { old, new: next };
}

/**
 * Changes some or all settings (fields not given keep their value), validated by the spec's rules; audits the
 * fields that changed with their old and new values. Throws SettingsError or NotFoundError.
 */
export async function updateSettings(db: Queryable, id: string, settings: unknown, actor: SettingsActor): Promise<Pairing> {
  if (!isPlainObject(settings)) throw new SettingsError(['settings must be an object of settings by name']);
  return atomically(db, async (tx) => {
    // Lock the row so two concurrent edits each audit against the value they replaced.
    const locked = await lockPairing(tx, id);
    if (locked === null) throw new NotFoundError('pairing', id);
    const next = parseSettings({ ...locked.settings, ...settings });
    const change = settingsChange(locked.settings, next);
    if (Object.keys(change.new).length === 0) return locked;
    const [row] = await tx.query<PairingRow>(`update pairings set settings = $2::jsonb where id = $1 returning ${COLUMNS}`, [id, JSON.stringify(next)]);
    await appendAudit(tx, { tenantId: locked.tenantId, pairingId: id, actor, action: 'settings_updated', details: change });
    return toPairing(row!);
  });
}

/**
 * The owner's choice of the chat's language (`locale`), or with null a return to following the mailbox's
 * language (`mailboxLocale`, when a sync has read it); audited with the old and new values.
 */
export async function chooseLocale(db: Queryable, id: string, locale: string | null, mailboxLocale: string | null, actor: SettingsActor): Promise<Pairing> {
  const chosen = locale === null ? null : canonicalLocale(locale);
  if (locale !== null && chosen === null) throw new SettingsError([`locale: "${locale}" is not a language tag`]);
  return atomically(db, async (tx) => {
    const locked = await lockPairing(tx, id);
    if (locked === null) throw new NotFoundError('pairing', id);
    const next = chosen ?? canonicalLocale(mailboxLocale) ?? locked.locale;
    if (next === locked.locale && (chosen !== null) === locked.localeChosen) return locked;
    const [row] = await tx.query<PairingRow>(`update pairings set locale = $2, locale_chosen = $3 where id = $1 returning ${COLUMNS}`, [id, next, chosen !== null]);
    await appendAudit(tx, { tenantId: locked.tenantId, pairingId: id, actor, action: 'locale_updated', details: { old: locked.locale, new: next, chosen: chosen !== null } });
    return toPairing(row!);
  });
}

/** Follows the mailbox's language (a sync read it) unless the owner chose one; true when the chat's language changed. */
export async function followMailboxLocale(db: Queryable, id: string, mailboxLocale: string): Promise<boolean> {
  const next = canonicalLocale(mailboxLocale);
  if (next === null) return false;
  return atomically(db, async (tx) => {
    const locked = await lockPairing(tx, id);
    if (locked === null || locked.localeChosen || locked.locale === next) return false;
    await tx.execute('update pairings set locale = $2 where id = $1', [id, next]);
    await appendAudit(tx, { tenantId: locked.tenantId, pairingId: id, actor: 'system', action: 'locale_updated', details: { old: locked.locale, new: next, chosen: false } });
    return true;
  });
}

/** Stores the Teams conversation reference Tandem posts to (null forgets it). */
export async function setConversationRef(db: Queryable, id: string, ref: unknown): Promise<void> {
  const changed = isPairingId(id)
    ? await db.execute('update pairings set conversation_ref = $2::jsonb where id = $1', [id, ref === null || ref === undefined ? null : JSON.stringify(ref)])
    : 0;
  if (changed === 0) throw new NotFoundError('pairing', id);
}

/** Stops the pairing's schedules (the bot left the chat); its data stays until offboarding. Stopping twice keeps the first instant. */
export async function stopPairing(db: Queryable, id: string): Promise<void> {
  const changed = isPairingId(id) ? await db.execute('update pairings set stopped_at = coalesce(stopped_at, now()) where id = $1', [id]) : 0;
  if (changed === 0) throw new NotFoundError('pairing', id);
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);

/**
 * The addresses the KPI engine needs. Without verified domains (a dev or CLI tenant) the mailbox's own domain
 * is internal, as in `tandem report`.
 */
export function pairingPeople(pairing: Pairing, verifiedDomains: readonly string[]): PairingPeople {
  const domains = verifiedDomains.map((domain) => domain.toLowerCase());
  return {
    mailbox: [pairing.mailbox],
    owner: addressesOf(pairing.owner),
    va: addressesOf(pairing.va),
    internalDomains: domains.length > 0 ? domains : [domainOf(pairing.mailbox)],
  };
}

/** The active pairing whose chat is this Teams conversation (the bot's group chat), or null; with `stopped`, the latest stopped one. */
export async function findPairingByConversation(db: Queryable, conversationId: string, state: 'active' | 'stopped' = 'active'): Promise<Pairing | null> {
  const [row] = await db.query<PairingRow>(
    `select ${COLUMNS} from pairings where stopped_at is ${state === 'active' ? 'null' : 'not null'} and conversation_ref->'conversation'->>'id' = $1
      order by created_at desc limit 1`,
    [conversationId],
  );
  return row === undefined ? null : toPairing(row);
}

/** Who a chat's set-up names: a pairing set up outside any chat with exactly these is theirs. */
export interface ChatSetup {
  readonly tenantId: string;
  readonly mailbox: string;
  readonly owner: string;
  readonly va: string;
}

/** How the chat knows a person: their Entra object id and, when the roster gave them, their Teams user id and name. */
export interface ChatIds {
  readonly userId: string;
  readonly mri?: string | null;
  readonly name?: string | null;
}

/**
 * Links a pairing set up outside any chat (by the CLI, or the local demo's) to the chat whose set-up names the
 * same tenant, mailbox, owner and VA: the chat's reference and both people's Entra and Teams ids are stored, so the
 * history already there is the chat's. Null when there is none; a pairing already in a chat is never taken.
 */
export async function linkPairingToChat(db: Queryable, setup: ChatSetup, ref: unknown, people: Readonly<Record<'owner' | 'va', ChatIds>>): Promise<Pairing | null> {
  const [row] = await db.query<PairingRow>(
    `update pairings set conversation_ref = $5::jsonb, owner_user_id = $6, va_user_id = $7, owner_mri = $8, va_mri = $9,
                        owner_name = coalesce($10, owner_name), va_name = coalesce($11, va_name)
      where id = (select id from pairings where tenant_id = $1 and mailbox = $2 and owner_address = $3 and va_address = $4
                    and stopped_at is null and conversation_ref is null order by created_at limit 1 for update)
      returning ${COLUMNS}`,
    [setup.tenantId, normalizeAddress(setup.mailbox), normalizeAddress(setup.owner), normalizeAddress(setup.va), JSON.stringify(ref), people.owner.userId, people.va.userId, people.owner.mri ?? null, people.va.mri ?? null, people.owner.name ?? null, people.va.name ?? null],
  );
  return row === undefined ? null : toPairing(row);
}

/**
 * Stores a side's Teams user id and display name when they differ from the ones stored: the set-up stores both,
 * but a pairing set up before migrations 010 and 013 has none until a turn of theirs shows them, and people rename
 * themselves. A name the chat did not show keeps the stored one. True when something changed.
 */
export async function rememberChatAccount(db: Queryable, id: string, role: 'owner' | 'va', account: { readonly mri: string; readonly name: string | null }): Promise<boolean> {
  const [mri, name] = role === 'owner' ? ['owner_mri', 'owner_name'] : ['va_mri', 'va_name'];
  return (
    isPairingId(id) &&
    (await db.execute(
      `update pairings set ${mri} = $2, ${name} = coalesce($3, ${name}) where id = $1 and (${mri} is distinct from $2 or ${name} is distinct from coalesce($3, ${name}))`,
      [id, account.mri, account.name],
    )) > 0
  );
}

/** Records who allowed Tandem to read the pairing's mailbox. */
export async function approveMailbox(db: Queryable, id: string, approval: MailboxApproval): Promise<void> {
  const changed = isPairingId(id) ? await db.execute('update pairings set mailbox_approval = $2 where id = $1', [id, approval]) : 0;
  if (changed === 0) throw new NotFoundError('pairing', id);
}

/** Restarts a stopped pairing's schedules (the bot was added back to its chat), with the chat's current reference. */
export async function resumePairing(db: Queryable, id: string, ref: unknown): Promise<void> {
  const changed = isPairingId(id) ? await db.execute('update pairings set stopped_at = null, conversation_ref = $2::jsonb where id = $1', [id, JSON.stringify(ref)]) : 0;
  if (changed === 0) throw new NotFoundError('pairing', id);
}

/**
 * Pairings of a tenant (stopped ones too: their history stays readable until offboarding) that name this person
 * by Entra object id. Oldest first.
 */
export async function findPairingsNaming(db: Queryable, tenantId: string, userId: string): Promise<Pairing[]> {
  const rows = await db.query<PairingRow>(PAIRINGS_NAMING, [tenantId, userId]);
  return rows.map(toPairing);
}

/** Active pairings in which this Entra user is the owner or the VA (the bot's personal chat), oldest first. */
export async function findPairingsByUser(db: Queryable, userId: string): Promise<Pairing[]> {
  const rows = await db.query<PairingRow>(`select ${COLUMNS} from pairings where stopped_at is null and (owner_user_id = $1 or va_user_id = $1) order by created_at, id`, [userId]);
  return rows.map(toPairing);
}
