import { availableParallelism } from 'node:os';
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
          // The migrated (and seeded) database snapshots are made once, before the first file, not inside a test.
          globalSetup: ['tests/helpers/global-setup.ts'],
          // Vitest's default is one worker fewer than the cores: one on a 2-core machine. PGlite is single-threaded, so
          // two files at a time use both cores. Files share their worker's module graph (no per-file re-import of the
          // app, nor per-file image of the snapshot); every test still gets a fresh database, and CI shuffles the order.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/web/**/*.test.ts'],
          // Each file's server starts on a copy of the same seeded snapshot as the API tests (made once, here).
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two files at a time, each with its own server, database and Chromium: much of a browser test is waiting on
          // the page. Measured on 2 cores: 4 min 23–34 s instead of 5 min 45 s one file at a time, all passing.
          maxWorkers: 2,
          // expect.poll waits for the page (a status after a click, a layer after a fetch): up to 15 s, not the default
          // 1 s, so a slow or busy machine waits longer instead of failing. It asserts nothing about speed.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
