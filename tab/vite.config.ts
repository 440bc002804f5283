// Builds the tab into dist/tab (index.html + hashed assets), served by the app at /tab/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/tab/',
  plugins: [react()],
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
