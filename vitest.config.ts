import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bot/**/*.test.ts', 'tab/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
