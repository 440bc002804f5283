// The two-way weekly feedback card on Universal Actions: a shared status card (who has answered, never what)
// whose `refresh` shows the owner and the VA each their own view: their form, their answers, and once both have
// answered both sides' answers. The builder gets the check-in as the card's readers may see it
// (src/reports/check-in-privacy.ts), so it cannot show anyone answers they may not read. Invalid submissions come
// back with the error under the field, text kept.
import { formatWeek } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/messages.ts';
import { card, choiceInput, execute, facts, heading, text, textInput, toggleButton, type Card, type Element } from './card-parts.ts';
import type { CheckInView } from '../../src/reports/check-in-privacy.ts';
import { labelledAnswers, MAX_ANSWER_LENGTH, questionsFor, type FeedbackQuestion, type FeedbackRole } from '../../src/reports/feedback-questions.ts';

export interface FeedbackCardInput {
  readonly pairingId: string;
  /** ISO week the feedback is about. */
  readonly week: string;
  readonly locale: string;
  /** The month's first check-in asks the owner one more question. */
  readonly monthly: boolean;
  readonly names: Readonly<Record<FeedbackRole, string>>;
  /**
   * Teams user ids (`29:…`, the chat roster's, never Entra object ids) of the sides whose card refreshes by itself;
   * a side whose id is not known yet gets the shared card until they click it.
   */
  readonly userIds: Readonly<Record<FeedbackRole, string | null>>;
  /** The week's check-in as everyone who reads this card may see it. */
  readonly checkIn: CheckInView;
  /** Whose own view this is (read by them alone); null for the shared card everyone in the chat sees. */
  readonly viewer: FeedbackRole | null;
  /** After an invalid submission, or "edit": the viewer's typed values and the errors per field. */
  readonly draft?: { readonly values: Readonly<Record<string, string>>; readonly errors: Readonly<Record<string, string>> };
}

const data = (input: FeedbackCardInput) => ({ pairingId: input.pairingId, week: input.week });
/** The check-in's week for its titles: "the week of 16 Nov" (the ISO key stays in the card's data). */
const weekOf = (input: FeedbackCardInput) => ({ monday: formatWeek(input.locale, input.week, { form: 'monday' }) });

// Teams refreshes automatically for the users refresh.userIds names by their MRI, at most 60, and in a chat of
// fewer than 60 people for everyone (the others get the shared card from the refresh):
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
function refreshFor(input: FeedbackCardInput): Element | undefined {
  const userIds = [input.userIds.owner, input.userIds.va].filter((id): id is string => id !== null);
  if (userIds.length === 0) return undefined;
  return { action: { type: 'Action.Execute', verb: 'feedback.refresh', data: data(input) }, userIds };
}

/** Answers longer than this many characters show their first lines, the rest behind "Show more". */
const SHORT_ANSWER_CHARS = 140;
const SHORT_ANSWER_LINES = 3;

/** An answer's first words, cut at a word boundary with an ellipsis: the whole answer is on the card once, not twice. */
function opening(answer: string): string {
  const cut = answer.slice(0, SHORT_ANSWER_CHARS).replace(/\s+\S*$/, '');
  return `${cut}…`;
}

/** An answer as the summary shows it: in full when short; else its first lines with "Show more", and the whole answer with "Show less". */
function answerText(locale: string, id: string, answer: string): Element[] {
  if (answer.length <= SHORT_ANSWER_CHARS && answer.split('\n').length <= SHORT_ANSWER_LINES) return [text(answer, { spacing: 'None' })];
  const [short, full] = [`${id}-short`, `${id}-full`];
  const toggle = (title: string) => toggleButton(title, [short, full], 'None');
  return [
    { type: 'Container', id: short, spacing: 'None', items: [text(opening(answer), { maxLines: SHORT_ANSWER_LINES }), toggle(t(locale, 'feedback.showMore'))] },
    { type: 'Container', id: full, spacing: 'None', isVisible: false, items: [text(answer), toggle(t(locale, 'feedback.showLess'))] },
  ];
}

/** One side's answers, read-only; where they are not for this card's readers, only whether that side answered. */
function answersBlock(input: FeedbackCardInput, role: FeedbackRole): Element[] {
  const { locale } = input;
  const side = input.checkIn[role];
  const title = t(locale, role === 'owner' ? 'feedback.answersOf.owner' : 'feedback.answersOf.va', { name: input.names[role] });
  if (side.state === 'notYet') return [text(title, { weight: 'Bolder' }), text(t(locale, 'feedback.notYet'), { isSubtle: true, spacing: 'None' })];
  if (side.state === 'answered') return [text(title, { weight: 'Bolder' }), text(t(locale, 'feedback.status.answered'), { isSubtle: true, spacing: 'None' })];
  const rows = labelledAnswers(locale, role, side.answers).map(({ question, answer }, index) => [
    text(question, { weight: 'Bolder', size: 'Small', spacing: 'Small' }),
    ...answerText(locale, `${role}-answer-${index}`, answer),
  ]);
  return [text(title + (side.edited ? ` ${t(locale, 'feedback.edited')}` : ''), { weight: 'Bolder' }), ...rows.flat()];
}

/** Both sides' answers side by side, the owner's left: one glance instead of one long column. */
function bothAnswers(input: FeedbackCardInput): Element {
  const column = (role: FeedbackRole): Element => ({ type: 'Column', width: 'stretch', items: answersBlock(input, role) });
  return { type: 'ColumnSet', spacing: 'Medium', columns: [column('owner'), column('va')] };
}

function statusFacts(input: FeedbackCardInput): Element {
  const { locale } = input;
  const state = (role: FeedbackRole) => t(locale, input.checkIn[role].state === 'notYet' ? 'feedback.status.waiting' : 'feedback.status.answered');
  // Roles as titles: an address as a FactSet title wraps badly in its narrow column.
  return facts([
    [t(locale, 'feedback.role.owner'), t(locale, 'feedback.status.line', { state: state('owner'), name: input.names.owner })],
    [t(locale, 'feedback.role.va'), t(locale, 'feedback.status.line', { state: state('va'), name: input.names.va })],
  ]);
}

function formBody(input: FeedbackCardInput, role: FeedbackRole): Element[] {
  const { locale } = input;
  const own = input.checkIn[role];
  const values = input.draft?.values ?? (own.state === 'shown' ? own.answers : {});
  const errors = input.draft?.errors ?? {};
  const required = t(locale, 'feedback.error.required');
  // A question asked only on the month's first check-in says so on the form; its answer is shown under the bare question.
  const labelOf = (question: FeedbackQuestion) => (question.monthly === true ? t(locale, 'feedback.q.monthly', { question: t(locale, question.label) }) : t(locale, question.label));
  return questionsFor(role, input.monthly).flatMap((question) =>
    question.kind === 'choice'
      ? choiceInput({
          id: question.key,
          label: labelOf(question),
          choices: (question.choices ?? []).map((choice) => ({ value: choice.value, title: t(locale, choice.label) })),
          value: values[question.key],
          required: question.required,
          requiredMessage: required,
          error: errors[question.key],
          expanded: true,
        })
      : textInput({
          id: question.key,
          label: labelOf(question),
          value: values[question.key],
          multiline: true,
          maxLength: MAX_ANSWER_LENGTH,
          required: question.required,
          requiredMessage: required,
          error: errors[question.key],
        }),
  );
}

/** Both sides' answers, for the owner or the VA once both have answered. */
function summaryCard(input: FeedbackCardInput): Card {
  const { locale } = input;
  return card([heading(t(locale, 'feedback.summary.title', weekOf(input))), bothAnswers(input)], {
    refresh: refreshFor(input),
    fallbackText: t(locale, 'feedback.summary.title', weekOf(input)),
  });
}

/** What everyone in the chat sees: who has answered, and a button that opens the clicker's own view. */
function sharedCard(input: FeedbackCardInput): Card {
  const { locale, checkIn } = input;
  const title = t(locale, checkIn.complete ? 'feedback.summary.title' : 'feedback.title', weekOf(input));
  const body = [heading(title), text(t(locale, 'feedback.intro')), statusFacts(input), ...(checkIn.complete ? [text(t(locale, 'feedback.onlyPair'), { isSubtle: true, size: 'Small' })] : [])];
  return card(body, {
    refresh: refreshFor(input),
    fallbackText: title,
    actions: [execute(t(locale, checkIn.complete ? 'feedback.action.show' : 'feedback.action.open'), 'feedback.open', data(input))],
  });
}

export function feedbackCard(input: FeedbackCardInput): Card {
  const { locale, viewer, checkIn } = input;
  if (viewer === null) return sharedCard(input);
  if (checkIn.complete && input.draft === undefined) return summaryCard(input);
  const title = heading(t(locale, 'feedback.title', weekOf(input)));
  const options = { refresh: refreshFor(input), fallbackText: t(locale, 'feedback.title', weekOf(input)) };
  const other: FeedbackRole = viewer === 'owner' ? 'va' : 'owner';
  if (checkIn[viewer].state !== 'notYet' && input.draft === undefined) {
    return card([title, { type: 'Container', spacing: 'Medium', items: answersBlock(input, viewer) }, text(t(locale, 'feedback.waitingFor', { name: input.names[other] }), { isSubtle: true, spacing: 'Medium' })], {
      ...options,
      actions: [execute(t(locale, 'feedback.action.edit'), 'feedback.edit', data(input))],
    });
  }
  const otherDone = checkIn[other].state !== 'notYet' ? [text(t(locale, 'feedback.otherAnswered', { name: input.names[other] }), { isSubtle: true, size: 'Small' })] : [];
  return card([title, text(t(locale, viewer === 'owner' ? 'feedback.intro.owner' : 'feedback.intro.va')), ...otherDone, ...formBody(input, viewer)], {
    ...options,
    actions: [execute(t(locale, 'feedback.action.submit'), 'feedback.submit', data(input), { associatedInputs: 'auto' })],
  });
}
