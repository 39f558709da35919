import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Everything that needs no browser; tests/web/ holds only the browser (Chromium) tests.
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/web/**'],
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/web/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
