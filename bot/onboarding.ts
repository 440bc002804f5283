// Onboarding in the group chat: the welcome card with defaults, and its submission, which creates the
// pairing (owner and VA from the chat's members) and stores the conversation reference for proactive posts.
// The card offers the owner's and the VA's Planner plans and To Do lists as the tasks to measure, listed
// when it is made (and again when it comes back with a problem, for the people then chosen).
import { z } from 'zod';
import { ActionError } from '../src/actions/action.ts';
import { t } from '../src/i18n/messages.ts';
import { isEmailAddress } from '../src/kpi/address.ts';
import { DEFAULT_SETTINGS, parseSettings, SettingsError, WEEKDAYS } from '../src/kpi/settings.ts';
import { resolveTimeZone } from '../src/kpi/time-zone.ts';
import type { MailboxDefaults } from '../src/ports/mailbox.ts';
import type { TaskChoiceList } from '../src/ports/tasks.ts';
import { setUpPairing, teamsUserId } from '../src/actions/setup.ts';
import { shownName } from '../src/actions/chat-membership.ts';
import { chatTenant, clientTimeZone, conversationReference } from './activity.ts';
import { noticeCard } from './cards/notice-card.ts';
import { settingsCard } from './cards/settings-card.ts';
import { welcomeCard, type ChatMember, type SetupValues } from './cards/welcome-card.ts';
import { actionContext, posts, replaces, type BotResult, type Turn } from './turn-context.ts';

/** The settings of the person's own mailbox (time zone, working hours, language) when Graph can read them. */
async function ownMailbox(turn: Turn, members: readonly ChatMember[]): Promise<MailboxDefaults | null> {
  const email = members.find((member) => member.id === turn.userId)?.email;
  return email ? ((await turn.deps.mailboxDefaults?.(email)) ?? null) : null;
}

/** Defaults for the set-up: the owner's mailbox's own time zone and working hours when known, else the Teams client's zone. */
function defaults(turn: Turn, members: readonly ChatMember[], mailbox: MailboxDefaults | null): SetupValues {
  const me = members.find((member) => member.id === turn.userId);
  const zone = clientTimeZone(turn.activity);
  // IANA ids, the choice set's values: a mailbox's "W. Europe Standard Time" is offered as Europe/Berlin.
  const mailboxZone = mailbox === null ? null : resolveTimeZone(mailbox.timeZone);
  return {
    owner: me?.id ?? '',
    va: members.find((member) => member.id !== me?.id)?.id ?? '',
    mailbox: me?.email ?? '',
    timeZone: mailboxZone ?? (zone === null ? null : resolveTimeZone(zone)) ?? resolveTimeZone(DEFAULT_SETTINGS.timeZone) ?? 'UTC',
    workStart: mailbox?.workingHours.startTime.slice(0, 5) ?? DEFAULT_SETTINGS.workingHours.startTime,
    workEnd: mailbox?.workingHours.endTime.slice(0, 5) ?? DEFAULT_SETTINGS.workingHours.endTime,
    targetPct: DEFAULT_SETTINGS.responseTargetPct,
    windowHours: DEFAULT_SETTINGS.windowHours,
    inboxZeroDay: DEFAULT_SETTINGS.inboxZeroDay,
    inboxZeroCutoff: DEFAULT_SETTINGS.inboxZeroCutoff,
    taskSource: DEFAULT_SETTINGS.taskSource,
  };
}

/** The plans and lists of the chosen owner and VA (Entra object ids); undefined where Tandem reads no tasks. */
async function taskChoicesFor(turn: Turn, values: SetupValues): Promise<TaskChoiceList | undefined> {
  return turn.deps.taskChoices?.list({ owner: values.owner, va: values.va === '' || values.va === values.owner ? null : values.va });
}

/** The welcome card for this chat, with the roster's members and the consent hint when needed. */
export async function welcome(turn: Turn): Promise<BotResult> {
  const members = await turn.tools.members();
  const consentUrl = await turn.deps.consentUrl(chatTenant(turn.activity));
  const values = defaults(turn, members, await ownMailbox(turn, members));
  const taskChoices = await taskChoicesFor(turn, values);
  return posts(welcomeCard({ locale: turn.locale, members, consentUrl, now: turn.now, values, ...(taskChoices ? { taskChoices } : {}) }));
}

/** A member's Teams user id when the roster gave a user's one (the Agents Playground's members have other ids). */
const chatUserId = (member: ChatMember): string | null => (teamsUserId.safeParse(member.mri).success ? member.mri : null);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const setupSchema = z.object({
  owner: z.string().min(1),
  va: z.string().min(1),
  mailbox: z.string().trim().max(320).default(''),
  timeZone: z.string().trim().min(1).max(100),
  workStart: time,
  workEnd: time,
  targetPct: z.coerce.number().int().min(1).max(100),
  windowHours: z.coerce.number().int().min(1).max(168),
  inboxZeroDay: z.enum(WEEKDAYS),
  inboxZeroCutoff: time,
  /** Absent where the card asks nothing about tasks. */
  taskSource: z.string().max(250).default('none'),
});

type SetupErrors = Partial<Record<keyof SetupValues | 'form', string>>;

/** What was typed, as the card's inputs hold it, so an invalid form comes back with the text kept. */
function typedValues(raw: Record<string, unknown>, fallback: SetupValues): SetupValues {
  const str = (key: keyof SetupValues) => (typeof raw[key] === 'string' || typeof raw[key] === 'number' ? String(raw[key]) : String(fallback[key]));
  const num = (key: 'targetPct' | 'windowHours') => (Number.isFinite(Number(raw[key])) && raw[key] !== '' ? Number(raw[key]) : fallback[key]);
  return {
    owner: str('owner'),
    va: str('va'),
    mailbox: str('mailbox'),
    timeZone: str('timeZone'),
    workStart: str('workStart'),
    workEnd: str('workEnd'),
    targetPct: num('targetPct'),
    windowHours: num('windowHours'),
    inboxZeroDay: str('inboxZeroDay'),
    inboxZeroCutoff: str('inboxZeroCutoff'),
    taskSource: str('taskSource'),
  };
}

/**
 * The welcome card's submission: validated, then the pairing is created (or one set up outside any chat for
 * the same people is linked to this chat) and the card becomes its settings.
 */
export async function submitSetup(turn: Turn, raw: Record<string, unknown>): Promise<BotResult> {
  const { locale } = turn;
  const members = await turn.tools.members();
  const mailboxSettings = await ownMailbox(turn, members);
  const values = typedValues(raw, defaults(turn, members, mailboxSettings));
  const errors: SetupErrors = {};
  const parsed = setupSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof SetupValues] ??= t(locale, 'welcome.error.field');
  }
  const owner = members.find((member) => member.id === values.owner);
  const va = members.find((member) => member.id === values.va);
  if (owner === undefined) errors.owner ??= t(locale, 'welcome.error.member');
  if (va === undefined) errors.va ??= t(locale, 'welcome.error.member');
  if (owner !== undefined && owner.id === va?.id) errors.va ??= t(locale, 'welcome.error.same');
  if (owner !== undefined && owner.id !== turn.userId) errors.form ??= t(locale, 'welcome.error.notOwner');
  const mailbox = values.mailbox.trim() === '' ? (owner?.email ?? '') : values.mailbox.trim();
  if (!isEmailAddress(mailbox)) errors.mailbox ??= t(locale, 'welcome.error.mailbox');
  if (owner !== undefined && (owner.email === null || !isEmailAddress(owner.email))) errors.owner ??= t(locale, 'welcome.error.noEmail');
  if (va !== undefined && (va.email === null || !isEmailAddress(va.email))) errors.va ??= t(locale, 'welcome.error.noEmail');
  if (resolveTimeZone(values.timeZone) === null) errors.timeZone ??= t(locale, 'welcome.error.timeZone');
  let settings = DEFAULT_SETTINGS;
  try {
    settings = parseSettings({
      responseTargetPct: values.targetPct,
      windowHours: values.windowHours,
      timeZone: values.timeZone,
      workingHours: { startTime: values.workStart, endTime: values.workEnd },
      inboxZeroDay: values.inboxZeroDay,
      inboxZeroCutoff: values.inboxZeroCutoff,
      taskSource: values.taskSource,
    });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    errors.form ??= error.problems.join('; ');
  }
  const consentUrl = await turn.deps.consentUrl(chatTenant(turn.activity));
  const again = async (problems: SetupErrors) => {
    const taskChoices = await taskChoicesFor(turn, values);
    return replaces(welcomeCard({ locale, members, consentUrl, now: turn.now, values, errors: problems, ...(taskChoices ? { taskChoices } : {}) }));
  };
  if (Object.keys(errors).length > 0 || owner === undefined || va === undefined) return again(errors);
  const tenantId = chatTenant(turn.activity);
  let pairing;
  try {
    ({ pairing } = await setUpPairing({ ...actionContext(turn), directory: turn.deps.directory }, turn.actor, {
      tenantId,
      mailbox,
      owner: { address: owner.email!, userId: owner.id, mri: chatUserId(owner), name: shownName({ id: owner.mri, name: owner.name }) },
      va: { address: va.email!, userId: va.id, mri: chatUserId(va), name: shownName({ id: va.mri, name: va.name }) },
      settings,
      // The chat's language starts as the owner's Outlook language (their Teams language without one); the sync keeps following it.
      locale: mailboxSettings?.locale ?? locale,
      conversationRef: conversationReference(turn.activity, tenantId),
    }));
  } catch (error) {
    // Not one of these people's plans and lists now (the VA changed on the card, the plan went): pick again.
    if (error instanceof ActionError && error.field === 'taskSource') return again({ taskSource: t(locale, 'welcome.error.taskSource') });
    throw error;
  }
  // Both see these, so they speak the chat's language.
  const settingsView = settingsCard({ locale: pairing.locale, owner: owner.name, va: va.name, mailbox: pairing.mailbox, settings: pairing.settings, tabUrl: null });
  return {
    post: [
      noticeCard(t(pairing.locale, 'welcome.done', { owner: owner.name, va: va.name })),
      ...(pairing.mailboxApproval === null ? [noticeCard(t(pairing.locale, 'welcome.mailboxPending', { mailbox: pairing.mailbox, owner: owner.name }))] : []),
    ],
    replace: settingsView,
    replaceForAll: settingsView,
  };
}
