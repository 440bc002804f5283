// The pairing's KPI settings and the chat's language: the owner changes them; every change is audited with its
// old and new values by the repository. History is derived, so the read models recompute from the new values.
import { z } from 'zod';
import { LANGUAGES } from '../i18n/locales.ts';
import { chooseLocale, updateSettings } from '../store/pairings.ts';
import { readMailboxLocale } from '../store/sync-state.ts';
import { defineAction } from './action.ts';

/** Any of the spec's settings by name; their own rules (src/kpi/settings.ts) check the values. */
export const settingsChange = z.record(z.string(), z.unknown(), { error: 'must be an object of settings by name' });

export const changeSettings = defineAction({
  name: 'change_settings',
  input: settingsChange,
  who: 'owner',
  run: (ctx, { pairing }, change) => updateSettings(ctx.db, pairing.id, change, 'owner'),
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
