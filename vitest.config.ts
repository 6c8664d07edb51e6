import { defineConfig } from 'vitest/config';

// chDB binds one data directory per process (worker threads included), so every test file runs in
// its own forked process and opens its own temporary directory.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dashboard/dist/**'],
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    isolate: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
