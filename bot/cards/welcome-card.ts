// The welcome card posted when Tandem joins a group chat: the owner picks who is who from the chat's members,
// the mailbox, time zone, working hours, targets and the tasks to measure. Also shown again with errors under the fields.
import { WEEKDAYS } from '../../src/kpi/settings.ts';
import { t } from '../../src/i18n/messages.ts';
import type { TaskChoiceList } from '../../src/ports/tasks.ts';
import { zoneGroups } from '../../src/i18n/time-zones.ts';
import { card, choiceInput, execute, heading, numberInput, openUrl, statusText, text, textInput, timeInput, type Card } from './card-parts.ts';

export interface ChatMember {
  /** Entra object id. */
  readonly id: string;
  /** Teams user id in this chat (the roster's own `id`, `29:…`): what a card's refresh.userIds names. */
  readonly mri: string;
  readonly name: string;
  /** SMTP address (or UPN) from the roster; null when Teams did not give one. */
  readonly email: string | null;
}

export interface SetupValues {
  readonly owner: string;
  readonly va: string;
  readonly mailbox: string;
  readonly timeZone: string;
  readonly workStart: string;
  readonly workEnd: string;
  readonly targetPct: number;
  readonly windowHours: number;
  readonly inboxZeroDay: string;
  readonly inboxZeroCutoff: string;
  /** "none", or the taskSource of one of `taskChoices`. */
  readonly taskSource: string;
}

export interface WelcomeCardInput {
  readonly locale: string;
  readonly members: readonly ChatMember[];
  /** The admin-consent URL while the tenant has not granted Tandem's Graph permissions; null once it has. */
  readonly consentUrl: string | null;
  /** Set-up values; `timeZone` an IANA id (the choice set's values are; a Windows name is resolved before). */
  readonly values: SetupValues;
  /**
   * The Planner plans and To Do lists the owner and the VA may measure, listed as the card is made; absent where
   * Tandem reads no tasks (the card then asks nothing about them).
   */
  readonly taskChoices?: TaskChoiceList;
  /** The instant the zones' offsets are shown for (the card's "UTC+01:00"); now by default. */
  readonly now?: number;
  /** Problems per field after an invalid submission. */
  readonly errors?: Readonly<Partial<Record<keyof SetupValues | 'form', string>>>;
}

/**
 * Members offered per choice list. Owner–VA chats are small; a crowded one (up to 250 people) would push the card
 * past Teams' size limit, so the list keeps the chosen people and the first others.
 */
export const MAX_MEMBER_CHOICES = 50;

function offered(members: readonly ChatMember[], values: SetupValues): ChatMember[] {
  const chosen = members.filter((member) => member.id === values.owner || member.id === values.va);
  const others = members.filter((member) => member.id !== values.owner && member.id !== values.va);
  return [...chosen, ...others].slice(0, MAX_MEMBER_CHOICES);
}

/** The task source input: "none", then the plans, then the lists; when Graph could not list them, "none" and why. */
function taskSourceInput(locale: string, listed: TaskChoiceList, value: string, error: string | undefined) {
  const choices = [
    { value: 'none', title: t(locale, 'taskSource.none') },
    ...listed.choices.map((choice) => ({ value: choice.source, title: t(locale, 'taskSource.choice', { kind: choice.kind, name: choice.name, whose: choice.of }) })),
  ];
  return [
    ...choiceInput({ id: 'taskSource', label: t(locale, 'welcome.taskSource'), choices, value: choices.some((choice) => choice.value === value) ? value : 'none', error }),
    ...(listed.failure === null ? [] : [text(t(locale, `taskSource.failure.${listed.failure}`), { isSubtle: true, size: 'Small', spacing: 'None' })]),
  ];
}

export function welcomeCard(input: WelcomeCardInput): Card {
  const { locale, values, errors = {} } = input;
  const people = offered(input.members, values).map((member) => ({ value: member.id, title: member.email === null ? member.name : `${member.name} (${member.email})` }));
  const required = t(locale, 'welcome.error.required');
  const consent =
    input.consentUrl === null
      ? []
      : [statusText('warning', t(locale, 'welcome.consent'), { spacing: 'Medium' }), { type: 'ActionSet', actions: [openUrl(t(locale, 'welcome.consent.action'), input.consentUrl)] }];
  return card(
    [
      heading(t(locale, 'welcome.title')),
      text(t(locale, 'welcome.intro')),
      ...consent,
      ...(errors.form === undefined ? [] : [statusText('warning', errors.form)]),
      ...choiceInput({ id: 'owner', label: t(locale, 'welcome.owner'), choices: people, value: values.owner, required: true, requiredMessage: required, error: errors.owner }),
      ...choiceInput({ id: 'va', label: t(locale, 'welcome.va'), choices: people, value: values.va, required: true, requiredMessage: required, error: errors.va }),
      ...textInput({ id: 'mailbox', label: t(locale, 'welcome.mailbox'), value: values.mailbox, placeholder: t(locale, 'welcome.mailbox.placeholder'), error: errors.mailbox }),
      ...choiceInput({
        id: 'timeZone',
        label: t(locale, 'welcome.timeZone'),
        // One choice per set of zones keeping the same clocks, named with all their cities: the full list would not fit a card.
        choices: zoneGroups(locale, input.now ?? Date.now(), [values.timeZone]).map((zone) => ({ value: zone.value, title: zone.label })),
        value: values.timeZone,
        filtered: true,
        placeholder: t(locale, 'welcome.timeZone.placeholder'),
        required: true,
        requiredMessage: required,
        error: errors.timeZone,
      }),
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: timeInput({ id: 'workStart', label: t(locale, 'welcome.workStart'), value: values.workStart, error: errors.workStart }) },
          { type: 'Column', width: 'stretch', items: timeInput({ id: 'workEnd', label: t(locale, 'welcome.workEnd'), value: values.workEnd, error: errors.workEnd }) },
        ],
      },
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: numberInput({ id: 'targetPct', label: t(locale, 'welcome.targetPct'), value: values.targetPct, min: 1, max: 100, error: errors.targetPct }) },
          { type: 'Column', width: 'stretch', items: numberInput({ id: 'windowHours', label: t(locale, 'welcome.windowHours'), value: values.windowHours, min: 1, max: 168, error: errors.windowHours }) },
        ],
      },
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: choiceInput({
              id: 'inboxZeroDay',
              label: t(locale, 'welcome.inboxZeroDay'),
              choices: WEEKDAYS.map((day) => ({ value: day, title: t(locale, `day.${day}` as const) })),
              value: values.inboxZeroDay,
              required: true,
              requiredMessage: required,
              error: errors.inboxZeroDay,
            }),
          },
          { type: 'Column', width: 'stretch', items: timeInput({ id: 'inboxZeroCutoff', label: t(locale, 'welcome.inboxZeroCutoff'), value: values.inboxZeroCutoff, error: errors.inboxZeroCutoff }) },
        ],
      },
      ...(input.taskChoices === undefined ? [] : taskSourceInput(locale, input.taskChoices, values.taskSource, errors.taskSource)),
      text(t(locale, 'welcome.privacy'), { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    ],
    { actions: [execute(t(locale, 'welcome.action.start'), 'setup.submit', {}, { associatedInputs: 'auto', style: 'positive' })], fallbackText: t(locale, 'welcome.title') },
  );
}
