import { defineConfig } from 'vitest/config';

const serverTests = ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'];

/**
 * Three tiers: the pure core (and the web client's DOM-free parts), and the same server suite on a
 * real SQLite file and on the real PostgreSQL at 127.0.0.1:5432. The browser tier has its own
 * config (tests/e2e).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['src/core/**/*.test.ts', 'src/shared/**/*.test.ts'],
        },
      },
      {
        // The web client's pure parts and server-rendered markup: Node, no DOM.
        test: {
          name: 'web',
          include: ['src/web/**/*.test.ts', 'src/web/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sqlite',
          include: serverTests,
          env: { STEADFAST_TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: serverTests,
          env: { STEADFAST_TEST_DB: 'postgres' },
          globalSetup: ['src/server/test-support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
