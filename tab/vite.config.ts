// Builds the tab into dist/tab (index.html + hashed assets), served by the app at /tab/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const MESSAGES = fileURLToPath(new URL('../src/i18n/messages.ts', import.meta.url));
const CATALOG = fileURLToPath(new URL('../src/i18n/catalog.ts', import.meta.url));

/**
 * Shared code (format.ts, the feedback questions) imports messages.ts, which registers all five languages for
 * the server. The browser gets catalog.ts in its place: the same t(), over only the catalog the page loads
 * for its reader (src/i18n/load-catalog.ts), so the other four never reach the bundle's first chunks.
 */
function readerCatalogOnly(): Plugin {
  return {
    name: 'tandem:reader-catalog-only',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/messages.ts') || importer === undefined) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === MESSAGES ? CATALOG : null;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/tab/',
  plugins: [readerCatalogOnly(), react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    // Never emptied: servers and tests running during a build keep finding the pages and the assets they name
    // (hashed names, so stale files only take space in a git-ignored folder).
    emptyOutDir: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // The Outlook add-in's task pane is its own page, so it loads none of the tab's views.
    rolldownOptions: { input: { tab: fileURLToPath(new URL('index.html', import.meta.url)), addin: fileURLToPath(new URL('addin/index.html', import.meta.url)) } },
  },
});
