import { defineConfig } from 'vitest/config';

// End-to-end tests of the BUILT extension (.output/) in Debian's Chromium and Firefox ESR. Run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
