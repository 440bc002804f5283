// Builds the tab with Vite when its bundle is missing, so `npm start` works from a fresh checkout.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TAB_DIST = fileURLToPath(new URL('../../dist/tab', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../tab/vite.config.ts', import.meta.url));

/** Builds dist/tab unless it holds a build of both pages (the tab and the Outlook pane); returns whether it built. */
export async function ensureTabBuilt(): Promise<boolean> {
  if (existsSync(join(TAB_DIST, 'index.html')) && existsSync(join(TAB_DIST, 'addin/index.html'))) return false;
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
  return true;
}
