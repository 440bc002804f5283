// The tab as the server mounts it: its API over the identity the wiring chose, and its bundle (built when
// missing, so a fresh checkout's `npm start` works).
import type { Hono } from 'hono';
import type { TokenValidator } from '../auth/token-validator.ts';
import type { Logger } from '../log.ts';
import { createApiApp } from './api-app.ts';
import type { ApiDependencies } from './context.ts';
import { tabAssets } from './tab-assets.ts';
import { ensureTabBuilt, TAB_DIST } from './tab-build.ts';

export interface TabServer {
  readonly api: Hono;
  readonly assets: Hono;
}

export interface TabIdentity {
  readonly validateToken: TokenValidator;
  /** The standalone sign-in picker's routes, mounted at /api/sign-in (local mode only). */
  readonly signIn?: Hono;
}

export async function startTabServer(deps: Omit<ApiDependencies, 'validateToken'>, identity: TabIdentity, log: Logger): Promise<TabServer> {
  if (await ensureTabBuilt()) log.info('tab_built', { dir: TAB_DIST });
  return { api: createApiApp({ ...deps, ...identity }), assets: tabAssets(TAB_DIST) };
}
