// The pairing's KPI settings: both read them, the owner changes them (src/actions/settings.ts), and a proposed
// change is previewed on the past weeks (history is derived, so it recomputes) before it is saved. The chat's
// language sits beside them: it follows the mailbox's Outlook language until the owner chooses one. The task
// sources on offer (the owner's and the VA's Planner plans and To Do lists) are read by both, like the settings.
import { Hono } from 'hono';
import { chooseChatLanguage, changeSettings, settingsChange } from '../../actions/settings.ts';
import { LANGUAGES } from '../../i18n/locales.ts';
import { parseSettings } from '../../kpi/settings.ts';
import type { Pairing } from '../../store/pairings.ts';
import { mailboxLanguage, sharedMailbox } from '../../reports/mailbox-language.ts';
import { listTaskChoices, taskChoicesRequest } from '../../reports/task-choices.ts';
import { actorOf, type ApiEnv, type RouteDependencies } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { TREND_WEEKS } from './kpi.ts';

const languageOf = (pairing: Pairing, mailbox: string | null, editable: boolean) => ({
  locale: pairing.locale,
  chosen: pairing.localeChosen,
  mailbox,
  sharedMailbox: sharedMailbox(pairing),
  languages: LANGUAGES,
  editable,
});

export function settingsRoutes({ db, clock, reports, actions, taskChoices }: RouteDependencies) {
  return new Hono<ApiEnv>()
    .get('/settings', (c) => c.json({ settings: c.get('pairing').settings, editable: c.get('role') === 'owner' }))
    .post('/settings/preview', async (c) => {
      // Previewing writes nothing, but it shows what only the owner may then save.
      if (c.get('role') !== 'owner') throw new HttpError(403, 'forbidden', 'Only the owner can change the settings.');
      const pairing = c.get('pairing');
      const proposed = parseSettings({ ...pairing.settings, ...settingsChange.parse(await c.req.json()) });
      const now = clock.now();
      const [current, next] = await Promise.all([reports.trend(pairing, TREND_WEEKS, now), reports.trend(pairing, TREND_WEEKS, now, proposed)]);
      return c.json({ settings: proposed, current: current.weeks, proposed: next.weeks });
    })
    .put('/settings', async (c) => {
      const updated = await changeSettings(actions, actorOf(c.get('user')), c.get('pairing').id, await c.req.json());
      return c.json({ settings: updated.settings, editable: true });
    })
    .get('/settings/task-sources', async (c) => {
      const listed = await listTaskChoices(taskChoices, taskChoicesRequest(c.get('pairing')));
      return c.json({ ...listed, editable: c.get('role') === 'owner' });
    })
    .get('/settings/language', async (c) => {
      const pairing = c.get('pairing');
      return c.json(languageOf(pairing, await mailboxLanguage(db, pairing.id), c.get('role') === 'owner'));
    })
    .put('/settings/language', async (c) => {
      const { pairing, mailbox } = await chooseChatLanguage(actions, actorOf(c.get('user')), c.get('pairing').id, await c.req.json());
      return c.json(languageOf(pairing, mailbox, true));
    });
}
