// The pairing's KPI settings: both read them, the owner changes them, and a proposed change is previewed
// on the past weeks (history is derived, so it recomputes) before it is saved. The chat's language sits
// beside them: it follows the owner's Outlook language until the owner chooses one.
import { Hono } from 'hono';
import { z } from 'zod';
import { LANGUAGES } from '../../i18n/locales.ts';
import { readMailboxLocale } from '../../jobs/sync.ts';
import { parseSettings } from '../../kpi/settings.ts';
import { chooseLocale, updateSettings, type Pairing } from '../../store/pairings.ts';
import { requireRole, type ApiEnv, type RouteDependencies } from '../context.ts';
import { TREND_WEEKS } from './kpi.ts';

const settingsChange = z.record(z.string(), z.unknown(), { error: 'must be an object of settings by name' });
/** null: follow the mailbox's language again. */
const languageChoice = z.strictObject({ locale: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}, or null for the mailbox's language` }).nullable() });

const languageOf = (pairing: Pairing, mailbox: string | null, editable: boolean) => ({ locale: pairing.locale, chosen: pairing.localeChosen, mailbox, languages: LANGUAGES, editable });

export function settingsRoutes({ db, clock, reads }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/settings', (c) => c.json({ settings: c.get('pairing').settings, editable: c.get('role') === 'owner' }))
    .post('/settings/preview', async (c) => {
      requireRole(c, 'owner', 'change the settings');
      const pairing = c.get('pairing');
      const change = settingsChange.parse(await c.req.json());
      const proposed = parseSettings({ ...pairing.settings, ...change });
      const now = clock.now();
      const [current, next] = [await reads.trend(pairing, TREND_WEEKS, now), await reads.trend(pairing, TREND_WEEKS, now, proposed)];
      return c.json({ settings: proposed, current: current.weeks, proposed: next.weeks });
    })
    .put('/settings', async (c) => {
      requireRole(c, 'owner', 'change the settings');
      const change = settingsChange.parse(await c.req.json());
      const updated = await updateSettings(db, c.get('pairing').id, change, 'owner');
      reads.changed(updated.id);
      return c.json({ settings: updated.settings, editable: true });
    })
    .get('/settings/language', async (c) => {
      const pairing = c.get('pairing');
      return c.json(languageOf(pairing, await readMailboxLocale(db, pairing.id), c.get('role') === 'owner'));
    })
    .put('/settings/language', async (c) => {
      requireRole(c, 'owner', "change the chat's language");
      const { locale } = languageChoice.parse(await c.req.json());
      const mailbox = await readMailboxLocale(db, c.get('pairing').id);
      const updated = await chooseLocale(db, c.get('pairing').id, locale, mailbox, 'owner');
      reads.changed(updated.id);
      return c.json(languageOf(updated, mailbox, true));
    });
}
