import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox: Debian's firefox-esr with dist/firefox installed as a temporary add-on.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
