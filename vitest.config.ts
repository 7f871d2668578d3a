import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // better-sqlite3 is a native addon; forks keep each test file in its own process.
    pool: 'forks',
  },
});
