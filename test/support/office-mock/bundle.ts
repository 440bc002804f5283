// Bundles the Office.js mock (outlook.ts, with office-addin-mock) into one classic script, served in place of
// Microsoft's CDN copy of Office.js when the pane's page asks for it.
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

/** Where the pane's page loads Office.js from (tab/addin/index.html). */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export async function officeMockScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { 'office-addin-manifest': fileURLToPath(new URL('office-app-shim.ts', import.meta.url)) } },
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('outlook.ts', import.meta.url)), formats: ['iife'], name: 'OfficeMock' },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = results.flatMap((result) => result.output).find((item) => item.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('the Office.js mock did not bundle');
  return chunk.code;
}
