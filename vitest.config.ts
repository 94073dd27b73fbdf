import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit, store and component tests. The in-memory browser comes from WxtVitest (@webext-core/fake-browser);
// IndexedDB from fake-indexeddb. DOM tests pick jsdom per file with `// @vitest-environment jsdom`.
// End-to-end tests of the built extension live in tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // jsdom keeps cloned documents with ids alive (jsdom issue 4234): isolate files in forks so memory is returned.
    pool: 'forks',
    testTimeout: 60_000,
    setupFiles: ['tests/support/settle-effects.ts'],
  },
});
