// The pairing's KPI settings and the chat's language: the owner changes them; every change is audited with its
// old and new values by the repository. History is derived, so the read models recompute from the new values.
import { z } from 'zod';
import { LANGUAGES } from '../i18n/locales.ts';
import type { TaskChoicesRequest } from '../ports/tasks.ts';
import { checkTaskSource, taskChoicesRequest } from '../reports/task-choices.ts';
import { chooseLocale, updateSettings } from '../store/pairings.ts';
import { readMailboxLocale } from '../store/sync-state.ts';
import { ActionError, defineAction, type ActionContext } from './action.ts';

/** Any of the spec's settings by name; their own rules (src/kpi/settings.ts) check the values. */
export const settingsChange = z.record(z.string(), z.unknown(), { error: 'must be an object of settings by name' });

const TASK_SOURCE_REFUSALS = {
  notOffered: 'taskSource: must be "none" or one of the Planner plans and To Do lists of the owner and the VA',
  consent: 'taskSource: Tandem may not list the Planner plans and To Do lists (admin consent), so only "none" can be chosen',
  unavailable: 'taskSource: the Planner plans and To Do lists could not be listed just now, so only "none" can be chosen; try again later',
} as const;

/** Refuses a task source that is not one of these people's plans and lists now (src/reports/task-choices.ts). */
export async function requireTaskSource(ctx: ActionContext, people: TaskChoicesRequest, source: string): Promise<void> {
  const verdict = await checkTaskSource(ctx.taskChoices, people, source);
  if (verdict !== 'allowed') throw new ActionError('invalid', 'taskSource', TASK_SOURCE_REFUSALS[verdict], 'taskSource');
}

export const changeSettings = defineAction({
  name: 'change_settings',
  input: settingsChange,
  who: 'owner',
  async run(ctx, { pairing }, change) {
    // Only a change is checked: a source chosen before stays, even while Graph cannot list it (the sync says why).
    if (typeof change['taskSource'] === 'string' && change['taskSource'] !== pairing.settings.taskSource) {
      await requireTaskSource(ctx, taskChoicesRequest(pairing), change['taskSource']);
    }
    return updateSettings(ctx.db, pairing.id, change, 'owner');
  },
});

/** null: follow the mailbox's language again. */
export const languageChoice = z.strictObject({
  locale: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}, or null for the mailbox's language` }).nullable(),
});

export const chooseChatLanguage = defineAction({
  name: 'choose_language',
  input: languageChoice,
  who: 'owner',
  async run(ctx, { pairing }, { locale }) {
    const mailbox = await readMailboxLocale(ctx.db, pairing.id);
    return { pairing: await chooseLocale(ctx.db, pairing.id, locale, mailbox, 'owner'), mailbox };
  },
});
