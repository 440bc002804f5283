// Builds the tab with Vite when its bundle is missing, so `npm start` works from a fresh checkout. A build
// goes to a staging folder first and then moves in file by file, the pages last: a server (or a test)
// running meanwhile never finds dist/tab empty, and a page it already served still finds its hashed assets.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TAB_DIST = fileURLToPath(new URL('../../dist/tab', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../tab/vite.config.ts', import.meta.url));

/**
 * Builds the tab (and the Outlook pane, the same Vite build) into dist/tab. `loadVite` is Vite's import, a
 * parameter so a test can fail it as a production install does.
 */
export async function buildTab(loadVite: () => Promise<Pick<typeof import('vite'), 'build'>> = () => import('vite')): Promise<void> {
  const staging = `${TAB_DIST}.build-${randomBytes(4).toString('hex')}`;
  const { build } = await loadVite().catch((error: unknown) => {
    // A production install (npm ci --omit=dev) has no Vite: its image builds the tab before it drops them.
    if ((error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`${TAB_DIST} holds no complete build of the tab and Vite, a devDependency, is not installed: run \`npm run build\` where it is`, { cause: error });
  });
  try {
    await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    const entries = await readdir(staging, { recursive: true });
    const files = [];
    for (const entry of entries) if ((await stat(join(staging, entry))).isFile()) files.push(entry);
    // Pages name the hashed assets, so they replace the old ones only once every asset is in place.
    files.sort((a, b) => Number(a.endsWith('.html')) - Number(b.endsWith('.html')));
    for (const file of files) {
      await mkdir(dirname(join(TAB_DIST, file)), { recursive: true });
      await rename(join(staging, file), join(TAB_DIST, file));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Builds dist/tab unless it holds a build of both pages (the tab and the Outlook pane); returns whether it built. */
export async function ensureTabBuilt(): Promise<boolean> {
  if (existsSync(join(TAB_DIST, 'index.html')) && existsSync(join(TAB_DIST, 'addin/index.html'))) return false;
  await buildTab();
  return true;
}
