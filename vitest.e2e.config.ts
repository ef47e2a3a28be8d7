import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium with the built extension (see tests/e2e/global-setup.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time: each file launches its own Chromium with a fresh profile.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
