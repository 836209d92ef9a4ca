import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The browser tier: the built server (dist/) in a child process on a free port with a fresh data
 * folder, driven by Debian's Chromium through playwright-core. `npm test` builds first.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..', '..'),
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/server.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
