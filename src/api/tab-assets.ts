// Serves the built tab (dist/tab) at /tab/: index.html never cached (it names the current hashed bundles),
// hashed assets cached for good, and framing allowed only by Teams, Outlook and the Microsoft 365 app.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Hosts that embed a Teams tab (Teams, Outlook, the Microsoft 365 app), per Teams' tab requirements. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
].join(' ');

/** Mounted at /tab: files are looked up without that prefix. */
const withoutMount = (path: string) => path.replace(/^\/tab(?=\/|$)/, '');

export function tabAssets(distDir: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', `frame-ancestors ${FRAME_ANCESTORS}`);
    c.header('X-Content-Type-Options', 'nosniff');
  });
  const index = serveStatic({ root: distDir, path: 'index.html', onFound: (_path, c) => void c.header('Cache-Control', 'no-cache') });
  app.get('/', index);
  app.get('/assets/*', serveStatic({ root: distDir, rewriteRequestPath: withoutMount, onFound: (_path, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  // The Outlook add-in's task pane (addin/index.html) and its ribbon icons, named in the manifest.
  app.get('/addin/*', serveStatic({ root: distDir, rewriteRequestPath: withoutMount, onFound: (_path, c) => void c.header('Cache-Control', 'no-cache') }));
  // Views are client-side: any other path under /tab/ gets the app.
  app.get('*', index);
  return app;
}
