// The Outlook pane is its own page of the tab's build, so Outlook loads only what the pane uses: not the
// tab's views, not teams-js, and MSAL (nested app authentication) only once the pane signs in through Outlook.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { buildTab, TAB_DIST } from '../src/api/tab-build.ts';
import { LANGUAGES } from '../src/i18n/locales.ts';
import { t } from '../src/i18n/messages.ts';

/** The scripts a page loads before it runs: its entry module and the modules Vite preloads with it. */
async function initialScripts(page: string): Promise<Map<string, string>> {
  const html = await readFile(join(TAB_DIST, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(TAB_DIST, file), 'utf8')] as const)));
}

const gzipKb = (scripts: Map<string, string>) => Math.round([...scripts.values()].reduce((sum, code) => sum + gzipSync(code).length, 0) / 1024);

beforeAll(async () => {
  // The current sources, not whatever an earlier run left in dist/tab.
  await buildTab();
}, 120_000);

it('loads none of the tab\'s views, teams-js or MSAL up front', async () => {
  const pane = await initialScripts('addin/index.html');
  expect([...pane.keys()].some((file) => /\/addin-[\w-]+\.js$/.test(file))).toBe(true);
  for (const [file, code] of pane) {
    expect(file).not.toMatch(/\/(Trend|Messages|Settings|Feedback|Waiting|ThisWeek)-/);
    expect(code, file).not.toContain('msal.js.browser');
    expect(code, file).not.toContain('teamsjs');
  }
  // MSAL is in the build, for the pane to load when it signs in through Outlook.
  const assets = await Promise.all((await readdir(join(TAB_DIST, 'assets'))).map((name) => readFile(join(TAB_DIST, 'assets', name), 'utf8')));
  expect(assets.some((code) => code.includes('msal.js.browser'))).toBe(true);
  console.info(`pane: ${pane.size} scripts, ${gzipKb(pane)} kB gzip up front; tab: ${gzipKb(await initialScripts('index.html'))} kB`);
});

it('loads only the reader\'s catalog, once running: none of the five languages up front', async () => {
  const assets = await Promise.all((await readdir(join(TAB_DIST, 'assets'))).map((name) => readFile(join(TAB_DIST, 'assets', name), 'utf8')));
  for (const page of ['index.html', 'addin/index.html']) {
    const scripts = await initialScripts(page);
    for (const language of LANGUAGES) {
      const sample = t(language, 'tab.noPairing');
      for (const [file, code] of scripts) expect(code, `${language} catalog in ${file}, up front in ${page}`).not.toContain(sample);
      // Still in the build, for the page to load once it knows its reader's locale.
      expect(assets.some((code) => code.includes(sample)), language).toBe(true);
    }
  }
});
