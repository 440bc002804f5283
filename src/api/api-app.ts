// The tab's JSON API under /api: every route authenticated, every pairing route authorised for its owner and VA.
import { Hono } from 'hono';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { conversationRefSchema } from '../ports/chat.ts';
import { pairingsOf } from '../reports/access.ts';
import { displayName } from '../reports/people.ts';
import { taskSourceKind } from '../reports/tasks.ts';
import { actorOf, authenticate, pairingAccess, type ApiDependencies, type ApiEnv, type RouteDependencies } from './context.ts';
import { errorHandler } from './http-error.ts';
import { addinRoutes } from './routes/addin.ts';
import { exportRoutes } from './routes/export.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { kpiRoutes } from './routes/kpi.ts';
import { leaveRoutes } from './routes/leave.ts';
import { messageRoutes } from './routes/messages.ts';
import { offboardRoutes } from './routes/offboard.ts';
import { settingsRoutes } from './routes/settings.ts';
import { syncRoutes } from './routes/sync.ts';
import { taskRoutes } from './routes/tasks.ts';

function pairingApp(deps: RouteDependencies) {
  const app = new Hono<ApiEnv>();
  app.use('*', pairingAccess(deps.reports));
  for (const routes of [kpiRoutes, messageRoutes, taskRoutes, settingsRoutes, leaveRoutes, feedbackRoutes, exportRoutes, syncRoutes]) app.route('/', routes(deps));
  return app;
}

/**
 * Mounted at /api by the server. It claims only /me, /pairings/*, /addin/* and (standalone) /sign-in/*, so other
 * routes under /api (the bot's /api/messages) stay with whoever mounts them.
 */
export function createApiApp(deps: ApiDependencies & { signIn?: Hono }): Hono {
  const app = new Hono<ApiEnv>();
  const routeDeps: RouteDependencies = { ...deps, actions: { db: deps.db, changes: deps.changes, clock: deps.clock, log: deps.log, ...(deps.taskChoices ? { taskChoices: deps.taskChoices } : {}) } };
  app.onError(errorHandler(deps.log));
  if (deps.signIn !== undefined) app.route('/sign-in', deps.signIn);
  app.use('/me', authenticate(deps.validateToken));
  app.use('/pairings/*', authenticate(deps.validateToken));
  app.get('/me', async (c) => {
    const user = c.get('user');
    const pairings = (await pairingsOf(deps.db, actorOf(user))).map(({ pairing, role }) => {
      const chat = conversationRefSchema.safeParse(pairing.conversationRef);
      return { id: pairing.id, mailbox: pairing.mailbox, owner: displayName(pairing.owner), va: displayName(pairing.va), role, locale: pairing.locale, timeZone: resolveTimeZone(pairing.settings.timeZone), chatId: chat.success ? chat.data.conversation.id : null, tasks: taskSourceKind(pairing.settings) };
    });
    return c.json({ user: { name: user.name, upn: user.upn }, pairings });
  });
  // Before the pairing routes: an admin offboarding is neither owner nor VA.
  app.route('/pairings', offboardRoutes(routeDeps));
  app.route('/pairings/:pairingId', pairingApp(routeDeps));
  app.route('/addin', addinRoutes(deps));
  // The server mounts plain apps; the typed context stays inside.
  return new Hono().route('/', app);
}
