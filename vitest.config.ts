import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const shared = fileURLToPath(new URL('./packages/shared/src/index.ts', import.meta.url));

// One configuration, four projects: fast unit and integration tests of the server and shared
// code, the web app's own logic, and the browser journeys (run only when a Chromium is present; see scripts/test.mjs).
export default defineConfig({
  resolve: { alias: { '@lifeline/shared': shared } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'packages/shared/src/**/*.test.ts'],
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 2,
          // Limits, not waits: a saturated machine (load 15+) ran the grant matrix and the backup
          // round trip past 30 s. A passing test takes what it takes; these only end a hung one.
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The web app's own logic (forms, formatting, progress): pure functions, no browser.
          name: 'web',
          include: ['apps/web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          // Limits, not waits: a journey takes 10–35 s with both cores busy.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for its condition as long as a locator's waitFor does (Playwright's
          // 30 s), not Vitest's default 1 s, which a loaded machine exceeds.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
