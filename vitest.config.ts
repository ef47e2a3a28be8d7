import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Real-browser tests live in tests/e2e and run through their own project once the extension exists.
    exclude: ['node_modules', 'dist'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
