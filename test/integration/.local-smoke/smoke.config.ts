import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['test/integration/.local-smoke/*.test.ts'], testTimeout: 300_000 } });
