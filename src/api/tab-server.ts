// Everything the server needs for the tab: the bundle (built when missing), the token validator for the
// identity in use (Entra for a real tenant, the dev tenant's sign-in picker otherwise) and the API.
import type { Hono } from 'hono';
import type { Config } from '../config.ts';
import { startStandaloneSignIn } from '../devtenant/tab-sign-in.ts';
import type { Clock } from '../jobs/ports.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { createApiApp } from './api-app.ts';
import { tabTokenValidator } from './auth/tab-validator.ts';
import { tabAssets } from './tab-assets.ts';
import { ensureTabBuilt, TAB_DIST } from './tab-build.ts';

export interface TabServer {
  readonly api: Hono;
  readonly assets: Hono;
  /** Lines for the start-up banner. */
  readonly notes: readonly string[];
  close(): Promise<void>;
}

export async function startTabServer(config: Config, db: Database, clock: Clock, log: Logger): Promise<TabServer> {
  if (await ensureTabBuilt()) log.info('tab_built', { dir: TAB_DIST });
  const host = config.publicUrl === undefined ? `localhost:${config.port}` : new URL(config.publicUrl).host;
  const assets = tabAssets(TAB_DIST);
  const tabUrl = `${config.publicUrl ?? `http://localhost:${config.port}`}/tab/`;
  if (config.graph.kind === 'tenant') {
    const validateToken = tabTokenValidator(db, { kind: 'entra', authorityHost: config.graph.authorityHost, audience: `api://${host}/${config.graph.clientId}` }, log);
    const api = createApiApp({ db, validateToken, clock, log });
    return { api, assets, notes: [`  Tab:       ${tabUrl} (Teams SSO)`], close: async () => {} };
  }
  const signIn = await startStandaloneSignIn(db, { host, logger: log });
  const validateToken = tabTokenValidator(db, { kind: 'devtenant', issuer: signIn.issuer, jwksUri: signIn.jwksUri, ca: signIn.identity.ca, audience: signIn.audience }, log);
  const api = createApiApp({ db, validateToken, clock, log, signIn: signIn.routes });
  return { api, assets, notes: [`  Tab:       ${tabUrl} (standalone: sign in as a seeded owner or VA)`], close: () => signIn.close() };
}
