import { defineConfig } from 'vitest/config';

// `npm test`: everything that needs no container runtime. The container suites have
// their own config (vitest.integration.config.ts) and command (`npm run test:integration`).
export default defineConfig({
  // Tests run the workspace package from its source, as the typecheck does (no build first).
  resolve: {
    alias: {
      '@roboshpee/discord-double': `${import.meta.dirname}/packages/discord-double/src/index.ts`,
    },
  },
  test: {
    include: [
      'bot/test/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'dashboards/test/**/*.test.ts',
      'test/stack/**/*.test.ts',
      'test/nix/**/*.test.ts',
      'test/tooling/**/*.test.ts',
      'test/kubernetes/**/*.test.ts',
      'test/harness/**/*.test.ts',
      'test/bench/**/*.test.ts',
    ],
    // The tests that run the built bot (wire, health, logger) need bot/dist: built once here.
    globalSetup: ['harness/bot/build-before-tests.ts'],
    testTimeout: 20_000,
  },
});
