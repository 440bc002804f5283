// The tab's JSON API under /api: every route authenticated, every pairing route authorised for its owner and VA.
import { Hono } from 'hono';
import { listPairings } from '../store/pairings.ts';
import { roleIn } from './access.ts';
import { authenticate, pairingAccess, type ApiDependencies, type ApiEnv } from './context.ts';
import { errorBody, errorHandler } from './http-error.ts';
import { exportRoutes } from './routes/export.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { kpiRoutes } from './routes/kpi.ts';
import { leaveRoutes } from './routes/leave.ts';
import { messageRoutes } from './routes/messages.ts';
import { settingsRoutes } from './routes/settings.ts';
import { syncRoutes } from './routes/sync.ts';

function pairingApp(deps: ApiDependencies) {
  const app = new Hono<ApiEnv>();
  app.use('*', pairingAccess(deps.db));
  for (const routes of [kpiRoutes, messageRoutes, settingsRoutes, leaveRoutes, feedbackRoutes, exportRoutes, syncRoutes]) app.route('/', routes(deps));
  return app;
}

/** Mounted at /api by the server. */
export function createApiApp(deps: ApiDependencies): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.onError(errorHandler(deps.log));
  app.notFound((c) => c.json(errorBody('not_found', 'No such API route.'), 404));
  app.use('*', authenticate(deps.validateToken));
  app.get('/me', async (c) => {
    const user = c.get('user');
    const pairings = (await listPairings(deps.db)).flatMap((pairing) => {
      const role = roleIn(pairing, user);
      return role === null ? [] : [{ id: pairing.id, mailbox: pairing.mailbox, owner: pairing.owner.address, va: pairing.va.address, role, locale: pairing.locale }];
    });
    return c.json({ user: { name: user.name, upn: user.upn }, pairings });
  });
  app.route('/pairings/:pairingId', pairingApp(deps));
  return app;
}
