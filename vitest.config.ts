import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bot/**/*.test.ts', 'tab/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // Opening a PGlite database or migrating a scratch one takes seconds on a loaded 2-core CI machine.
    hookTimeout: 60_000,
  },
});
