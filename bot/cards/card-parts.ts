// Building blocks shared by every card: the 1.5 envelope, text, facts, inputs with their error line, and
// Universal Actions (Action.Execute) that fall back to Action.Submit on hosts without them.
import { formatList } from '../../src/i18n/format.ts';
import { marked, type Status } from '../../src/i18n/status-marks.ts';

export type Card = Record<string, unknown>;
export type Element = Record<string, unknown>;

export const CARD_VERSION = '1.5';
/**
 * Teams refuses a bot message over 100 KB counted as UTF-16 (413 MessageSizeTooBig,
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages); cards are kept
 * under 28 KB of UTF-8, the limit older pages and other Teams channels name, well inside it (tested with the largest inputs).
 */
export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

/** The data every card action carries: `verb` names the handler, the rest is the handler's input. */
export type ActionData = Readonly<Record<string, string | number | boolean>>;

export function card(
  body: readonly Element[],
  options: { actions?: readonly Element[]; refresh?: Element; fallbackText?: string; mentions?: readonly Element[] } = {},
): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    ...(options.fallbackText === undefined ? {} : { fallbackText: options.fallbackText }),
    ...(options.refresh === undefined ? {} : { refresh: options.refresh }),
    body,
    ...(options.actions === undefined || options.actions.length === 0 ? {} : { actions: options.actions }),
    ...(options.mentions === undefined || options.mentions.length === 0 ? {} : { msteams: { entities: options.mentions } }),
  };
}

/** Someone a card names; with an id, Teams @mentions (and so notifies) them. */
export interface CardPerson {
  readonly name: string;
  readonly mentionId: string | null;
}

const SLOT = '\u0000people\u0000';

/**
 * A sentence that names people, @mentioning those with an id: `sentence` gets a placeholder where the names go, is
 * escaped like every other text, and the placeholder becomes `<at>Name</at>` for each, with the matching mention
 * entities for the card's `msteams.entities` (Teams pairs a mention with the text by its `<at>` markup: "Mention
 * support within Adaptive Cards",
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards).
 * The name inside the tag is escaped like any text (and the entity's text is the same string), so no name can
 * close the tag or open markup of its own.
 */
export function mentionText(locale: string, sentence: (names: string) => string, people: readonly CardPerson[]): { element: Element; mentions: Element[] } {
  const mentions: Element[] = [];
  const names = people.map(({ name, mentionId }) => {
    if (mentionId === null) return plainText(name);
    const tagged = `<at>${plainText(name)}</at>`;
    mentions.push({ type: 'mention', text: tagged, mentioned: { id: mentionId, name } });
    return tagged;
  });
  return { element: { type: 'TextBlock', wrap: true, text: plainText(sentence(SLOT)).replace(SLOT, formatList(locale, names)) }, mentions };
}

/**
 * Text shown as written, never as markup. Teams reads a TextBlock's text and a Fact's title and value as Markdown
 * (bold, italic, lists and links: "Format cards in Teams",
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format), so a mail subject
 * or a display name like `[Verify your mailbox](https://evil.example)` would become a link. Each character that
 * can open or close markup gets CommonMark's backslash escape, and so does a line's leading list, heading or
 * quote marker. Tandem's own strings use no Markdown, so `text()` and `facts()` escape everything they are given:
 * no builder has to remember which part of a sentence came from outside.
 */
export function plainText(value: string): string {
  return value
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^([ \t]*)([-+#=])/gm, '$1\\$2')
    // "1. " starts a list, "82.5%" does not.
    .replace(/^([ \t]*\d{1,9})([.)])(?=[ \t]|$)/gm, '$1\\$2');
}

export function text(value: string, extra: Element = {}): Element {
  // `text` last, so no extra property can put unescaped text on the card.
  return { type: 'TextBlock', wrap: true, ...extra, text: plainText(value) };
}

export function heading(value: string): Element {
  return text(value, { weight: 'Bolder', size: 'Medium', style: 'heading' });
}

export function facts(rows: ReadonlyArray<readonly [string, string]>, extra: Element = {}): Element {
  return { type: 'FactSet', ...extra, facts: rows.map(([title, value]) => ({ title: plainText(title), value: plainText(value) })) };
}

/**
 * A Universal Action: Teams runs it as an `adaptiveCard/action` invoke; hosts without Universal Actions
 * (Outlook, older clients) send the same data as a message through the Action.Submit fallback.
 */
export function execute(title: string, verb: string, data: ActionData = {}, extra: Element = {}): Element {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...extra },
  };
}

/**
 * A button that shows the hidden one of `targets` and hides the shown one, in place: the "Show more" / "Show
 * details" pairs (Action.ToggleVisibility, Adaptive Cards 1.2, which Teams supports:
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions).
 */
export function toggleButton(title: string, targets: readonly string[], spacing: 'None' | 'Small'): Element {
  return { type: 'ActionSet', spacing, actions: [{ type: 'Action.ToggleVisibility', title, targetElements: targets }] };
}

export function openUrl(title: string, url: string): Element {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * A status sentence in the default colour, bold, told by its mark (src/i18n/status-marks.ts): Teams' status
 * colours fall under 4.5:1 contrast in its light or dark theme (test/card-contrast.test.ts).
 */
export function statusText(status: Status, value: string, extra: Element = {}): Element {
  return text(marked(status, value), { weight: 'Bolder', ...extra });
}

/** The error line under input `inputId` (its id `<inputId>-error`), shown only when the server found a problem. */
export function errorLine(inputId: string, message: string | undefined): Element[] {
  return message === undefined ? [] : [statusText('warning', message, { id: `${inputId}-error`, size: 'Small', spacing: 'None' })];
}

export interface TextInputOptions {
  readonly id: string;
  readonly label: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly maxLength?: number;
  readonly required?: boolean;
  readonly requiredMessage?: string;
  readonly error?: string;
}

export function textInput(options: TextInputOptions): Element[] {
  return [
    {
      type: 'Input.Text',
      id: options.id,
      label: options.label,
      ...(options.value === undefined || options.value === '' ? {} : { value: options.value }),
      ...(options.placeholder === undefined ? {} : { placeholder: options.placeholder }),
      ...(options.multiline === true ? { isMultiline: true } : {}),
      ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
      ...(options.required === true ? { isRequired: true, errorMessage: options.requiredMessage ?? options.label } : {}),
    },
    ...errorLine(options.id, options.error),
  ];
}

export interface ChoiceInputOptions {
  readonly id: string;
  readonly label: string;
  readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly value?: string;
  readonly required?: boolean;
  readonly requiredMessage?: string;
  readonly error?: string;
  readonly expanded?: boolean;
  /** A searchable list: people type and see the choices that contain it (schema 1.5; Teams shows it as a typeahead box). */
  readonly filtered?: boolean;
  readonly placeholder?: string;
}

export function choiceInput(options: ChoiceInputOptions): Element[] {
  return [
    {
      type: 'Input.ChoiceSet',
      id: options.id,
      label: options.label,
      style: options.expanded === true ? 'expanded' : options.filtered === true ? 'filtered' : 'compact',
      choices: options.choices.map((choice) => ({ title: choice.title, value: choice.value })),
      ...(options.placeholder === undefined ? {} : { placeholder: options.placeholder }),
      ...(options.value === undefined || options.value === '' ? {} : { value: options.value }),
      ...(options.required === true ? { isRequired: true, errorMessage: options.requiredMessage ?? options.label } : {}),
    },
    ...errorLine(options.id, options.error),
  ];
}

export function numberInput(options: { id: string; label: string; value: number; min: number; max: number; error?: string }): Element[] {
  return [
    { type: 'Input.Number', id: options.id, label: options.label, value: options.value, min: options.min, max: options.max, isRequired: true, errorMessage: options.label },
    ...errorLine(options.id, options.error),
  ];
}

export function timeInput(options: { id: string; label: string; value: string; error?: string }): Element[] {
  return [{ type: 'Input.Time', id: options.id, label: options.label, value: options.value, isRequired: true, errorMessage: options.label }, ...errorLine(options.id, options.error)];
}
