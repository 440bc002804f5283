// The tab in headless Chromium: the initial JavaScript it downloads (gzipped; target ≤ 200 KB) and the
// first meaningful render — navigation start to "This week" showing the engine's rate — against the real
// app and API on embedded PGlite with a seeded pairing (target ≤ 1.5 s; median of fresh browser contexts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { startTabServer } from '../src/api/tab-server.ts';
import { buildTab, TAB_DIST } from '../src/api/tab-build.ts';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/jobs/ports.ts';
import { silentLogger } from '../src/log.ts';
import { createApp } from '../src/server/app.ts';
import { openDatabase } from '../src/store/database.ts';
import { freePort, launchChromium, seededDataDir } from '../test/support/tab-browser.ts';
import { seedTabPairing } from '../test/support/tab-seed.ts';

const RUNS = 7;
const KB = 1024;

await buildTab();
const html = await readFile(join(TAB_DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
let gzipped = 0;
for (const file of initial) gzipped += gzipSync(await readFile(join(TAB_DIST, file)), { level: 9 }).length;
process.stdout.write(`Tab initial JS+CSS: ${initial.length} files, ${(gzipped / KB).toFixed(1)} KB gzipped (target ≤ 200 KB)\n`);

const dataDir = await seededDataDir(async (db) => void (await seedTabPairing(db, Date.now())));
const port = await freePort();
const config = loadConfig({ PORT: String(port), TANDEM_DATA_DIR: dataDir });
const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
const tab = await startTabServer(config, db, systemClock, silentLogger);
const server = serve({ fetch: createApp({ db, jobsRunning: () => true, log: silentLogger, tab }).fetch, port });
const url = `http://localhost:${port}`;
const { token } = (await (await fetch(`${url}/api/sign-in/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: 'owner@contoso.example' }) })).json()) as { token: string };

const browser = await launchChromium();
const times: number[] = [];
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
  await page.goto(`${url}/tab/`);
  await page.locator('[data-testid="rate"]').waitFor();
  times.push(await page.evaluate(() => (window as unknown as { meaningfulAt: number }).meaningfulAt));
  await context.close();
}
times.sort((a, b) => a - b);
process.stdout.write(
  `Tab first meaningful render (This week with the rate), ${RUNS} cold loads: median ${Math.round(times[Math.floor(RUNS / 2)]!)} ms, ` +
    `best ${Math.round(times[0]!)} ms, worst ${Math.round(times.at(-1)!)} ms (target ≤ 1500)\n`,
);
await browser.close();
server.close();
await tab.close();
await db.close();
