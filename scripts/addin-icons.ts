// Renders the Outlook add-in's ribbon icons (16, 32 and 80 px, the sizes Outlook requires) from the app's one
// SVG source into tab/public/addin/, which Vite copies into the built tab so the server serves them at
// /tab/addin/icon-<size>.png. Run after changing manifest/icon.svg: `node --import tsx scripts/addin-icons.ts`
// (test/addin-manifest.test.ts fails while the committed files differ from a fresh render).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDIN_ICON_SIZES } from './addin-manifest.ts';
import { render } from './icons.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ADDIN_ICON_DIR = join(ROOT, 'tab/public/addin');

export const addinIconFile = (size: number) => `icon-${size}.png`;

export async function renderAddinIcons(): Promise<Map<string, Buffer>> {
  const svg = await readFile(join(ROOT, 'manifest/icon.svg'), 'utf8');
  return new Map(ADDIN_ICON_SIZES.map((size) => [addinIconFile(size), render(svg, size)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, png] of await renderAddinIcons()) await writeFile(join(ADDIN_ICON_DIR, name), png);
}
