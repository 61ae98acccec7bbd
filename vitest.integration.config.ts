import { defineConfig } from 'vitest/config';

// `npm run test:integration`: the container suites (test/integration). Where no container
// runtime is reachable they are reported as skipped, with the reason; the logic they rely
// on is unit-tested in `npm test` (test/harness).
export default defineConfig({
  test: {
    include: ['test/integration/**/*.integration.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    // The suites publish fixed host ports (those of compose.yaml): one at a time.
    fileParallelism: false,
    // Starting a stack includes pulling images on a cold machine.
    hookTimeout: 900_000,
    testTimeout: 300_000,
    reporters: ['verbose'],
  },
});
