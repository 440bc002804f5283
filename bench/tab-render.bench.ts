// The tab in headless Chromium: the initial JavaScript it downloads and the first meaningful render —
// navigation start to "This week" showing the engine's rate — against the real app and API on embedded PGlite
// with a seeded pairing (target ≤ 1.5 s; median of fresh browser contexts).
//
// Initial JavaScript (target ≤ 180 KB): every `<script src>` and `<link rel="modulepreload">` that
// dist/tab/index.html names, each file gzipped at level 9 and summed (KB = 1024 bytes). Also reported, not
// counted against the target: all the JavaScript the first cold load fetched before its meaningful render,
// which adds what main.tsx imports before rendering (the reader's catalog) and what the first view fetches.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { startTabServer } from '../src/api/tab-server.ts';
import { buildTab, TAB_DIST } from '../src/api/tab-build.ts';
import { systemClock } from '../src/ports/clock.ts';
import { silentLogger } from '../src/log.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { localTabIdentity } from '../src/wiring/local.ts';
import { openDatabase } from '../src/store/database.ts';
import { freePort, launchChromium, seededDataDir } from '../test/support/tab-browser.ts';
import { services } from '../test/support/services.ts';
import { objectIdFor, seedTabPairing } from '../test/support/tab-seed.ts';

const RUNS = 7;
const KB = 1024;
const TARGET_KB = 180;

/** Gzipped size (level 9) of a file of the build, by its URL under /tab/. */
async function gzippedSize(url: string): Promise<number> {
  if (!url.startsWith('/tab/')) throw new Error(`${url} is not in the tab's build: count it by hand`);
  return gzipSync(await readFile(join(TAB_DIST, url.slice('/tab/'.length))), { level: 9 }).length;
}

await buildTab();
const html = await readFile(join(TAB_DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(script|link)\b[^>]*>/g)].flatMap(([tag, name]) => {
  const src = name === 'script' ? /\bsrc="([^"]+)"/.exec(tag)?.[1] : /\brel="modulepreload"/.test(tag) ? /\bhref="([^"]+)"/.exec(tag)?.[1] : undefined;
  return src === undefined ? [] : [src];
});
let gzipped = 0;
for (const url of initial) gzipped += await gzippedSize(url);
process.stdout.write(
  `Tab initial JS (every script and modulepreload in index.html, gzip -9): ${initial.length} files, ` +
    `${(gzipped / KB).toFixed(1)} KB (target ≤ ${TARGET_KB} KB)\n`,
);

const dataDir = await seededDataDir(async (db) => void (await seedTabPairing(db, Date.now())));
const port = await freePort();
const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
const identity = await localTabIdentity(db, `localhost:${port}`, silentLogger);
const tab = await startTabServer({ db, clock: systemClock, log: silentLogger, ...services(db) }, identity, silentLogger);
const server = serve({ fetch: createApp({ db, jobsRunning: () => true, log: silentLogger, tab }).fetch, port });
const url = `http://localhost:${port}`;
const { token } = (await (await fetch(`${url}/api/sign-in/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ oid: objectIdFor('owner@contoso.example') }) })).json()) as { token: string };

const browser = await launchChromium();
const times: number[] = [];
/** The first cold load's scripts, in the order they finished, and how many had finished at the meaningful render. */
const fetched: string[] = [];
let fetchedBeforeRender = 0;
for (let run = 0; run < RUNS; run++) {
  // A fresh context each time: nothing cached in the browser, signed in as the tab would be after the picker.
  const context = await browser.newContext();
  await context.addInitScript((value) => {
    sessionStorage.setItem('tandem.token', value);
    new MutationObserver((_changes, observer) => {
      if (document.querySelector('[data-testid="rate"]') === null) return;
      (window as unknown as { meaningfulAt: number }).meaningfulAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, token);
  const page = await context.newPage();
  if (run === 0) {
    page.on('requestfinished', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.js')) fetched.push(pathname);
    });
  }
  await page.goto(`${url}/tab/`);
  await page.locator('[data-testid="rate"]').waitFor();
  if (run === 0) fetchedBeforeRender = fetched.length;
  times.push(await page.evaluate(() => (window as unknown as { meaningfulAt: number }).meaningfulAt));
  await context.close();
}
let fetchedGzipped = 0;
for (const path of fetched.slice(0, fetchedBeforeRender)) fetchedGzipped += await gzippedSize(path);
const extra = fetched.slice(0, fetchedBeforeRender).filter((path) => !initial.includes(path)).map((path) => path.replace(/^.*\//, ''));
process.stdout.write(
  `Tab JS fetched before the first meaningful render (first cold load, gzip -9): ${fetchedBeforeRender} files, ` +
    `${(fetchedGzipped / KB).toFixed(1)} KB; beyond index.html: ${extra.join(', ') || 'none'}\n`,
);
times.sort((a, b) => a - b);
process.stdout.write(
  `Tab first meaningful render (This week with the rate), ${RUNS} cold loads: median ${Math.round(times[Math.floor(RUNS / 2)]!)} ms, ` +
    `best ${Math.round(times[0]!)} ms, worst ${Math.round(times.at(-1)!)} ms (target ≤ 1500)\n`,
);
await browser.close();
server.close();
await identity.close();
await db.close();
